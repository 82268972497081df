package io.kefu.archive.process;

import io.kefu.task.BoundCase;
import io.kefu.task.FormFields;
import static io.kefu.archive.process.ArchiveDestructionProcess.*;
import static io.kefu.task.FormFields.text;

import io.kefu.archive.ArchiveCareService;
import io.kefu.archive.ArchiveDestruction;
import io.kefu.identity.KefuGroups;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_RegisterDestruction: the keeper's start form (archive number, reason) becomes the destruction record, or a
 * record Kefu's API made is linked; the originating department is named for the appraisal.
 */
@Component
class RegisterDestructionDelegate implements JavaDelegate {

    private final ArchiveCareService care;

    RegisterDestructionDelegate(ArchiveCareService care) {
        this.care = care;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object id = execution.getVariable(DESTRUCTION_ID);
        ArchiveDestruction destruction;
        if (id != null) {
            destruction = care.findDestruction(((Number) id).longValue());
        } else {
            destruction = care.registerDestruction(text(execution, "archiveNo"), text(execution, "reason"),
                    BoundCase.starter(execution, INITIATOR));
            execution.removeVariable("archiveNo");
            execution.removeVariable("reason");
        }
        care.linkDestructionProcess(destruction.getId(), execution.getProcessInstanceId());
        String department = destruction.getEntry().getDepartment();
        execution.setProcessBusinessKey("XH-" + destruction.getEntry().getArchiveNo());
        execution.setVariable(DESTRUCTION_ID, destruction.getId());
        execution.setVariable(DEPARTMENT_GROUP,
                KefuGroups.DEPARTMENT_PREFIX + (department == null ? DEFAULT_DEPARTMENT : department));
    }
}
