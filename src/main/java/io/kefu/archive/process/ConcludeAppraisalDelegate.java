package io.kefu.archive.process;

import static io.kefu.archive.process.ArchiveDestructionProcess.APPRAISED_FOR_DESTRUCTION;
import static io.kefu.archive.process.ArchiveDestructionProcess.DESTRUCTION_ID;

import io.kefu.archive.ArchiveCareService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_ConcludeAppraisal: both appraisals are in; only a joint "no value left" goes to the director. */
@Component
class ConcludeAppraisalDelegate implements JavaDelegate {

    private final ArchiveCareService care;
    private final ArchiveCases cases;

    ConcludeAppraisalDelegate(ArchiveCareService care, ArchiveCases cases) {
        this.care = care;
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(APPRAISED_FOR_DESTRUCTION,
                care.concludeAppraisal(cases.destructionId(execution)));
    }
}
