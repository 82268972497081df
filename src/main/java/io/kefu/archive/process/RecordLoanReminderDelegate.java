package io.kefu.archive.process;

import static io.kefu.archive.process.ArchiveLoanProcess.FIRST_OVERDUE;
import static io.kefu.archive.process.ArchiveLoanProcess.LOAN_ID;

import io.kefu.archive.ArchiveLoanService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_RecordDueReminder and Task_RecordOverdue: the loan register counts every reminder (催还记录); the first one
 * while overdue also goes to the managers ({@value ArchiveLoanProcess#FIRST_OVERDUE}).
 */
@Component
class RecordLoanReminderDelegate implements JavaDelegate {

    static final String OVERDUE_ACTIVITY = "Task_RecordOverdue";

    private final ArchiveLoanService loans;
    private final ArchiveCases cases;

    RecordLoanReminderDelegate(ArchiveLoanService loans, ArchiveCases cases) {
        this.loans = loans;
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long loanId = cases.loanId(execution);
        if (OVERDUE_ACTIVITY.equals(execution.getCurrentActivityId())) {
            execution.setVariable(FIRST_OVERDUE, loans.recordOverdue(loanId));
        } else {
            loans.recordReminder(loanId);
        }
    }
}
