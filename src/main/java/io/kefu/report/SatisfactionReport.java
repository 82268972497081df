package io.kefu.report;

import static io.kefu.report.Figures.count;
import static io.kefu.report.Figures.percent;
import static io.kefu.report.Figures.utc;

import io.kefu.complaint.Satisfaction;
import io.kefu.report.ReportResult.Chart;
import io.kefu.report.ReportResult.Kpi;
import io.kefu.report.ReportResult.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * 满意度统计: the answers of the complaint return visits (满意 / 一般 / 不满意) for complaints registered in the period,
 * and how many resolved complaints were visited (回访率). Survey and visit answers join here when those features land.
 */
@Component
class SatisfactionReport implements Report {

    private final JdbcTemplate jdbc;

    SatisfactionReport(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String key() {
        return "satisfaction";
    }

    @Override
    public String title() {
        return "满意度统计";
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public ReportResult run(Period period) {
        Map<String, Long> answers = new HashMap<>();
        // a return visit follows the customer's acceptance; a dissatisfied answer clears the acceptance (reopened)
        long[] dueForVisit = {0};
        jdbc.query("select satisfaction, count(*), sum(case when customer_accepted = true or satisfaction is not null then 1 else 0 end)"
                + " from complaint where created_at >= ? and created_at < ? group by satisfaction", rs -> {
                    answers.put(rs.getString(1), count(rs.getObject(2)));
                    dueForVisit[0] += count(rs.getObject(3));
                }, utc(period.start()), utc(period.end()));
        long answered = answers.entrySet().stream().filter(e -> e.getKey() != null).mapToLong(Map.Entry::getValue).sum();
        long satisfied = answers.getOrDefault(Satisfaction.SATISFIED.name(), 0L);
        long dissatisfied = answers.getOrDefault(Satisfaction.DISSATISFIED.name(), 0L);

        List<List<Object>> rows = new ArrayList<>();
        for (Satisfaction s : Satisfaction.values()) {
            long n = answers.getOrDefault(s.name(), 0L);
            rows.add(Arrays.asList(s.label(), n, percent(n, answered)));
        }
        rows.add(Arrays.asList("合计", answered, percent(answered, answered)));
        List<Kpi> kpis = List.of(
                new Kpi("回访答复数", answered, "次", "satisfaction-answers"),
                new Kpi("满意率", percent(satisfied, answered), "%", "satisfaction-rate"),
                new Kpi("不满意率", percent(dissatisfied, answered), "%", "dissatisfaction-rate"),
                new Kpi("投诉回访率", percent(answered, dueForVisit[0]), "%", "complaint-visit-rate"));
        // visits and surveys due in the period that were answered (回访、满意度调查、开业调查、配送回访)
        Map<String, Long> visitAnswers = new HashMap<>();
        jdbc.query("select satisfaction, count(*) from visit where due_date >= ? and due_date <= ?"
                + " and satisfaction is not null group by satisfaction",
                rs -> {
                    visitAnswers.put(rs.getString(1), count(rs.getObject(2)));
                }, period.from(), period.to());
        long visitAnswered = visitAnswers.values().stream().mapToLong(Long::longValue).sum();
        List<List<Object>> visitRows = new ArrayList<>();
        for (Satisfaction s : Satisfaction.values()) {
            long n = visitAnswers.getOrDefault(s.name(), 0L);
            visitRows.add(Arrays.asList(s.label(), n, percent(n, visitAnswered)));
        }
        visitRows.add(Arrays.asList("合计", visitAnswered, percent(visitAnswered, visitAnswered)));
        kpis = new ArrayList<>(kpis);
        kpis.add(new Kpi("回访与调查满意率", percent(visitAnswers.getOrDefault(Satisfaction.SATISFIED.name(), 0L),
                visitAnswered), "%", "visit-satisfaction"));
        return new ReportResult(key(), title(), period, kpis,
                List.of(new Table("投诉回访满意度", List.of("满意度", "次数", "占比%"), rows),
                        new Table("回访与调查满意度", List.of("满意度", "次数", "占比%"), visitRows)),
                List.of(new Chart("满意度分布", "pie", 0, 0, List.of(1))));
    }
}
