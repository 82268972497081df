package io.kefu.supervision.process;

import io.kefu.supervision.SupervisionReport;
import io.kefu.supervision.SupervisionService;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_CompileSupervisionReport: the month's 服务监督报告 from the reports' figures, bound to the process. */
@Component
class CompileSupervisionReportDelegate implements JavaDelegate {

    private final SupervisionService service;

    CompileSupervisionReportDelegate(SupervisionService service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object month = execution.getVariable(SupervisionProcess.MONTH);
        YearMonth period;
        try {
            period = month == null ? service.lastMonth() : YearMonth.parse(month.toString());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("month must be yyyy-MM: " + month, e);
        }
        SupervisionReport report = service.openMonthly(period);
        service.linkProcess(report.getId(), execution.getProcessInstanceId());
        execution.setProcessBusinessKey(report.getReportNo());
        execution.removeVariable(SupervisionProcess.MONTH);
        execution.setVariables(SupervisionProcess.variables(report));
    }
}
