package io.kefu.archive.process;

/** The archive-destruction process in one place: its key, the variables it carries, the ids of its elements. */
public final class ArchiveDestructionProcess {

    public static final String KEY = "archive-destruction";

    public static final String DESTRUCTION_ID = "destructionId";
    public static final String INITIATOR = "initiator";
    /** The originating department's group: it appraises the file with the manager. */
    public static final String DEPARTMENT_GROUP = "departmentGroup";
    public static final String APPRAISED_FOR_DESTRUCTION = "appraisedForDestruction";
    public static final String DIRECTOR_APPROVED = "directorApproved";
    public static final String HOLD_UNTIL = "holdUntil";

    public static final String TASK_MANAGER_APPRAISAL = "Task_ManagerAppraisal";
    public static final String TASK_DEPARTMENT_APPRAISAL = "Task_DepartmentAppraisal";
    public static final String TASK_DIRECTOR_APPROVAL = "Task_DirectorApproval";
    public static final String TASK_DESTROY = "Task_DestroyUnderSupervision";
    public static final String TIMER_HOLD = "Timer_DestructionHold";
    public static final String END_DESTROYED = "End_Destroyed";
    public static final String END_RETAINED = "End_Retained";
    public static final String END_REJECTED = "End_DestructionRejected";

    /** Contracts and files without an originating department are appraised by 客服部. */
    public static final String DEFAULT_DEPARTMENT = "service";

    private ArchiveDestructionProcess() {
    }
}
