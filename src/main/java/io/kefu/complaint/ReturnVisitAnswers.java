package io.kefu.complaint;

import static io.kefu.report.Figures.count;
import static io.kefu.report.Figures.utc;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The complaint feature's read model of its return visits (回访), for the satisfaction report: the answers for the
 * complaints registered in a period, counted in the database. Definitions: docs/kpis.md.
 */
@Component
public class ReturnVisitAnswers {

    /**
     * Every complaint return visit: each round of a complaint keeps its own visit's answer (a 不满意 visit ends its
     * round and opens the next), so a visit a later round turned around is still there.
     */
    static final String RETURN_VISITS = """
            select r.complaint_id, r.satisfaction, r.visited_at
            from complaint_round r
            where r.satisfaction is not null""";

    /**
     * Satisfaction name → count: {@code perVisit} every return visit, {@code perCase} each complaint's latest answer
     * (null key: not answered); {@code everDissatisfied} complaints with a 不满意 visit; {@code resolvedOnce}
     * complaints resolved now or visited.
     */
    public record Answers(Map<String, Long> perVisit, long everDissatisfied, Map<String, Long> perCase,
            long resolvedOnce) {
    }

    private final JdbcTemplate jdbc;

    ReturnVisitAnswers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The answers for the complaints registered from {@code start} (inclusive) to {@code end} (exclusive). */
    public Answers ofComplaintsRegistered(Instant start, Instant end) {
        // per visit: every return visit of the period's complaints
        Map<String, Long> perVisit = new HashMap<>();
        long[] everDissatisfied = {0};
        jdbc.query("select v.satisfaction, count(*) from (" + RETURN_VISITS + ") v"
                + " join complaint c on c.id = v.complaint_id where c.created_at >= ? and c.created_at < ?"
                + " group by v.satisfaction", rs -> {
                    perVisit.put(rs.getString(1), count(rs.getObject(2)));
                }, utc(start), utc(end));
        jdbc.query("select count(distinct v.complaint_id) from (" + RETURN_VISITS + ") v"
                + " join complaint c on c.id = v.complaint_id"
                + " where v.satisfaction = 'DISSATISFIED' and c.created_at >= ? and c.created_at < ?", rs -> {
                    everDissatisfied[0] = count(rs.getObject(1));
                }, utc(start), utc(end));
        // per complaint: the latest answer, as the record holds it; resolved at least once: resolved now or visited
        Map<String, Long> perCase = new HashMap<>();
        long[] resolvedOnce = {0};
        jdbc.query("select satisfaction, count(*),"
                + " sum(case when resolved_at is not null or satisfaction is not null then 1 else 0 end)"
                + " from complaint where created_at >= ? and created_at < ? group by satisfaction", rs -> {
                    perCase.put(rs.getString(1), count(rs.getObject(2)));
                    resolvedOnce[0] += count(rs.getObject(3));
                }, utc(start), utc(end));
        return new Answers(perVisit, everDissatisfied[0], perCase, resolvedOnce[0]);
    }
}
