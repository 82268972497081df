package io.kefu.audit;

import io.kefu.customer.CustomerService;
import io.kefu.identity.CurrentUser;
import io.kefu.shared.time.WorkingHours;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;

/**
 * Finds cases — process instances of any Kefu process, running or ended — in the engine's history tables, joined
 * with the features' own tables through {@link CaseRecordHistory} subqueries. One SQL query per page; nothing is
 * filtered in memory. Auditors, supervisors and managers find every case; everyone else the cases they started,
 * worked on or could have worked on (a candidate as user or through a group), and those their feature's record
 * gives them (a complaint's owner and responsible department).
 */
@Service
public class CaseDirectory {

    /** A case as the search lists it. */
    public record CaseRow(String processInstanceId, String businessKey, String processKey, String processName,
            String processDefinitionId, Instant startedAt, Instant endedAt, String startedBy, String state) {

        public boolean open() {
            return endedAt == null;
        }

        /** How the console and the API name the case: its business key, or the instance id when it has none. */
        public String caseKey() {
            return businessKey != null ? businessKey : processInstanceId;
        }
    }

    /**
     * Where a listed case stands, for the search's rows: its customer (number and name, masked per reader where the
     * customer is a person), the step it waits in (the open task's name, or the activity's — a timer, a message), the
     * earliest due date of its open tasks, and whether it missed a deadline (recorded by its record, or overdue now).
     */
    public record CaseStanding(String customer, String step, Instant dueAt, boolean breached) {
    }

    /**
     * Search criteria, all optional: process key, customer id, start date range (inclusive, in Kefu's time zone),
     * a participant (started it or worked one of its tasks), open or closed, deadline missed.
     */
    public record Filter(String type, Long customerId, LocalDate from, LocalDate to, String participant, Boolean open,
            Boolean breach) {
    }

    private static final String COLUMNS = """
            p.PROC_INST_ID_, p.BUSINESS_KEY_, p.PROC_DEF_KEY_, d.NAME_, p.PROC_DEF_ID_, p.START_TIME_, p.END_TIME_,
            p.START_USER_ID_, p.STATE_""";
    private static final String FROM = " from ACT_HI_PROCINST p left join ACT_RE_PROCDEF d on d.ID_ = p.PROC_DEF_ID_";
    private static final RowMapper<CaseRow> ROW = (rs, i) -> new CaseRow(rs.getString(1), rs.getString(2),
            rs.getString(3), rs.getString(4), rs.getString(5), instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7)),
            rs.getString(8), rs.getString(9));

    private final JdbcTemplate jdbc;
    private final List<CaseRecordHistory> records;
    private final WorkingHours hours;
    private final CustomerService customers;

    CaseDirectory(JdbcTemplate jdbc, List<CaseRecordHistory> records, WorkingHours hours, CustomerService customers) {
        this.jdbc = jdbc;
        this.records = records;
        this.hours = hours;
        this.customers = customers;
    }

    public Page<CaseRow> search(Filter filter, CurrentUser user, Pageable page) {
        Where where = new Where();
        if (filter.type() != null && !filter.type().isBlank()) {
            where.and("p.PROC_DEF_KEY_ = ?", filter.type().trim());
        }
        if (filter.customerId() != null) {
            where.anyOf(r -> r.keysOfCustomer(filter.customerId()));
        }
        if (filter.from() != null) {
            where.and("p.START_TIME_ >= ?", Timestamp.from(filter.from().atStartOfDay(hours.zone()).toInstant()));
        }
        if (filter.to() != null) {
            where.and("p.START_TIME_ < ?", Timestamp.from(filter.to().plusDays(1).atStartOfDay(hours.zone()).toInstant()));
        }
        if (filter.participant() != null && !filter.participant().isBlank()) {
            String who = filter.participant().trim();
            where.and("(p.START_USER_ID_ = ? or p.PROC_INST_ID_ in "
                    + "(select t.PROC_INST_ID_ from ACT_HI_TASKINST t where t.ASSIGNEE_ = ?))", who, who);
        }
        if (filter.open() != null) {
            where.and(filter.open() ? "p.END_TIME_ is null" : "p.END_TIME_ is not null");
        }
        if (Boolean.TRUE.equals(filter.breach())) {
            where.anyOf(CaseRecordHistory::keysWithBreach);
        }
        visibleTo(user, where);
        Long total = jdbc.queryForObject("select count(*)" + FROM + where.sql(), Long.class, where.params());
        List<Object> params = new ArrayList<>(List.of(where.params()));
        params.add(page.getPageSize());
        params.add(page.getOffset());
        List<CaseRow> rows = jdbc.query("select " + COLUMNS + FROM + where.sql()
                + " order by p.START_TIME_ desc, p.ID_ desc limit ? offset ?", ROW, params.toArray());
        return new PageImpl<>(rows, page, total == null ? 0 : total);
    }

    /**
     * The standing of each listed case (by process instance id), in a fixed number of queries whatever the number of
     * rows: open tasks, waiting activities, recorded breaches, customers.
     */
    public Map<String, CaseStanding> standing(List<CaseRow> rows, CurrentUser user) {
        if (rows.isEmpty()) {
            return Map.of();
        }
        List<String> ids = rows.stream().map(CaseRow::processInstanceId).toList();
        String in = String.join(",", Collections.nCopies(ids.size(), "?"));
        Object[] twice = new Object[ids.size() * 2];
        for (int i = 0; i < ids.size(); i++) {
            twice[i] = ids.get(i);
            twice[ids.size() + i] = ids.get(i);
        }
        Set<String> listed = Set.copyOf(ids);
        // open tasks of the case's instance or of the sub-processes it called (root instance = the listed one)
        Map<String, String> steps = new HashMap<>();
        Map<String, Instant> due = new HashMap<>();
        jdbc.query("select t.PROC_INST_ID_, t.ROOT_PROC_INST_ID_, t.NAME_, t.DUE_DATE_ from ACT_HI_TASKINST t"
                + " where (t.PROC_INST_ID_ in (" + in + ") or t.ROOT_PROC_INST_ID_ in (" + in + "))"
                + " and t.END_TIME_ is null order by t.START_TIME_", rs -> {
                    String id = listed.contains(rs.getString(1)) ? rs.getString(1) : rs.getString(2);
                    steps.merge(id, rs.getString(3) == null ? "待办任务" : rs.getString(3), (a, b) -> a + "、" + b);
                    Instant at = instant(rs.getTimestamp(4));
                    if (at != null) {
                        due.merge(id, at, (a, b) -> a.isBefore(b) ? a : b);
                    }
                }, twice);
        // no open task: where the case waits (a timer, a message, a step the engine works on)
        jdbc.query("select a.PROC_INST_ID_, a.ROOT_PROC_INST_ID_, a.ACT_NAME_, a.ACT_TYPE_ from ACT_HI_ACTINST a"
                + " where (a.PROC_INST_ID_ in (" + in + ") or a.ROOT_PROC_INST_ID_ in (" + in + "))"
                + " and a.END_TIME_ is null and a.ACT_NAME_ is not null order by a.START_TIME_", rs -> {
                    String id = listed.contains(rs.getString(1)) ? rs.getString(1) : rs.getString(2);
                    if (!steps.containsKey(id) && !SCOPES.contains(rs.getString(4))) {
                        steps.put(id, rs.getString(3));
                    }
                }, twice);
        Set<String> breached = new HashSet<>();
        List<Object> params = new ArrayList<>(ids);
        List<String> breachClauses = keyClauses(CaseRecordHistory::keysWithBreach, params);
        if (!breachClauses.isEmpty()) {
            breached.addAll(jdbc.queryForList("select p.PROC_INST_ID_ from ACT_HI_PROCINST p where p.PROC_INST_ID_ in ("
                    + in + ") and (" + String.join(" or ", breachClauses) + ")", String.class, params.toArray()));
        }
        Instant now = Instant.now();
        due.forEach((id, at) -> {
            if (at.isBefore(now)) {
                breached.add(id);
            }
        });
        Map<String, Long> customerIds = new HashMap<>();
        for (CaseRecordHistory record : records) {
            List<String> keys = rows.stream().filter(r -> r.businessKey() != null && record.supports(r.processKey()))
                    .map(CaseRow::businessKey).distinct().toList();
            if (!keys.isEmpty()) {
                customerIds.putAll(record.customerIds(keys));
            }
        }
        Map<Long, String> names = customers.displayNames(Set.copyOf(customerIds.values()), user);
        Map<String, CaseStanding> standing = new HashMap<>();
        for (CaseRow row : rows) {
            Long customerId = row.businessKey() == null ? null : customerIds.get(row.businessKey());
            String id = row.processInstanceId();
            standing.put(id, new CaseStanding(customerId == null ? null : names.get(customerId),
                    row.open() ? steps.get(id) : null, row.open() ? due.get(id) : null, breached.contains(id)));
        }
        return standing;
    }

    /** Activities that only enclose others: the step a case waits in is inside them. */
    private static final Set<String> SCOPES = Set.of("subProcess", "callActivity", "multiInstanceBody", "transaction",
            "eventSubProcess");

    /** What a business key (TS2026-00001) or a process instance id may look like. */
    private static final Pattern CASE_KEY = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    /**
     * Whether an identifier can name a case, a process instance or a task at all (letters, digits and . _ : -). Others
     * name nothing, and MySQL would refuse some of their characters (emoji) against Camunda's utf8 columns.
     */
    public static boolean wellFormedId(String id) {
        return id != null && CASE_KEY.matcher(id).matches();
    }

    /** The process instances of a case (by business key or process instance id) the user may see, oldest first. */
    public List<CaseRow> find(String caseKey, CurrentUser user) {
        if (!wellFormedId(caseKey)) {
            return List.of();
        }
        Where where = new Where();
        where.and("(p.PROC_INST_ID_ = ? or p.BUSINESS_KEY_ = ?)", caseKey, caseKey);
        visibleTo(user, where);
        return jdbc.query("select " + COLUMNS + FROM + where.sql() + " order by p.START_TIME_, p.ID_", ROW,
                where.params());
    }

    /** Auditors, supervisors and managers read every case. */
    public static boolean seesEveryCase(CurrentUser user) {
        return user.isSupervisorOrManager() || user.isAuditor();
    }

    private void visibleTo(CurrentUser user, Where where) {
        if (seesEveryCase(user)) {
            return;
        }
        List<String> clauses = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        clauses.add("p.START_USER_ID_ = ?");
        params.add(user.id());
        clauses.add("p.PROC_INST_ID_ in (select t.PROC_INST_ID_ from ACT_HI_TASKINST t where t.ASSIGNEE_ = ?)");
        params.add(user.id());
        StringBuilder link = new StringBuilder(
                "p.ROOT_PROC_INST_ID_ in (select l.ROOT_PROC_INST_ID_ from ACT_HI_IDENTITYLINK l where l.USER_ID_ = ?");
        params.add(user.id());
        if (!user.groups().isEmpty()) {
            link.append(" or l.GROUP_ID_ in (").append(String.join(",", Collections.nCopies(user.groups().size(), "?")))
                    .append(')');
            params.addAll(user.groups());
        }
        clauses.add(link.append(')').toString());
        clauses.addAll(keyClauses(r -> r.keysVisibleTo(user.id(), user.groups()), params));
        where.and("(" + String.join(" or ", clauses) + ")", params.toArray());
    }

    /** "business key in (subquery)" for each record history that can answer; their parameters go to {@code params}. */
    private List<String> keyClauses(Function<CaseRecordHistory, CaseRecordHistory.CaseKeys> keys, List<Object> params) {
        List<String> clauses = new ArrayList<>();
        for (CaseRecordHistory record : records) {
            CaseRecordHistory.CaseKeys k = keys.apply(record);
            if (k != null) {
                clauses.add("p.BUSINESS_KEY_ in (" + k.sql() + ")");
                params.addAll(k.params());
            }
        }
        return clauses;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** A where clause built from conditions joined by "and". */
    private final class Where {

        private final StringBuilder sql = new StringBuilder();
        private final List<Object> params = new ArrayList<>();

        void and(String condition, Object... values) {
            sql.append(sql.isEmpty() ? " where " : " and ").append(condition);
            params.addAll(List.of(values));
        }

        /** The business key is one of those any record history selects; no record history = no case. */
        void anyOf(Function<CaseRecordHistory, CaseRecordHistory.CaseKeys> keys) {
            List<Object> values = new ArrayList<>();
            List<String> clauses = keyClauses(keys, values);
            and(clauses.isEmpty() ? "1 = 0" : "(" + String.join(" or ", clauses) + ")", values.toArray());
        }

        String sql() {
            return sql.toString();
        }

        Object[] params() {
            return params.toArray();
        }
    }
}
