package io.kefu.supervision.process;

import io.kefu.supervision.SupervisionReport;
import io.kefu.supervision.SupervisionService;
import io.kefu.task.TaskCards;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_OpenWeeklyReports: one 每周服务状况报告 per technical-service person for this week, bound to the process. */
@Component
class OpenWeeklyReportsDelegate implements JavaDelegate {

    private final SupervisionService service;

    OpenWeeklyReportsDelegate(SupervisionService service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object weekOf = execution.getVariable(SupervisionProcess.WEEK_OF);
        LocalDate monday = weekOf == null ? service.thisMonday()
                : LocalDate.parse(weekOf.toString()).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        execution.removeVariable(SupervisionProcess.WEEK_OF);
        for (SupervisionReport report : service.openWeekly(monday)) {
            service.linkProcess(report.getId(), execution.getProcessInstanceId());
        }
        execution.setProcessBusinessKey("ZB" + monday);
        execution.setVariable(TaskCards.CASE_NO, "ZB" + monday);
        execution.setVariable(TaskCards.SUBJECT, "每周服务状况报告 " + monday + " 至 " + monday.plusDays(4));
    }
}
