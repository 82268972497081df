package io.kefu.escalation.process;

import io.kefu.escalation.EscalationService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The report's service steps that only tell the register: 登记失泄密事件 and 办结归档. */
final class ReportStepDelegates {

    /** Task_OpenBreachRecord. */
    @Component("openBreachRecordDelegate")
    static class OpenBreachRecord implements JavaDelegate {

        private final EscalationService reports;
        private final EscalationReports escalationReports;

        OpenBreachRecord(EscalationService reports, EscalationReports escalationReports) {
            this.reports = reports;
            this.escalationReports = escalationReports;
        }

        @Override
        public void execute(DelegateExecution execution) {
            reports.openBreach(escalationReports.id(execution));
        }
    }

    /** Task_CloseReport. */
    @Component("closeReportDelegate")
    static class CloseReport implements JavaDelegate {

        private final EscalationService reports;
        private final EscalationReports escalationReports;

        CloseReport(EscalationService reports, EscalationReports escalationReports) {
            this.reports = reports;
            this.escalationReports = escalationReports;
        }

        @Override
        public void execute(DelegateExecution execution) {
            reports.close(escalationReports.id(execution));
        }
    }

    private ReportStepDelegates() {
    }
}
