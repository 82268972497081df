package io.kefu.archive.process;

import io.kefu.task.BoundCase;
import io.kefu.task.StartFormIntake;
import static io.kefu.archive.process.ArchiveDestructionProcess.*;
import static io.kefu.task.FormFields.text;

import io.kefu.archive.ArchiveCareService;
import io.kefu.archive.ArchiveDestruction;
import io.kefu.identity.KefuGroups;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Task_RegisterDestruction: the keeper's start form (archive number, reason) becomes the destruction record, or a
 * record Kefu's API made is linked; the originating department is named for the appraisal.
 */
@Component
class RegisterDestructionDelegate extends StartFormIntake<ArchiveDestruction> {

    static final List<String> FORM_FIELDS = List.of("archiveNo", "reason");

    private final ArchiveCareService care;

    RegisterDestructionDelegate(ArchiveCareService care) {
        super(DESTRUCTION_ID, FORM_FIELDS, care::findDestruction,
                (destruction, pid) -> care.linkDestructionProcess(destruction.getId(), pid),
                destruction -> "XH-" + destruction.getEntry().getArchiveNo(),
                RegisterDestructionDelegate::startVariables);
        this.care = care;
    }

    @Override
    protected ArchiveDestruction intake(DelegateExecution execution) {
        return care.registerDestruction(text(execution, "archiveNo"), text(execution, "reason"),
                BoundCase.starter(execution, INITIATOR));
    }

    private static Map<String, Object> startVariables(ArchiveDestruction destruction) {
        String department = destruction.getEntry().getDepartment();
        return Map.of(DESTRUCTION_ID, destruction.getId(), DEPARTMENT_GROUP,
                KefuGroups.DEPARTMENT_PREFIX + (department == null ? DEFAULT_DEPARTMENT : department));
    }
}
