package io.kefu.contract.process;

/** The contract processes in one place: keys, the variables they carry, the ids of their elements. */
public final class ContractProcess {

    public static final String ONBOARDING_KEY = "contract-onboarding";
    public static final String TERMINATION_KEY = "contract-termination";

    // Variables: ids and the flags gateways read. The contract itself lives in the contract table.
    public static final String CONTRACT_ID = "contractId";
    /** The customer the notices of the case go to (read by the notification service). */
    public static final String CUSTOMER_ID = "customerId";
    public static final String INITIATOR = "initiator";
    public static final String CONTRACT_TYPE = "contractType";
    public static final String QUALIFIED = "qualified";
    public static final String REVIEW_PASSED = "reviewPassed";
    public static final String APPROVED = "approved";
    public static final String APPROVER_GROUP = "approverGroup";
    public static final String SPECIALIST = "specialist";
    public static final String CONTACT_REMINDER_AT = "contactReminderAt";
    public static final String CONTACT_DUE = "contactDue";
    public static final String PROCEED = "proceed";

    // Onboarding user tasks
    public static final String TASK_QUALIFICATION_REVIEW = "Task_QualificationReview";
    public static final String TASK_DRAFT_CONTRACT = "Task_DraftContract";
    public static final String TASK_REVIEW_CONTRACT = "Task_ReviewContract";
    public static final String TASK_APPROVE_CONTRACT = "Task_ApproveContract";
    public static final String TASK_RECORD_SIGNING = "Task_RecordSigning";
    public static final String TASK_ARCHIVE_CONTRACT = "Task_ArchiveContract";
    public static final String TASK_ASSIGN_SPECIALIST = "Task_AssignSpecialist";
    public static final String TASK_CONTACT_CUSTOMER = "Task_ContactCustomer";
    public static final String TASK_SUPERVISE_LATE_CONTACT = "Task_SuperviseLateContact";
    // Onboarding timers, notices, ends
    public static final String TIMER_CONTACT_REMINDER = "Timer_ContactReminder";
    public static final String TIMER_CONTACT_DEADLINE = "Timer_ContactDeadline";
    public static final String NOTICE_REJECTION = "Task_NotifyRejection";
    public static final String NOTICE_CONTACT_REMINDER = "Task_RemindSpecialist";
    public static final String NOTICE_WELCOME = "Task_SendWelcome";
    public static final String END_ONBOARDED = "End_CustomerOnboarded";
    public static final String END_REJECTED = "End_ProspectRejected";

    // Termination
    public static final String TASK_REVIEW_TERMINATION = "Task_ReviewTermination";
    public static final String TASK_SETTLE_OPEN_MATTERS = "Task_SettleOpenMatters";
    public static final String TASK_APPROVE_TERMINATION = "Task_ApproveTermination";
    public static final String NOTICE_TERMINATION = "Task_NotifyTermination";
    public static final String END_TERMINATED = "End_ContractTerminated";
    public static final String END_WITHDRAWN = "End_TerminationWithdrawn";
    public static final String END_REFUSED = "End_TerminationRefused";

    private ContractProcess() {
    }
}
