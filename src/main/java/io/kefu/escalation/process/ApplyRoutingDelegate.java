package io.kefu.escalation.process;

import static io.kefu.escalation.process.EscalationProcess.*;

import io.kefu.escalation.EscalationLevel;
import io.kefu.escalation.EscalationReport;
import io.kefu.escalation.EscalationService;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_ApplyRouting: the report takes the routing table's answer (the level that decides, whether a breach record is
 * opened); the process keeps the gateways' flags: the first level, a leak, levels skipped.
 */
@Component
class ApplyRoutingDelegate implements JavaDelegate {

    private final EscalationService reports;
    private final EscalationReports escalationReports;

    ApplyRoutingDelegate(EscalationService reports, EscalationReports escalationReports) {
        this.reports = reports;
        this.escalationReports = escalationReports;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (!(execution.getVariable(ROUTING) instanceof Map<?, ?> routing) || routing.get("decidingLevel") == null) {
            throw new IllegalStateException(DECISION + " gave no deciding level for this report");
        }
        EscalationReport report = reports.route(escalationReports.id(execution),
                EscalationLevel.valueOf(routing.get("decidingLevel").toString()));
        execution.removeVariable(ROUTING);
        execution.setVariable(LEAK, Boolean.TRUE.equals(routing.get("breachRecord")));
        execution.setVariable(NEXT_LEVEL, report.getCurrentLevel().name());
        execution.setVariable(LEVELS_SKIPPED, !reports.skippedLevels(report).isEmpty());
    }
}
