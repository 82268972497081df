package io.kefu.escalation.process;

import static io.kefu.escalation.process.EscalationProcess.*;
import static io.kefu.task.FormFields.bool;
import static io.kefu.task.FormFields.consume;
import static io.kefu.task.FormFields.text;

import io.kefu.escalation.EscalationLevel;
import io.kefu.escalation.EscalationReport;
import io.kefu.escalation.EscalationService;
import io.kefu.task.FormFields;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The complete listener of every escalation-report user task ({@code ${escalationTaskCompletion}}): each level's
 * instruction, the after-report and its acknowledgements go to the register, then the form's fields leave the
 * process (the gateways' flags stay). A rule the input breaks fails the completion naming the field.
 */
@Component("escalationTaskCompletion")
class EscalationTaskCompletion implements TaskListener {

    private final EscalationService reports;
    private final EscalationReports escalationReports;

    EscalationTaskCompletion(EscalationService reports, EscalationReports escalationReports) {
        this.reports = reports;
        this.escalationReports = escalationReports;
    }

    @Override
    public void notify(DelegateTask task) {
        long id = escalationReports.id(task.getExecution());
        String actor = FormFields.actor(task);
        switch (task.getTaskDefinitionKey()) {
            case TASK_SUPERVISOR -> instruct(task, id, EscalationLevel.SUPERVISOR, actor);
            case TASK_MANAGER -> instruct(task, id, EscalationLevel.MANAGER, actor);
            case TASK_DIRECTOR -> {
                reports.instruct(id, EscalationLevel.DIRECTOR, actor, true, text(task, "instruction"));
                consume(task, "instruction");
            }
            case TASK_AFTER_REPORT -> {
                reports.afterReport(id, actor, text(task, "afterReport"));
                consume(task, "afterReport");
            }
            case TASK_ACKNOWLEDGE -> {
                reports.acknowledge(id, text(task, SKIPPED_GROUP), actor, text(task, "acknowledgement"));
                consume(task, "acknowledgement");
            }
            default -> throw new IllegalStateException("escalationTaskCompletion does not know the task "
                    + task.getTaskDefinitionKey() + ": add it to EscalationTaskCompletion");
        }
    }

    private void instruct(DelegateTask task, long id, EscalationLevel level, String actor) {
        boolean decide = bool(task, DECIDED, "请选择批示办结或呈报上级");
        EscalationReport report = reports.instruct(id, level, actor, decide, text(task, "instruction"));
        consume(task, "instruction");
        if (!decide) {
            task.setVariable(NEXT_LEVEL, report.getCurrentLevel().name());
        }
    }
}
