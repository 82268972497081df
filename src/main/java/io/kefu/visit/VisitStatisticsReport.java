package io.kefu.visit;

import static io.kefu.report.Figures.count;
import static io.kefu.report.Figures.percent;

import io.kefu.report.Report;
import io.kefu.report.Period;
import io.kefu.report.ReportResult;
import io.kefu.identity.KefuGroups.Department;
import io.kefu.report.ReportResult.Chart;
import io.kefu.report.ReportResult.Kpi;
import io.kefu.report.ReportResult.Table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * 回访统计 with 回访率 and 配送回访统计: the visits and surveys due in the period (by due date), by kind: done, on time,
 * overdue, satisfaction, problems handed to departments; and how many customers due a visit were visited.
 */
@Component
public class VisitStatisticsReport implements Report {

    private final JdbcTemplate jdbc;

    VisitStatisticsReport(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String key() {
        return "visits";
    }

    @Override
    public String title() {
        return "回访统计(回访率、配送回访)";
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public ReportResult run(Period period) {
        Map<String, long[]> byKind = new LinkedHashMap<>();
        jdbc.query("""
                select kind, count(*),
                  sum(case when status = 'DONE' then 1 else 0 end),
                  sum(case when status = 'DONE' and completed_at <= deadline then 1 else 0 end),
                  sum(case when overdue = true then 1 else 0 end),
                  sum(case when satisfaction = 'SATISFIED' then 1 else 0 end),
                  sum(case when satisfaction is not null then 1 else 0 end),
                  sum(case when matter_department is not null then 1 else 0 end)
                from visit where due_date >= ? and due_date <= ? and status <> 'CANCELLED' group by kind""", rs -> {
                    long[] f = new long[7];
                    for (int i = 0; i < f.length; i++) {
                        f[i] = count(rs.getObject(i + 2));
                    }
                    byKind.put(rs.getString(1), f);
                }, period.from(), period.to());
        long[] coverage = new long[2];
        jdbc.query("""
                select count(distinct customer_id), count(distinct case when status = 'DONE' then customer_id end)
                from visit where due_date >= ? and due_date <= ? and status <> 'CANCELLED'""", rs -> {
                    coverage[0] = count(rs.getObject(1));
                    coverage[1] = count(rs.getObject(2));
                }, period.from(), period.to());
        Map<String, Long> problems = new LinkedHashMap<>();
        jdbc.query("""
                select matter_department, count(*) from visit where kind = 'DELIVERY' and due_date >= ? and due_date <= ?
                and status <> 'CANCELLED' and matter_department is not null group by matter_department""",
                rs -> {
                    problems.put(rs.getString(1), count(rs.getObject(2)));
                }, period.from(), period.to());

        List<List<Object>> rows = new ArrayList<>();
        long[] total = new long[7];
        for (VisitKind kind : VisitKind.values()) {
            long[] f = byKind.getOrDefault(kind.name(), new long[7]);
            rows.add(row(kind.label(), f));
            for (int i = 0; i < f.length; i++) {
                total[i] += f[i];
            }
        }
        rows.add(row("合计", total));
        long[] delivery = byKind.getOrDefault("DELIVERY", new long[7]);
        List<Kpi> kpis = List.of(
                new Kpi("应回访", total[0], "次", "visits-due"),
                new Kpi("已回访", total[1], "次", "visits-done"),
                new Kpi("回访率(按时)", percent(total[2], total[0]), "%", "visit-rate"),
                new Kpi("回访完成率", percent(total[1], total[0]), "%", "visit-completion"),
                new Kpi("客户覆盖率", percent(coverage[1], coverage[0]), "%", "visit-coverage"),
                new Kpi("回访满意率", percent(total[4], total[5]), "%", "visit-satisfaction"),
                new Kpi("配送回访(已访/应访)", delivery[1], "次", "delivery-follow-ups"),
                new Kpi("配送回访发现问题", delivery[6], "件", "delivery-problems"));
        List<Table> tables = List.of(
                new Table("按回访类型", List.of("类型", "应访", "已访", "按时", "超期", "满意", "有满意度答复", "转办问题",
                        "回访率(按时)%", "完成率%"), rows),
                new Table("配送回访发现的问题(按转办部门)", List.of("部门", "问题数"), problems.entrySet().stream()
                        .map(e -> Arrays.<Object>asList(Department.fromCode(e.getKey()).map(Department::label)
                                .orElse(e.getKey()), e.getValue()))
                        .toList()));
        return new ReportResult(key(), title(), period, kpis, tables,
                List.of(new Chart("各类回访:应访、已访、按时", "bar", 0, 0, List.of(1, 2, 3))));
    }

    private static List<Object> row(String label, long[] f) {
        return Arrays.asList(label, f[0], f[1], f[2], f[3], f[4], f[5], f[6], percent(f[2], f[0]), percent(f[1], f[0]));
    }
}
