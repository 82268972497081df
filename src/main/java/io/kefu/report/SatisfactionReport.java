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
 * counted per visit (every visit, a 不满意 later turned around included) and per complaint (its latest answer), and
 * how many resolved complaints were visited (回访率); then the answers of the visits and surveys due in the period.
 * Definitions: docs/kpis.md.
 */
@Component
class SatisfactionReport implements Report {

    /**
     * Every complaint return visit: each round of a complaint keeps its own visit's answer (a 不满意 visit ends its
     * round and opens the next), so a visit a later round turned around is still there.
     */
    static final String RETURN_VISITS = """
            select r.complaint_id, r.satisfaction, r.visited_at
            from complaint_round r
            where r.satisfaction is not null""";

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
        // per visit: every return visit of the period's complaints
        Map<String, Long> perVisit = new HashMap<>();
        long[] everDissatisfied = {0};
        jdbc.query("select v.satisfaction, count(*) from (" + RETURN_VISITS + ") v"
                + " join complaint c on c.id = v.complaint_id where c.created_at >= ? and c.created_at < ?"
                + " group by v.satisfaction", rs -> {
                    perVisit.put(rs.getString(1), count(rs.getObject(2)));
                }, utc(period.start()), utc(period.end()));
        jdbc.query("select count(distinct v.complaint_id) from (" + RETURN_VISITS + ") v"
                + " join complaint c on c.id = v.complaint_id"
                + " where v.satisfaction = 'DISSATISFIED' and c.created_at >= ? and c.created_at < ?", rs -> {
                    everDissatisfied[0] = count(rs.getObject(1));
                }, utc(period.start()), utc(period.end()));
        // per complaint: the latest answer, as the record holds it; resolved at least once: resolved now or visited
        Map<String, Long> perCase = new HashMap<>();
        long[] resolvedOnce = {0};
        jdbc.query("select satisfaction, count(*),"
                + " sum(case when resolved_at is not null or satisfaction is not null then 1 else 0 end)"
                + " from complaint where created_at >= ? and created_at < ? group by satisfaction", rs -> {
                    perCase.put(rs.getString(1), count(rs.getObject(2)));
                    resolvedOnce[0] += count(rs.getObject(3));
                }, utc(period.start()), utc(period.end()));
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
                new Kpi("曾不满意的投诉", everDissatisfied[0], "件", "complaints-ever-dissatisfied"),
                new Kpi("投诉回访率", percent(answeredCases, resolvedOnce[0]), "%", "complaint-visit-rate")));
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
