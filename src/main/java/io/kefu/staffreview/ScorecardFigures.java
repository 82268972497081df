package io.kefu.staffreview;

import static io.kefu.report.Figures.utc;

import io.kefu.staffreview.StaffReview.Figures;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Counts one employee's month from the records (docs/kpis.md, 员工月度考评): the engine's task history (tasks they
 * completed, on time or not), the complaints (deadline breaches of the complaints they own as 首问负责人, complaints
 * naming them), the return visits they made (satisfaction) and their violations. Aggregates in the database, except
 * the one employee's finished tasks, which the engine's history API compares with their due dates.
 */
@Component
class ScorecardFigures {

    private final JdbcTemplate jdbc;
    private final HistoryService historyService;

    ScorecardFigures(JdbcTemplate jdbc, HistoryService historyService) {
        this.jdbc = jdbc;
        this.historyService = historyService;
    }

    Figures count(String employee, YearMonth month, ZoneId zone) {
        Instant start = month.atDay(1).atStartOfDay(zone).toInstant();
        Instant end = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        int completed = 0;
        int onTime = 0;
        for (HistoricTaskInstance task : historyService.createHistoricTaskInstanceQuery().taskAssignee(employee)
                .finished().finishedAfter(Date.from(start.minusMillis(1))).finishedBefore(Date.from(end)).list()) {
            completed++;
            if (task.getDueDate() == null || !task.getEndTime().after(task.getDueDate())) {
                onTime++;
            }
        }
        LocalDateTime from = utc(start);
        LocalDateTime to = utc(end);
        int breaches = number("""
                select count(*) from complaint_breach b join complaint c on c.id = b.complaint_id
                where c.owner_id = ? and b.detected_at >= ? and b.detected_at < ?""", employee, from, to);
        int against = number("""
                select count(*) from complaint where complained_employee = ? and created_at >= ? and created_at < ?""",
                employee, from, to);
        int owned = number("""
                select count(*) from complaint where owner_id = ? and created_at >= ? and created_at < ?""",
                employee, from, to);
        int[] visits = new int[2];
        jdbc.query("""
                select count(*), sum(case when satisfaction = 'SATISFIED' then 1 else 0 end) from visit
                where visitor_id = ? and status = 'DONE' and satisfaction is not null
                and completed_at >= ? and completed_at < ?""", rs -> {
                    visits[0] = rs.getInt(1);
                    visits[1] = rs.getInt(2);
                }, employee, from, to);
        int violations = number("""
                select count(*) from staff_violation where employee = ? and occurred_on >= ? and occurred_on <= ?""",
                employee, month.atDay(1), month.atEndOfMonth());
        return new Figures(completed, onTime, breaches, against, owned, visits[0], visits[1], violations);
    }

    private int number(String sql, Object... args) {
        Integer value = jdbc.queryForObject(sql, Integer.class, args);
        return value == null ? 0 : value;
    }
}
