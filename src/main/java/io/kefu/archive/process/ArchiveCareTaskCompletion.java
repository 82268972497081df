package io.kefu.archive.process;

import io.kefu.task.FormFields;
import static io.kefu.archive.process.ArchiveDestructionProcess.*;
import static io.kefu.task.FormFields.bool;
import static io.kefu.task.FormFields.consume;
import static io.kefu.task.FormFields.date;
import static io.kefu.task.FormFields.enumValue;
import static io.kefu.task.FormFields.text;

import io.kefu.archive.ArchiveCareService;
import io.kefu.archive.ArchiveDestruction.Appraisal;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The complete listener of the user tasks of archive-inspection and archive-destruction
 * ({@code ${archiveCareTaskCompletion}}): the form goes to the inspection or destruction record, then leaves the
 * process, which keeps only the flags its gateways read.
 * A step not listed in {@link ArchiveCareSteps} — a manager's new one — is kept as a generic case entry.
 */
@Component(ArchiveCareSteps.LISTENER)
class ArchiveCareTaskCompletion implements TaskListener {

    private final ArchiveCareService care;
    private final ArchiveCases cases;

    ArchiveCareTaskCompletion(ArchiveCareService care, ArchiveCases cases) {
        this.care = care;
        this.cases = cases;
    }

    @Override
    public void notify(DelegateTask task) {
        if (!ArchiveCareSteps.STEPS.containsKey(task.getTaskDefinitionKey())) {
            return; // a step Kefu has no handler for: GenericSteps keeps what was submitted
        }
        String actor = FormFields.actor(task);
        switch (task.getTaskDefinitionKey()) {
            case ArchiveInspectionProcess.TASK_INSPECT -> {
                care.recordInspection(cases.inspectionId(task.getExecution()),
                        date(task, "inspectedOn"), actor, text(task, "findings"), text(task, "damagedFiles"),
                        text(task, "missingFiles"), text(task, "actions"));
                consume(task, "inspectedOn", "findings", "damagedFiles", "missingFiles", "actions");
            }
            case TASK_MANAGER_APPRAISAL, TASK_DEPARTMENT_APPRAISAL -> {
                care.appraise(cases.destructionId(task.getExecution()),
                        TASK_MANAGER_APPRAISAL.equals(task.getTaskDefinitionKey()),
                        enumValue(task, "appraisal", Appraisal.class), actor, text(task, "appraisalNote"));
                consume(task, "appraisal", "appraisalNote");
            }
            case TASK_DIRECTOR_APPROVAL -> {
                Instant holdUntil = care.decideDestruction(cases.destructionId(task.getExecution()),
                        bool(task, DIRECTOR_APPROVED, "请选择是否批准销毁"), actor, text(task, "directorNote"));
                if (holdUntil != null) {
                    task.setVariable(HOLD_UNTIL, Date.from(holdUntil));
                }
                consume(task, "directorNote");
            }
            case TASK_DESTROY -> {
                care.destroy(cases.destructionId(task.getExecution()), actor, text(task, "destroyedBy"),
                        text(task, "witness"), text(task, "place"));
                consume(task, "destroyedBy", "witness", "place");
            }
            default -> throw new IllegalStateException("archiveCareTaskCompletion does not know the task "
                    + task.getTaskDefinitionKey() + ": add it to ArchiveCareTaskCompletion");
        }
    }
}
