package io.kefu.complaint;

import static io.kefu.report.Figures.count;
import static io.kefu.report.Figures.hours;
import static io.kefu.report.Figures.percent;
import static io.kefu.report.Figures.utc;

import io.kefu.report.Report;
import io.kefu.report.Period;
import io.kefu.report.ReportResult;
import io.kefu.customer.CustomerCounts;
import io.kefu.identity.KefuGroups.Department;
import io.kefu.report.ReportResult.Chart;
import io.kefu.report.ReportResult.Kpi;
import io.kefu.report.ReportResult.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * 投诉统计 and 顾客投诉分类统计表: the complaints registered in the period, by category, severity and department, with
 * response and resolution times, SLA compliance and repeat complaints. Formulas: docs/kpis.md.
 */
@Component
public class ComplaintReport implements Report {

    /**
     * Sums, not averages, so that groups add up to the total; averages are sums over counts. A deadline counts as met
     * only when the step was done by it and no breach of it was ever recorded (a reopened complaint keeps the breach of
     * an earlier round); it counts as missed when a breach was recorded, done or not yet — see docs/kpis.md.
     */
    private static final String FIGURES = """
            count(*),
            sum(case when c.status in ('CLOSED', 'REJECTED') then 1 else 0 end),
            sum(case when c.repeat_complaint = true then 1 else 0 end),
            sum(case when c.responded_at is not null then 1 else 0 end),
            sum(case when c.responded_at is not null or %1$s then 1 else 0 end),
            sum(case when c.responded_at <= c.response_due and not %1$s then 1 else 0 end),
            sum(timestampdiff(SECOND, c.created_at, c.responded_at)),
            sum(case when c.resolved_at is not null then 1 else 0 end),
            sum(case when c.resolved_at is not null or %2$s then 1 else 0 end),
            sum(case when c.resolved_at <= c.resolution_due and not %2$s then 1 else 0 end),
            sum(timestampdiff(SECOND, c.created_at, c.resolved_at)),
            sum(case when %2$s then 1 else 0 end)""".formatted(breached("RESPONSE"), breached("RESOLUTION"));

    /**
     * Whether a breach of the deadline was ever recorded for the complaint: a look-up on complaint_breach's primary
     * key (complaint_id first) per complaint of the period. A join to the breaches grouped by complaint instead made
     * MariaDB group the whole breach table, of all time, for every year-long report (docs/benchmark.md).
     */
    private static String breached(String type) {
        return "exists (select 1 from complaint_breach b where b.complaint_id = c.id and b.type = '" + type + "')";
    }

    /**
     * The figures of one group of complaints (all of the period, or one category...). {@code responseDue}: complaints
     * answered or whose response deadline was missed; {@code resolutionDue} likewise for the resolution.
     */
    record Group(long received, long closed, long repeats, long responded, long responseDue, long respondedInTime,
            long responseSeconds, long resolved, long resolutionDue, long resolvedInTime, long resolutionSeconds,
            long resolutionBreached) {

        static final Group NONE = new Group(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

        Group plus(Group o) {
            return new Group(received + o.received, closed + o.closed, repeats + o.repeats, responded + o.responded,
                    responseDue + o.responseDue, respondedInTime + o.respondedInTime,
                    responseSeconds + o.responseSeconds, resolved + o.resolved, resolutionDue + o.resolutionDue,
                    resolvedInTime + o.resolvedInTime, resolutionSeconds + o.resolutionSeconds,
                    resolutionBreached + o.resolutionBreached);
        }

        List<Object> row(Object label, long allReceived) {
            return Arrays.asList(label, received, percent(received, allReceived), closed, repeats,
                    hours(responseSeconds, responded), hours(resolutionSeconds, resolved),
                    percent(respondedInTime, responseDue), percent(resolvedInTime, resolutionDue));
        }
    }

    static final List<String> COLUMNS = List.of("分组", "受理数", "占比%", "已结案", "重复投诉", "平均响应时长(小时)",
            "平均解决时长(小时)", "响应及时率%", "解决及时率%");

    private final JdbcTemplate jdbc;
    private final CustomerCounts customers;

    ComplaintReport(JdbcTemplate jdbc, CustomerCounts customers) {
        this.jdbc = jdbc;
        this.customers = customers;
    }

    @Override
    public String key() {
        return "complaints";
    }

    @Override
    public String title() {
        return "投诉统计";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public ReportResult run(Period period) {
        Map<String, Group> byCategory = new LinkedHashMap<>();
        Map<String, Group> bySeverity = new LinkedHashMap<>();
        Map<String, Group> byDepartment = new LinkedHashMap<>();
        // one grouped query (at most categories × severities × departments rows), rolled up three ways
        jdbc.query("select c.category, c.severity, c.department, " + FIGURES + " from complaint c"
                + " where c.created_at >= ? and c.created_at < ? group by c.category, c.severity, c.department", rs -> {
                    long[] f = new long[12];
                    for (int i = 0; i < f.length; i++) {
                        f[i] = count(rs.getObject(i + 4));
                    }
                    Group g = new Group(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9], f[10], f[11]);
                    byCategory.merge(rs.getString(1), g, Group::plus);
                    bySeverity.merge(rs.getString(2), g, Group::plus);
                    byDepartment.merge(rs.getString(3), g, Group::plus);
                }, utc(period.start()), utc(period.end()));
        Group all = byCategory.values().stream().reduce(Group.NONE, Group::plus);
        Map<String, long[]> breaches = breaches(period);
        long activeCustomers = customers.activeAt(period.end()).total();

        List<Kpi> kpis = List.of(
                new Kpi("受理投诉数", all.received(), "件", "complaints-received"),
                new Kpi("已结案", all.closed(), "件", "complaints-closed"),
                new Kpi("平均响应时长", hours(all.responseSeconds(), all.responded()), "小时", "response-time"),
                new Kpi("平均解决时长", hours(all.resolutionSeconds(), all.resolved()), "小时", "resolution-time"),
                new Kpi("响应及时率", percent(all.respondedInTime(), all.responseDue()), "%", "response-sla"),
                new Kpi("解决及时率", percent(all.resolvedInTime(), all.resolutionDue()), "%", "resolution-sla"),
                new Kpi("解决超时投诉", all.resolutionBreached(), "件", "resolution-breaches"),
                new Kpi("重复投诉", all.repeats(), "件", "repeat-complaints"),
                new Kpi("重复投诉率", percent(all.repeats(), all.received()), "%", "repeat-complaints"),
                new Kpi("客诉率(每百家客户)", percent(all.received(), activeCustomers), "件/百户", "complaint-rate"));

        List<Table> tables = List.of(
                table("顾客投诉分类统计表(按类别)", byCategory, all, code -> ComplaintCategory.valueOf(code).label(),
                        Arrays.stream(ComplaintCategory.values()).map(Enum::name).toList()),
                table("按严重程度", bySeverity, all, code -> Severity.valueOf(code).label(),
                        Arrays.stream(Severity.values()).map(Enum::name).toList()),
                table("按责任部门", byDepartment, all,
                        code -> code == null ? "未指定(未判定或不成立)"
                                : Department.fromCode(code).map(Department::label).orElse(code),
                        departmentOrder(byDepartment)),
                new Table("本期受理投诉的超时(SLA 违约)", List.of("超时类型", "次数", "涉及投诉"),
                        Arrays.stream(BreachType.values())
                                .map(t -> {
                                    long[] n = breaches.getOrDefault(t.name(), new long[2]);
                                    return Arrays.<Object>asList(t.label(), n[0], n[1]);
                                })
                                .toList()));
        List<Chart> charts = List.of(
                new Chart("各类别投诉数", "bar", 0, 0, List.of(1)),
                new Chart("严重程度分布", "doughnut", 1, 0, List.of(1)),
                new Chart("各部门投诉数与解决及时率", "bar", 2, 0, List.of(1, 8)));
        return new ReportResult(key(), title(), period, kpis, tables, charts);
    }

    /**
     * Deadlines missed by the complaints registered in the period (the population of every other figure here, so that
     * the table and the compliance rates tell the same story): breaches, and complaints with at least one, by type.
     */
    private Map<String, long[]> breaches(Period period) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        jdbc.query("select b.type, count(*), count(distinct b.complaint_id) from complaint_breach b"
                + " join complaint c on c.id = b.complaint_id where c.created_at >= ? and c.created_at < ?"
                + " group by b.type", rs -> {
                    counts.put(rs.getString(1), new long[] {count(rs.getObject(2)), count(rs.getObject(3))});
                }, utc(period.start()), utc(period.end()));
        return counts;
    }

    /** Every known department in its usual order, then any other code the data holds, then "none". */
    private static List<String> departmentOrder(Map<String, Group> byDepartment) {
        List<String> order = new ArrayList<>(Arrays.stream(Department.values()).map(Department::code).toList());
        byDepartment.keySet().stream().filter(k -> k != null && !order.contains(k)).forEach(order::add);
        if (byDepartment.containsKey(null)) {
            order.add(null);
        }
        return order;
    }

    private static Table table(String title, Map<String, Group> groups, Group all, Function<String, String> label,
            List<String> order) {
        List<List<Object>> rows = new ArrayList<>();
        for (String code : order) {
            rows.add(groups.getOrDefault(code, Group.NONE).row(label.apply(code), all.received()));
        }
        rows.add(all.row("合计", all.received()));
        return new Table(title, COLUMNS, rows);
    }
}
