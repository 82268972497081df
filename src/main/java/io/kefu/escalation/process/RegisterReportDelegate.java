package io.kefu.escalation.process;

import static io.kefu.task.FormFields.enumValue;
import static io.kefu.task.FormFields.text;

import io.kefu.escalation.EscalationReport;
import io.kefu.escalation.EscalationRequest;
import io.kefu.escalation.EscalationService;
import io.kefu.escalation.EscalationTrigger;
import io.kefu.task.BoundCase;
import io.kefu.task.FormFields;
import java.util.List;
import io.kefu.task.StartFormIntake;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/**
 * Task_RegisterReport. A report from the Tasklist start form arrives as its fields: they become the report (the
 * starting user reports, at the level of their groups) and leave the process. One from Kefu's API arrives with its id.
 */
@Component
class RegisterReportDelegate extends StartFormIntake<EscalationReport> {

    static final List<String> FORM_FIELDS = List.of("subject", "details", "relatedCase", "urgent");

    private final EscalationService reports;
    private final IdentityService identityService;

    RegisterReportDelegate(EscalationService reports, IdentityService identityService) {
        super(EscalationProcess.REPORT_ID, FORM_FIELDS, reports::find,
                (report, pid) -> reports.linkProcess(report.getId(), pid), EscalationReport::getReportNo,
                EscalationProcess::startVariables);
        this.reports = reports;
        this.identityService = identityService;
    }

    @Override
    protected EscalationReport intake(DelegateExecution execution) {
        String reporter = BoundCase.starter(execution, EscalationProcess.INITIATOR);
        List<String> groups = reporter == null ? List.of() : identityService.createGroupQuery()
                .groupMember(reporter).list().stream().map(Group::getId).toList();
        return reports.raise(new EscalationRequest(enumValue(execution, EscalationProcess.TRIGGER,
                EscalationTrigger.class), text(execution, "subject"), text(execution, "details"),
                text(execution, "relatedCase"), FormFields.flag(execution, "urgent")),
                reporter, groups);
    }
}
