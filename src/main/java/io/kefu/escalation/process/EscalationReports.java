package io.kefu.escalation.process;

import io.kefu.escalation.EscalationLevel;
import io.kefu.escalation.EscalationReport;
import io.kefu.escalation.EscalationService;
import io.kefu.task.BoundCase;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The report an escalation-report step works on, from the record bound to its process instance ({@link BoundCase}).
 * The BPMN addresses the reporter with {@code ${escalationReports.reporter(execution)}} and the levels an urgent
 * report skipped with {@code ${escalationReports.skippedGroups(execution)}}.
 */
@Component("escalationReports")
public class EscalationReports {

    private final EscalationService reports;

    EscalationReports(EscalationService reports) {
        this.reports = reports;
    }

    EscalationReport report(DelegateExecution execution) {
        return BoundCase.require(execution, reports::forProcessInstance, "escalation report");
    }

    long id(DelegateExecution execution) {
        return report(execution).getId();
    }

    public String reporter(DelegateExecution execution) {
        return report(execution).getReporter();
    }

    /** The groups of the levels an urgent report skipped: each acknowledges the after-report. */
    public List<String> skippedGroups(DelegateExecution execution) {
        return reports.skippedLevels(report(execution)).stream().map(EscalationLevel::group).toList();
    }
}
