package io.kefu.archive.process;

import io.kefu.task.TaskCards;
import io.kefu.archive.ArchiveLoan;
import io.kefu.task.KefuTaskListeners;
import java.util.HashMap;
import java.util.Map;

/** The archive-loan process in one place: its key, the variables it carries, the ids of its elements. */
public final class ArchiveLoanProcess {

    public static final String KEY = "archive-loan";
    public static final String DECISION = "archive-loan-rules";

    // Variables: ids and the flags gateways and timers read. The loan itself lives in the archive_loan table.
    public static final String LOAN_ID = "loanId";
    public static final String INITIATOR = "initiator";
    public static final String BORROWER = "borrower";
    /** The borrower never gets a task of their own loan: approving, handing out, taking back (read by the recusal). */
    public static final String RECUSED_USER = KefuTaskListeners.RECUSED_USER;
    public static final String LOAN_KIND = "loanKind";
    public static final String SECRECY = "secrecy";
    public static final String BORROWER_DEPARTMENT = "borrowerDepartment";
    public static final String LOAN_RULE = "loanRule";
    public static final String LOAN_ALLOWED = "loanAllowed";
    public static final String APPROVER_GROUP = "approverGroup";
    public static final String LOAN_APPROVED = "loanApproved";
    public static final String LOAN_DUE = "loanDue";
    public static final String DUE_REMINDER_AT = "dueReminderAt";
    public static final String OVERDUE_CYCLE = "overdueCycle";
    public static final String FIRST_OVERDUE = "firstOverdue";

    // User tasks
    public static final String TASK_APPROVE = "Task_ApproveLoan";
    public static final String TASK_HAND_OUT = "Task_HandOutFile";
    public static final String TASK_REGISTER_RETURN = "Task_RegisterReturn";
    public static final String TASK_SUPERVISE_OVERDUE = "Task_SuperviseOverdueLoan";
    public static final String TASK_RECORD_READING = "Task_RecordReadingInRoom";

    // Send tasks, timers, ends
    public static final String SEND_REFUSED = "Task_NotifyBorrowerRefused";
    public static final String SEND_REJECTED = "Task_NotifyBorrowerRejected";
    public static final String SEND_DUE_REMINDER = "Task_SendDueReminder";
    public static final String SEND_OVERDUE_REMINDER = "Task_SendOverdueReminder";
    public static final String TIMER_DUE_REMINDER = "Timer_DueReminder";
    public static final String TIMER_OVERDUE = "Timer_Overdue";
    public static final String END_RETURNED = "End_LoanReturned";
    public static final String END_REJECTED = "End_LoanRejected";
    public static final String END_REFUSED = "End_RefusedReadInRoom";

    /** Variables a loan starts with when Kefu's API (not the Tasklist start form) registered the request. */
    public static Map<String, Object> startVariables(ArchiveLoan loan) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(LOAN_ID, loan.getId());
        variables.put(BORROWER, loan.getBorrower());
        variables.put(RECUSED_USER, loan.getBorrower());
        variables.put(LOAN_KIND, loan.getLoanKind().name());
        variables.put(SECRECY, loan.getEntry().getSecrecy().name());
        variables.put(BORROWER_DEPARTMENT, loan.getBorrowerDepartment());
        variables.putAll(TaskCards.of(loan.getLoanNo(), null,
                loan.getLoanKind().label() + " " + loan.getEntry().getArchiveNo()));
        return variables;
    }

    private ArchiveLoanProcess() {
    }
}
