package io.kefu.escalation;

import static io.kefu.shared.FieldErrors.failOn;
import io.kefu.audit.CaseDirectory;
import io.kefu.escalation.EscalationInstruction.Kind;
import io.kefu.escalation.process.EscalationProcess;
import io.kefu.identity.CurrentUser;
import io.kefu.identity.KefuGroups;
import io.kefu.shared.InvalidInputException;
import io.kefu.shared.NotFoundException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 请示报告 (P2): a report raised by any staff member goes up level by level — 主管 → 经理 → 总监 — each level's
 * instruction recorded, until the level the routing table (escalation-routing.dmn) names for the trigger, or a level
 * above it, decides; below that level a report can only be passed on. An urgent report (越级) goes straight to the
 * deciding level, and the reporter reports afterwards to each level skipped (事后补报), which acknowledges it. A leak
 * (失泄密) opens a confidentiality-breach record, handled with the decision.
 */
@Service
@Transactional
public class EscalationService {

    private final EscalationReportRepository reports;
    private final EscalationInstructionRepository instructions;
    private final ConfidentialityBreachRepository breaches;
    private final RuntimeService runtimeService;

    EscalationService(EscalationReportRepository reports, EscalationInstructionRepository instructions,
            ConfidentialityBreachRepository breaches, RuntimeService runtimeService) {
        this.reports = reports;
        this.instructions = instructions;
        this.breaches = breaches;
        this.runtimeService = runtimeService;
    }

    /** A report from Kefu's API: registered, then its escalation-report case starts. Auditors change nothing. */
    public EscalationReport open(EscalationRequest request, CurrentUser user) {
        if (!mayRaise(user)) {
            throw new AccessDeniedException(user.id() + " may not raise reports");
        }
        EscalationReport report = raise(request, user.id(), user.groups());
        runtimeService.startProcessInstanceByKey(EscalationProcess.KEY, report.getReportNo(),
                EscalationProcess.startVariables(report));
        return report;
    }

    /** Every member of staff reports upward; auditors only read. */
    public static boolean mayRaise(CurrentUser user) {
        return !user.isAuditor() || user.isSupervisorOrManager();
    }

    /** Registers a report by {@code reporter}, whose level their groups give. */
    public EscalationReport raise(EscalationRequest request, String reporter, Collection<String> reporterGroups) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (request.trigger() == null) {
            errors.put("trigger", "请选择请示事项的类别");
        }
        if (blank(request.subject())) {
            errors.put("subject", "请填写事由");
        } else if (request.subject().trim().length() > 100) {
            errors.put("subject", "事由最多 100 个字符");
        }
        if (blank(request.details())) {
            errors.put("details", "请填写情况说明");
        } else if (request.details().trim().length() > 4000) {
            errors.put("details", "情况说明最多 4000 个字符");
        }
        if (request.relatedCase() != null && request.relatedCase().trim().length() > 64) {
            errors.put("relatedCase", "相关案件编号最多 64 个字符");
        }
        if (blank(reporter)) {
            errors.put("initiator", "无法确定请示人:请登录后提出请示");
        }
        failOn(errors);
        EscalationReport report = new EscalationReport(request.trigger(), request.subject().trim(),
                request.details().trim(), blank(request.relatedCase()) ? null : request.relatedCase().trim(),
                Boolean.TRUE.equals(request.urgent()), reporter, EscalationLevel.of(reporterGroups));
        reports.saveAndFlush(report);
        report.numberFromId();
        return report;
    }

    public void linkProcess(long id, String processInstanceId) {
        find(id).linkProcess(processInstanceId);
    }

    /**
     * The routing table's answer: the level that decides is the table's, or the level above the reporter when that is
     * higher; the report goes first to the level above the reporter, or, when urgent, straight to the deciding level.
     */
    public EscalationReport route(long id, EscalationLevel tableLevel) {
        EscalationReport report = find(id);
        EscalationLevel above = report.getReporterLevel().next();
        EscalationLevel deciding = EscalationLevel.higher(tableLevel, above);
        report.route(deciding, report.isUrgent() ? deciding : above);
        return report;
    }

    /** 失泄密: the confidentiality-breach record, opened once. */
    public ConfidentialityBreach openBreach(long id) {
        EscalationReport report = find(id);
        return breaches.findByReportId(id).orElseGet(() ->
                breaches.save(new ConfidentialityBreach(id, report.getReporter())));
    }

    /**
     * A level's instruction (批示). {@code decide}: the level settles the matter (only at or above the deciding level;
     * the director always does); otherwise it passes the report on to the next level with its instruction.
     */
    public EscalationReport instruct(long id, EscalationLevel level, String actor, boolean decide, String instruction) {
        EscalationReport report = find(id);
        if (actor.equals(report.getReporter())) {
            throw InvalidInputException.of("instruction", "请示人不能批示自己的请示");
        }
        if (report.getStatus() != EscalationReport.Status.OPEN || report.getCurrentLevel() != level) {
            throw new IllegalStateException("report " + report.getReportNo() + " is not waiting for " + level);
        }
        if (blank(instruction)) {
            throw InvalidInputException.of("instruction", "请填写批示意见");
        }
        if (decide && level.isBelow(report.getDecidingLevel())) {
            throw InvalidInputException.of("decided", "此类事项须由" + report.getDecidingLevel().label()
                    + "批示,请呈报上级");
        }
        boolean decides = decide || level == EscalationLevel.DIRECTOR;
        instructions.save(new EscalationInstruction(id, level, decides ? Kind.DECIDED : Kind.FORWARDED, actor,
                instruction.trim()));
        if (decides) {
            report.decide(actor, level, instruction.trim());
            breaches.findByReportId(id).ifPresent(b -> b.handle(actor, instruction.trim()));
        } else {
            report.forwardTo(level.next());
        }
        return report;
    }

    /** The levels an urgent report skipped (between the reporter and the deciding level), lowest first. */
    public List<EscalationLevel> skippedLevels(EscalationReport report) {
        List<EscalationLevel> skipped = new ArrayList<>();
        if (report.isUrgent() && report.getDecidingLevel() != null) {
            for (EscalationLevel level : EscalationLevel.values()) {
                if (report.getReporterLevel().isBelow(level) && level.isBelow(report.getDecidingLevel())) {
                    skipped.add(level);
                }
            }
        }
        return skipped;
    }

    /** 事后补报: the reporter tells the skipped levels what was reported and decided. */
    public void afterReport(long id, String actor, String text) {
        EscalationReport report = find(id);
        if (!actor.equals(report.getReporter())) {
            throw InvalidInputException.of("afterReport", "事后补报由请示人 " + report.getReporter() + " 提交");
        }
        if (blank(text)) {
            throw InvalidInputException.of("afterReport", "请填写事后补报的内容");
        }
        report.afterReport(text.trim());
        instructions.save(new EscalationInstruction(id, report.getReporterLevel(), Kind.AFTER_REPORT, actor,
                text.trim()));
    }

    /** A skipped level has read the after-report (知悉). */
    public void acknowledge(long id, String group, String actor, String note) {
        EscalationLevel level = java.util.Arrays.stream(EscalationLevel.values())
                .filter(l -> group != null && group.equals(l.group())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no level has the group " + group));
        instructions.save(new EscalationInstruction(id, level, Kind.ACKNOWLEDGED, actor,
                blank(note) ? "已知悉" : note.trim()));
    }

    public void close(long id) {
        find(id).close();
    }

    @Transactional(readOnly = true)
    public EscalationReport find(long id) {
        return reports.findById(id).orElseThrow(() -> new NotFoundException("请示 " + id + " 不存在"));
    }

    @Transactional(readOnly = true)
    public Optional<EscalationReport> forProcessInstance(String processInstanceId) {
        return reports.findByProcessInstanceId(processInstanceId);
    }

    @Transactional(readOnly = true)
    public Optional<EscalationReport> byNumber(String reportNo) {
        return reports.findByReportNo(reportNo);
    }

    @Transactional(readOnly = true)
    public List<EscalationInstruction> instructions(long id) {
        return instructions.findByReportIdOrderById(id);
    }

    @Transactional(readOnly = true)
    public Optional<ConfidentialityBreach> breach(long id) {
        return breaches.findByReportId(id);
    }

    /** A report the user may read, else 404. */
    @Transactional(readOnly = true)
    public EscalationReport readable(long id, CurrentUser user) {
        return reports.findById(id).filter(r -> mayRead(r, user))
                .orElseThrow(() -> new NotFoundException("请示 " + id + " 不存在"));
    }

    /** Reports the user may read, newest first. */
    @Transactional(readOnly = true)
    public Page<EscalationReport> search(CurrentUser user, Pageable page) {
        if (seesAll(user)) {
            return reports.findAll(page);
        }
        return reports.findAll((root, q, cb) -> cb.equal(root.get("reporter"), user.id()), page);
    }

    /** The reporter, and the levels that instruct (supervisors, managers, directors) and auditors. */
    public static boolean mayRead(EscalationReport report, CurrentUser user) {
        return report.getReporter().equals(user.id()) || seesAll(user);
    }

    private static boolean seesAll(CurrentUser user) {
        return CaseDirectory.seesEveryCase(user) || user.inGroup(KefuGroups.DIRECTORS);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
