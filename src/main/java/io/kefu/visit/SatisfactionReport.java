package io.kefu.visit;

import static io.kefu.report.Figures.count;
import static io.kefu.report.Figures.percent;

import io.kefu.report.Report;
import io.kefu.report.Period;
import io.kefu.report.ReportResult;
import io.kefu.complaint.ReturnVisitAnswers;
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
 * counted per visit (every visit, a 不满意 later turned around included) and per complaint (its latest answer), and
 * how many resolved complaints were visited (回访率); then the answers of the visits and surveys due in the period.
 * Definitions: docs/kpis.md.
 */
@Component
class SatisfactionReport implements Report {

    private final JdbcTemplate jdbc;
    private final ReturnVisitAnswers complaints;

    SatisfactionReport(JdbcTemplate jdbc, ReturnVisitAnswers complaints) {
        this.jdbc = jdbc;
        this.complaints = complaints;
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
        // the complaint return visits, as the complaint feature counts them
        ReturnVisitAnswers.Answers answers = complaints.ofComplaintsRegistered(period.start(), period.end());
        Map<String, Long> perVisit = answers.perVisit();
        Map<String, Long> perCase = answers.perCase();
        long visits = perVisit.values().stream().mapToLong(Long::longValue).sum();
        long answeredCases = perCase.entrySet().stream().filter(e -> e.getKey() != null)
                .mapToLong(Map.Entry::getValue).sum();

        List<List<Object>> rows = new ArrayList<>();
        for (Satisfaction s : Satisfaction.values()) {
            long v = perVisit.getOrDefault(s.name(), 0L);
            long c = perCase.getOrDefault(s.name(), 0L);
            rows.add(Arrays.asList(s.label(), v, percent(v, visits), c, percent(c, answeredCases)));
        }
        rows.add(Arrays.asList("合计", visits, percent(visits, visits), answeredCases,
                percent(answeredCases, answeredCases)));
        List<Kpi> kpis = new ArrayList<>(List.of(
                new Kpi("回访答复数", visits, "次", "satisfaction-answers"),
                new Kpi("满意率", percent(perVisit.getOrDefault(Satisfaction.SATISFIED.name(), 0L), visits), "%",
                        "satisfaction-rate"),
                new Kpi("不满意率", percent(perVisit.getOrDefault(Satisfaction.DISSATISFIED.name(), 0L), visits), "%",
                        "dissatisfaction-rate"),
                new Kpi("已回访投诉", answeredCases, "件", "complaints-visited"),
                new Kpi("满意率(按件,最后一次回访)", percent(perCase.getOrDefault(Satisfaction.SATISFIED.name(), 0L),
                        answeredCases), "%", "satisfaction-rate-per-case"),
                new Kpi("曾不满意的投诉", answers.everDissatisfied(), "件", "complaints-ever-dissatisfied"),
                new Kpi("投诉回访率", percent(answeredCases, answers.resolvedOnce()), "%", "complaint-visit-rate")));
        // visits and surveys due in the period that were answered (回访、满意度调查、开业调查、配送回访)
        Map<String, Long> visitAnswers = new HashMap<>();
        jdbc.query("select satisfaction, count(*) from visit where due_date >= ? and due_date <= ?"
                + " and status <> 'CANCELLED' and satisfaction is not null group by satisfaction",
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
        kpis.add(new Kpi("回访与调查满意率", percent(visitAnswers.getOrDefault(Satisfaction.SATISFIED.name(), 0L),
                visitAnswered), "%", "visit-satisfaction"));
        return new ReportResult(key(), title(), period, kpis,
                List.of(new Table("投诉回访满意度", List.of("满意度", "按次:次数", "按次:占比%", "按件(最后一次回访):件数",
                                "按件:占比%"), rows),
                        new Table("回访与调查满意度", List.of("满意度", "次数", "占比%"), visitRows)),
                List.of(new Chart("满意度分布", "pie", 0, 0, List.of(1))));
    }
}
