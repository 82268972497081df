package io.kefu.complaint;

import io.kefu.shared.CaseNote;
import io.kefu.audit.EntityCaseHistory;
import io.kefu.audit.FormLabels;
import io.kefu.audit.RecordChanges;
import io.kefu.audit.TimelineEntry;
import io.kefu.complaint.process.ComplaintProcess;
import java.util.ArrayList;
import java.util.Collections;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The complaint record's part of a complaint case's timeline: every field change (Envers), every deadline breach and
 * every escalation or instruction note; and the complaint's rules for the case search (customer, breaches, and the
 * owner and responsible department who may read the case).
 */
@Component
class ComplaintRecordHistory extends EntityCaseHistory {

    static final RecordChanges.Labels LABELS = new RecordChanges.Labels("投诉记录", Map.ofEntries(
            Map.entry("caseNo", "投诉编号"), Map.entry("complainantName", "投诉人"),
            Map.entry("complainantPhone", "投诉人电话"), Map.entry("channel", "渠道"), Map.entry("category", "投诉类别"),
            Map.entry("severity", "严重程度"), Map.entry("description", "投诉内容"), Map.entry("customerRequest", "客户诉求"),
            Map.entry("complainedEmployee", "被投诉人"), Map.entry("ownerId", "首问负责人"), Map.entry("status", "状态"),
            Map.entry("priority", "优先级"), Map.entry("responseHours", "响应时限(小时)"),
            Map.entry("resolutionHours", "解决时限(小时)"), Map.entry("notifyManager", "通知经理"),
            Map.entry("managerApproval", "需经理审批"), Map.entry("responseDue", "响应期限"),
            Map.entry("resolutionDue", "解决期限"), Map.entry("returnVisitDue", "回访期限"),
            Map.entry("respondedAt", "响应时间"), Map.entry("resolvedAt", "解决时间"), Map.entry("closedAt", "结案时间"),
            Map.entry("repeatComplaint", "重复投诉"), Map.entry("repeatReason", "重复原因"), Map.entry("valid", "投诉成立"),
            Map.entry("validityReason", "判定理由"), Map.entry("invalidReply", "不成立答复"), Map.entry("department", "责任部门"),
            Map.entry("customerAccepted", "客户接受"), Map.entry("satisfaction", "满意度"),
            Map.entry("reopenCount", "重新处理次数"), Map.entry("rootCause", "根本原因"),
            Map.entry("preventiveMeasures", "预防措施"), Map.entry("closingCategory", "结案类别"),
            Map.entry("closingSummary", "结案总结"), Map.entry("processInstanceId", "流程实例")),
            Set.of("complainantName", "complainantPhone"));

    /** A round of handling's fields: its entries carry their round, the case page groups them under it. */
    static final Map<String, String> ROUND_FIELDS = Map.ofEntries(
            Map.entry("number", "轮次"), Map.entry("openedAt", "开始时间"), Map.entry("department", "责任部门"),
            Map.entry("causeType", "原因类型"), Map.entry("findings", "调查结果"), Map.entry("responsiblePerson", "责任人"),
            Map.entry("investigatedBy", "调查人"), Map.entry("investigatedAt", "调查时间"),
            Map.entry("solutionOption1", "方案一"), Map.entry("solutionOption2", "方案二"),
            Map.entry("solutionOption3", "方案三"), Map.entry("proposedBy", "方案提出人"),
            Map.entry("proposedAt", "方案提出时间"), Map.entry("chosenOption", "采用方案"),
            Map.entry("decisionInstruction", "审批批示"), Map.entry("decidedBy", "审批人"),
            Map.entry("decidedAt", "审批时间"), Map.entry("implementationNotes", "实施情况"),
            Map.entry("penalties", "处罚"), Map.entry("implementedBy", "实施人"), Map.entry("implementedAt", "实施时间"),
            Map.entry("customerAccepted", "客户接受"), Map.entry("acceptanceMethod", "确认方式"),
            Map.entry("acceptanceReference", "确认凭据"), Map.entry("confirmedBy", "确认人"),
            Map.entry("confirmedAt", "确认时间"), Map.entry("satisfaction", "满意度"), Map.entry("visitRemarks", "回访记录"),
            Map.entry("visitedBy", "回访人"), Map.entry("visitedAt", "回访时间"));

    /**
     * Round fields the timeline leaves out: who and when (each entry carries its revision's actor and time), and what
     * the complaint's own entries already say (its responsible department, latest answer and acceptance).
     */
    private static final Set<String> ROUND_FIELDS_SHOWN_ELSEWHERE = Set.of("investigatedBy", "investigatedAt",
            "proposedBy", "proposedAt", "decidedBy", "decidedAt", "implementedBy", "implementedAt", "confirmedBy",
            "confirmedAt", "visitedBy", "visitedAt", "department", "satisfaction", "customerAccepted");

    @PersistenceContext
    private EntityManager em;
    @Autowired
    private JdbcTemplate jdbc;


    ComplaintRecordHistory() {
        super(Set.of(ComplaintProcess.KEY), Complaint.class, "caseNo", null, "customerId", LABELS);
    }

    /**
     * The complaint record's changes, then each round's, each in its round (the creation of a round's record begins
     * the round: the timeline puts the case's later steps in it).
     */
    @Override
    @Transactional(readOnly = true)
    public List<TimelineEntry> changes(String businessKey, FormLabels.Options options) {
        List<TimelineEntry> entries = new ArrayList<>(super.changes(businessKey, options));
        Long id = jdbc.query("select id from complaint where case_no = ?", rs -> rs.next() ? rs.getLong(1) : null,
                businessKey);
        if (id != null) {
            entries.addAll(beforeRounds(jdbc, id, options));
        }
        List<ComplaintRound> rounds = em.createQuery("select r from ComplaintRound r where r.complaint.caseNo = :key"
                + " order by r.number", ComplaintRound.class).setParameter("key", businessKey).getResultList();
        Set<String> omitted = new HashSet<>();
        ROUND_FIELDS_SHOWN_ELSEWHERE.forEach(f -> omitted.add("修改 " + ROUND_FIELDS.get(f)));
        for (ComplaintRound round : rounds) {
            String heading = "第" + round.getNumber() + "轮 ";
            RecordChanges.Labels labels = new RecordChanges.Labels(heading.trim() + "处理记录", ROUND_FIELDS, Set.of(),
                    // the round keeps the chosen option's number; the forms offer it as OPTION_1, OPTION_2...
                    Map.of("chosenOption", "solutionDecision:OPTION_"));
            for (TimelineEntry e : RecordChanges.of(em, ComplaintRound.class, round.getId(), labels, options)) {
                if (!omitted.contains(e.summary())) {
                    entries.add(e.inRound(round.getNumber()));
                }
            }
        }
        return entries;
    }

    /**
     * The round fields a complaint record held itself before rounds were kept apart (V10): {@code complaint_aud} keeps
     * their columns, and the revisions written before V10 their values. By column, the round field each became.
     */
    private static final Map<String, String> FIELDS_BEFORE_ROUNDS = new LinkedHashMap<>();

    static {
        for (String field : List.of("causeType", "findings", "responsiblePerson", "solutionOption1", "solutionOption2",
                "solutionOption3", "chosenOption", "implementationNotes", "penalties", "acceptanceMethod",
                "acceptanceReference", "visitRemarks")) {
            FIELDS_BEFORE_ROUNDS.put(field.replaceAll("([A-Z])", "_$1").toLowerCase(), field);
        }
    }

    /**
     * What the complaint's revisions from before V10 changed in the fields that moved to its rounds, in words and each
     * in its round — its first, then one more after every 不满意 return visit (the revision in which 已解决 became
     * 重新处理) — with the beginning of each round marked, as a round's own record marks it. The revisions written
     * since V10 leave those columns empty: the first revision that empties all of them ends this history. Nothing for
     * a complaint registered since V10, whose rounds tell it.
     */
    static List<TimelineEntry> beforeRounds(JdbcTemplate jdbc, long complaintId, FormLabels.Options options) {
        Integer auditedRound = jdbc.queryForObject("select count(*) from complaint_round_aud where complaint_id = ?"
                + " and revtype = 0 and round_no = 1", Integer.class, complaintId);
        if (auditedRound != null && auditedRound > 0) {
            return List.of();
        }
        String columns = String.join(", ", FIELDS_BEFORE_ROUNDS.keySet().stream().map(c -> "a." + c).toList());
        List<Map<String, Object>> revisions = jdbc.queryForList("select a.status, r.revtstmp, r.username, " + columns
                + " from complaint_aud a join revinfo r on r.rev = a.rev where a.id = ? order by a.rev", complaintId);
        RecordChanges.Labels labels = new RecordChanges.Labels("处理记录", ROUND_FIELDS, Set.of(),
                Map.of("chosenOption", "solutionDecision:OPTION_"));
        List<TimelineEntry> entries = new ArrayList<>();
        Map<String, Object> before = null;
        String statusBefore = null;
        int round = 1;
        for (Map<String, Object> revision : revisions) {
            Instant at = Instant.ofEpochMilli(((Number) revision.get("revtstmp")).longValue());
            String actor = revision.get("username") == null ? "system" : (String) revision.get("username");
            Map<String, Object> values = new LinkedHashMap<>();
            FIELDS_BEFORE_ROUNDS.forEach((column, field) -> values.put(field, revision.get(column)));
            boolean empty = values.values().stream().allMatch(java.util.Objects::isNull);
            if (before == null) {
                entries.add(roundBegins(at, actor, 1));
                before = new LinkedHashMap<>();
            } else if (empty && before.values().stream().anyMatch(java.util.Objects::nonNull)) {
                break; // written since V10: the rounds tell the rest
            }
            for (Map.Entry<String, Object> value : values.entrySet()) {
                Object was = number(before.get(value.getKey()));
                Object is = number(value.getValue());
                if (!java.util.Objects.equals(was, is)) {
                    String shown = labels.valueText(value.getKey(), was, options) + " → "
                            + labels.valueText(value.getKey(), is, options);
                    String code = (was == null ? "—" : was) + " → " + (is == null ? "—" : is);
                    entries.add(TimelineEntry.record(at, "FIELD_CHANGED", actor, "修改 " + labels.of(value.getKey()),
                            shown).withCode(code.equals(shown) ? null : code).inRound(round));
                }
            }
            String status = (String) revision.get("status");
            if ("RESOLVED".equals(statusBefore) && "REOPENED".equals(status)) {
                round++;
                entries.add(roundBegins(at, actor, round));
            }
            before = values;
            statusBefore = status;
        }
        return entries;
    }

    private static TimelineEntry roundBegins(Instant at, String actor, int round) {
        return TimelineEntry.record(at, "RECORD_CREATED", actor, "第" + round + "轮处理开始", null).inRound(round);
    }

    /** Option numbers as the database driver hands them (Integer, Long, BigDecimal) compared as one. */
    private static Object number(Object value) {
        return value instanceof Number n ? (Object) n.intValue() : value;
    }

    /** Besides its field changes, a complaint keeps its deadline breaches and its escalation and instruction notes. */
    @Override
    protected List<TimelineEntry> events(Object record) {
        Complaint complaint = (Complaint) record;
        List<TimelineEntry> entries = new ArrayList<>();
        for (Breach breach : complaint.getBreaches()) {
            entries.add(TimelineEntry.record(breach.getDetectedAt(), "SLA_BREACH", "system",
                    "超时: " + breach.getType().label(), "期限 " + complaint.deadlineText(breach.getDeadline())));
        }
        for (CaseNote note : complaint.getNotes()) {
            boolean escalation = note.getKind().endsWith("_SUPERVISED") || note.getKind().equals("SEVERE_ACKNOWLEDGED");
            entries.add(TimelineEntry.record(note.getCreatedAt(), escalation ? "ESCALATION" : "NOTE", note.getAuthor(),
                    ComplaintNoteKind.labelOf(note.getKind()), note.getText()));
        }
        return entries;
    }

    @Override
    public CaseKeys keysOfCustomer(long customerId) {
        return CaseKeys.of("select c.case_no from complaint c where c.customer_id = ?", customerId);
    }

    @Override
    public CaseKeys keysWithBreach() {
        return CaseKeys.of("select c.case_no from complaint c where exists "
                + "(select 1 from complaint_breach b where b.complaint_id = c.id)");
    }

    @Override
    public CaseKeys keysVisibleTo(String userId, Set<String> groups) {
        List<Object> params = new ArrayList<>();
        params.add(userId);
        Set<String> departments = ComplaintController.departments(groups);
        params.addAll(departments);
        String sql = "select c.case_no from complaint c where c.owner_id = ?" + (departments.isEmpty() ? ""
                : " or c.department in (" + String.join(",", Collections.nCopies(departments.size(), "?")) + ")");
        return new CaseKeys(sql, params);
    }

    /** 被投诉人应当回避: the employee the complaint is about. */
    @Override
    @Transactional(readOnly = true)
    public Optional<String> recusedUser(String businessKey) {
        return em.createQuery("select c.complainedEmployee from Complaint c where c.caseNo = :key", String.class)
                .setParameter("key", businessKey).getResultStream().filter(java.util.Objects::nonNull).findFirst();
    }
}
