package io.kefu.staffreview;

import io.kefu.complaint.StaffComplaintFigures;
import io.kefu.staffreview.StaffReview.Figures;
import io.kefu.visit.StaffVisitFigures;
import java.time.Instant;
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
 * naming them: {@link StaffComplaintFigures}), the return visits they made (satisfaction: {@link StaffVisitFigures})
 * and their violations. Aggregates in the database, except the one employee's finished tasks, which the engine's
 * history API compares with their due dates.
 */
@Component
class ScorecardFigures {

    private final JdbcTemplate jdbc;
    private final HistoryService historyService;
    private final StaffComplaintFigures complaintFigures;
    private final StaffVisitFigures visitFigures;

    ScorecardFigures(JdbcTemplate jdbc, HistoryService historyService, StaffComplaintFigures complaintFigures,
            StaffVisitFigures visitFigures) {
        this.jdbc = jdbc;
        this.historyService = historyService;
        this.complaintFigures = complaintFigures;
        this.visitFigures = visitFigures;
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
        StaffComplaintFigures.Counts complaints = complaintFigures.of(employee, start, end);
        StaffVisitFigures.Counts visits = visitFigures.of(employee, start, end);
        int violations = number("""
                select count(*) from staff_violation where employee = ? and occurred_on >= ? and occurred_on <= ?""",
                employee, month.atDay(1), month.atEndOfMonth());
        return new Figures(completed, onTime, complaints.breaches(), complaints.against(), complaints.owned(),
                visits.answered(), visits.satisfied(), violations);
    }

    private int number(String sql, Object... args) {
        Integer value = jdbc.queryForObject(sql, Integer.class, args);
        return value == null ? 0 : value;
    }
}
