package io.kefu.archive.process;

/** The archive-inspection process (每半年检查): started by its timer, one task for the archive keepers. */
public final class ArchiveInspectionProcess {

    public static final String KEY = "archive-inspection";
    public static final String INSPECTION_ID = "inspectionId";
    public static final String INSPECTION_DUE = "inspectionDue";

    public static final String START_TIMER = "StartEvent_InspectionDue";
    public static final String TASK_INSPECT = "Task_InspectArchive";
    public static final String END_INSPECTED = "End_Inspected";

    private ArchiveInspectionProcess() {
    }
}
