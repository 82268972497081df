package io.kefu.archive.process;

import static io.kefu.archive.process.ArchiveDestructionProcess.*;

import io.kefu.step.DeclaredSteps;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The archive-inspection and archive-destruction steps {@link ArchiveCareTaskCompletion} knows, and the form fields
 * it reads at each.
 */
@Component
class ArchiveCareSteps extends DeclaredSteps {

    static final String LISTENER = "archiveCareTaskCompletion";

    static final Map<String, Set<String>> STEPS = Map.of(
            ArchiveInspectionProcess.TASK_INSPECT, Set.of("inspectedOn", "findings", "damagedFiles", "missingFiles",
                    "actions"),
            TASK_MANAGER_APPRAISAL, Set.of("appraisal", "appraisalNote"),
            TASK_DEPARTMENT_APPRAISAL, Set.of("appraisal", "appraisalNote"),
            TASK_DIRECTOR_APPROVAL, Set.of(DIRECTOR_APPROVED, "directorNote"),
            TASK_DESTROY, Set.of("destroyedBy", "witness", "place"));

    ArchiveCareSteps() {
        super(LISTENER, STEPS);
    }
}
