package io.kefu.complaint;

import static io.kefu.report.Figures.utc;

import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * One employee's complaint figures over a period, for the staff scorecard (员工月度考评): the complaint feature's read
 * model, so that no other feature reads its tables.
 */
@Component
public class StaffComplaintFigures {

    /**
     * @param breaches deadline breaches detected in the period on the complaints the employee owns (首问负责人)
     * @param against  complaints registered in the period that name the employee
     * @param owned    complaints registered in the period that the employee took in
     */
    public record Counts(int breaches, int against, int owned) {
    }

    private final JdbcTemplate jdbc;

    StaffComplaintFigures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The employee's figures in [start, end). */
    public Counts of(String employee, Instant start, Instant end) {
        var from = utc(start);
        var to = utc(end);
        return new Counts(number("""
                select count(*) from complaint_breach b join complaint c on c.id = b.complaint_id
                where c.owner_id = ? and b.detected_at >= ? and b.detected_at < ?""", employee, from, to),
                number("""
                        select count(*) from complaint where complained_employee = ? and created_at >= ?
                        and created_at < ?""", employee, from, to),
                number("select count(*) from complaint where owner_id = ? and created_at >= ? and created_at < ?",
                        employee, from, to));
    }

    private int number(String sql, Object... args) {
        Integer value = jdbc.queryForObject(sql, Integer.class, args);
        return value == null ? 0 : value;
    }
}
