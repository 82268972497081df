package io.kefu.escalation.process;

import static io.kefu.task.FormFields.enumValue;
import static io.kefu.task.FormFields.text;

import io.kefu.escalation.EscalationReport;
import io.kefu.escalation.EscalationRequest;
import io.kefu.escalation.EscalationService;
import io.kefu.escalation.EscalationTrigger;
import io.kefu.task.BoundCase;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/**
 * Task_RegisterReport. A report from the Tasklist start form arrives as its fields: they become the report (the
 * starting user reports, at the level of their groups) and leave the process. One from Kefu's API arrives with its id.
 */
@Component
class RegisterReportDelegate implements JavaDelegate {

    static final List<String> FORM_FIELDS = List.of("subject", "details", "relatedCase", "urgent");

    private final EscalationService reports;
    private final IdentityService identityService;

    RegisterReportDelegate(EscalationService reports, IdentityService identityService) {
        this.reports = reports;
        this.identityService = identityService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object id = execution.getVariable(EscalationProcess.REPORT_ID);
        EscalationReport report;
        if (id != null) {
            report = reports.find(((Number) id).longValue());
        } else {
            String reporter = BoundCase.starter(execution, EscalationProcess.INITIATOR);
            List<String> groups = reporter == null ? List.of() : identityService.createGroupQuery()
                    .groupMember(reporter).list().stream().map(Group::getId).toList();
            Object urgent = execution.getVariable("urgent");
            report = reports.raise(new EscalationRequest(enumValue(execution, EscalationProcess.TRIGGER,
                    EscalationTrigger.class), text(execution, "subject"), text(execution, "details"),
                    text(execution, "relatedCase"), Boolean.TRUE.equals(urgent) || "true".equals(urgent)),
                    reporter, groups);
            FORM_FIELDS.forEach(execution::removeVariable);
        }
        reports.linkProcess(report.getId(), execution.getProcessInstanceId());
        execution.setProcessBusinessKey(report.getReportNo());
        execution.setVariables(EscalationProcess.startVariables(report));
    }
}
