package io.kefu.archive.process;

import io.kefu.archive.ArchiveCareService;
import io.kefu.archive.ArchiveInspection;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_ScheduleInspection: an inspection record is opened; the keeper's task is due after the configured days. */
@Component
class ScheduleInspectionDelegate implements JavaDelegate {

    private final ArchiveCareService care;

    ScheduleInspectionDelegate(ArchiveCareService care) {
        this.care = care;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ArchiveInspection inspection = care.scheduleInspection(execution.getProcessInstanceId());
        execution.setProcessBusinessKey("JC-" + inspection.getId());
        execution.setVariable(ArchiveInspectionProcess.INSPECTION_ID, inspection.getId());
        execution.setVariable(ArchiveInspectionProcess.INSPECTION_DUE, Date.from(care.inspectionDue()));
    }
}
