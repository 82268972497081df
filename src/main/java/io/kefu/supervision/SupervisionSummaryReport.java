package io.kefu.supervision;

import io.kefu.report.Report;
import io.kefu.report.Period;
import io.kefu.report.ReportResult;
import static io.kefu.report.Figures.count;
import static io.kefu.report.Figures.percent;

import io.kefu.report.ReportResult.Chart;
import io.kefu.report.ReportResult.Kpi;
import io.kefu.report.ReportResult.Table;
import io.kefu.shared.time.WorkingHours;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * 服务监督汇总: the half-year and annual summaries (半年、年度总结) over the same data as the monthly 服务监督报告 — each
 * month's service figures (from the monthly reports, {@link SupervisionFigures}), 业务部's grades and the general
 * manager's acknowledgement, and the weekly 每周服务状况报告 per technical-service person. Run it for a half-year
 * ({@code from=2026-01-01&to=2026-06-30}) or a year; a month works too.
 */
@Component
class SupervisionSummaryReport implements Report {


    private final SupervisionFigures figures;
    private final JdbcTemplate jdbc;
    private final WorkingHours hours;

    SupervisionSummaryReport(SupervisionFigures figures, JdbcTemplate jdbc, WorkingHours hours) {
        this.figures = figures;
        this.jdbc = jdbc;
        this.hours = hours;
    }

    @Override
    public String key() {
        return "supervision";
    }

    @Override
    public String title() {
        return "服务监督汇总(半年、年度)";
    }

    @Override
    public int order() {
        return 70;
    }

    @Override
    public ReportResult run(Period period) {
        Map<LocalDate, String[]> monthly = new HashMap<>();
        jdbc.query("""
                select period_from, acceptance_grade, maintenance_grade, status from supervision_report
                where kind = 'MONTHLY' and period_from >= ? and period_from <= ?""", rs -> {
                    monthly.put(rs.getObject(1, LocalDate.class), new String[] {rs.getString(2), rs.getString(3),
                            rs.getString(4)});
                }, period.from().withDayOfMonth(1), period.to());
        List<List<Object>> rows = new ArrayList<>();
        long assessed = 0;
        long acknowledged = 0;
        long[] acceptance = new long[SupervisionGrade.values().length];
        long[] maintenance = new long[SupervisionGrade.values().length];
        for (YearMonth month = YearMonth.from(period.from()); !month.atDay(1).isAfter(period.to());
                month = month.plusMonths(1)) {
            LocalDate from = max(month.atDay(1), period.from());
            LocalDate to = min(month.atEndOfMonth(), period.to());
            ServiceFigures f = figures.of(Period.of(from, to, hours.zone()));
            String[] report = monthly.get(month.atDay(1));
            if (report != null && report[0] != null) {
                assessed++;
                acceptance[SupervisionGrade.valueOf(report[0]).ordinal()]++;
                maintenance[SupervisionGrade.valueOf(report[1]).ordinal()]++;
            }
            if (report != null && "DONE".equals(report[2])) {
                acknowledged++;
            }
            rows.add(row(month.toString(), f, report));
        }
        ServiceFigures all = figures.of(period);
        rows.add(row("合计", all, null));

        List<List<Object>> weekly = new ArrayList<>();
        long[] weeklyTotal = new long[4];
        jdbc.query("""
                select staff_id, count(*), sum(case when status = 'DONE' then 1 else 0 end), sum(own_work_orders),
                  sum(own_visits_on_time)
                from supervision_report where kind = 'WEEKLY' and period_from >= ? and period_from <= ?
                group by staff_id order by staff_id""", rs -> {
                    long[] n = {count(rs.getObject(2)), count(rs.getObject(3)), count(rs.getObject(4)),
                            count(rs.getObject(5))};
                    weekly.add(Arrays.asList(rs.getString(1), n[0], n[1], percent(n[1], n[0]), n[2], n[3]));
                    for (int i = 0; i < n.length; i++) {
                        weeklyTotal[i] += n[i];
                    }
                }, period.from(), period.to());
        weekly.add(Arrays.asList("合计", weeklyTotal[0], weeklyTotal[1], percent(weeklyTotal[1], weeklyTotal[0]),
                weeklyTotal[2], weeklyTotal[3]));

        List<List<Object>> grades = new ArrayList<>();
        for (SupervisionGrade grade : SupervisionGrade.values()) {
            grades.add(Arrays.asList(grade.label(), acceptance[grade.ordinal()], maintenance[grade.ordinal()]));
        }
        long months = rows.size() - 1;
        List<Kpi> kpis = List.of(
                new Kpi("受理投诉数", all.complaintsReceived(), "件", "complaints-received"),
                new Kpi("投诉解决及时率", all.resolutionOnTime(), "%", "resolution-sla"),
                new Kpi("咨询总数", all.inquiries(), "次", "inquiries-received"),
                new Kpi("回访完成率", all.visitRate(), "%", "visit-completion"),
                new Kpi("派工单数", all.workOrders(), "单", "work-orders"),
                new Kpi("按时上门率", all.dispatchOnTime(), "%", "dispatch-on-time"),
                new Kpi("服务监督报告已考核", assessed, "个月", "supervision-assessed"),
                new Kpi("总经理已阅", acknowledged, "个月", "supervision-acknowledged"),
                new Kpi("月度考核完成率", percent(assessed, months), "%", "supervision-assessed"),
                new Kpi("每周服务状况报告提交率", percent(weeklyTotal[1], weeklyTotal[0]), "%", "weekly-reports"));
        List<Table> tables = List.of(
                new Table("各月服务监督数据与业务部考核", List.of("月份", "受理投诉", "已结案", "响应及时率%", "解决及时率%",
                        "咨询", "转为个案", "应回访", "已回访", "回访完成率%", "派工单", "按时上门率%", "服务受理评定",
                        "主动维护评定", "总经理阅知"), rows),
                new Table("每周服务状况报告(按技术服务人员)", List.of("技术服务人员", "应提交", "已提交", "提交率%",
                        "本人派工单", "按时上门"), weekly),
                new Table("业务部评定分布", List.of("评定", "服务受理(月数)", "主动维护(月数)"), grades));
        return new ReportResult(key(), title(), period, kpis, tables, List.of(
                new Chart("各月受理投诉、咨询与派工单", "bar", 0, 0, List.of(1, 5, 10)),
                new Chart("各月及时率", "line", 0, 0, List.of(4, 9, 11))));
    }

    private static List<Object> row(String label, ServiceFigures f, String[] report) {
        return Arrays.asList(label, f.complaintsReceived(), f.complaintsClosed(), f.responseOnTime(),
                f.resolutionOnTime(), f.inquiries(), f.inquiriesToCases(), f.visitsDue(), f.visitsDone(),
                f.visitRate(), f.workOrders(), f.dispatchOnTime(),
                report == null || report[0] == null ? "—" : SupervisionGrade.valueOf(report[0]).label(),
                report == null || report[1] == null ? "—" : SupervisionGrade.valueOf(report[1]).label(),
                report == null ? "—" : "DONE".equals(report[2]) ? "已阅" : "未阅");
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
