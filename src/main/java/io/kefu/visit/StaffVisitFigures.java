package io.kefu.visit;

import static io.kefu.report.Figures.utc;

import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * One employee's return visits over a period, for the staff scorecard (员工月度考评): the visit feature's read model,
 * so that no other feature reads its table.
 */
@Component
public class StaffVisitFigures {

    /** Visits the employee completed in the period with a satisfaction answer, and how many of them were 满意. */
    public record Counts(int answered, int satisfied) {
    }

    private final JdbcTemplate jdbc;

    StaffVisitFigures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The employee's figures in [start, end). */
    public Counts of(String employee, Instant start, Instant end) {
        int[] visits = new int[2];
        jdbc.query("""
                select count(*), sum(case when satisfaction = 'SATISFIED' then 1 else 0 end) from visit
                where visitor_id = ? and status = 'DONE' and satisfaction is not null
                and completed_at >= ? and completed_at < ?""", rs -> {
                    visits[0] = rs.getInt(1);
                    visits[1] = rs.getInt(2);
                }, employee, utc(start), utc(end));
        return new Counts(visits[0], visits[1]);
    }
}
