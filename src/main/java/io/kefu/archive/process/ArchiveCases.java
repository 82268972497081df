package io.kefu.archive.process;

import io.kefu.archive.ArchiveCareService;
import io.kefu.archive.ArchiveLoan;
import io.kefu.archive.ArchiveLoanService;
import io.kefu.identity.KefuGroups;
import io.kefu.task.BoundCase;
import io.kefu.task.CaseRecusal;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The loan, destruction or inspection an archive process works on, from the record bound to its process instance
 * ({@link BoundCase}) — never from the id variables, which stay for information only. The borrower is recused from
 * their own loan's tasks, as the loan register names them. The BPMN addresses people and groups through
 * {@code ${archiveCases.borrower(execution)}}, {@code ${archiveCases.approverGroup(execution)}} and
 * {@code ${archiveCases.departmentGroup(execution)}}.
 */
@Component("archiveCases")
public class ArchiveCases implements CaseRecusal {

    private final ArchiveLoanService loans;
    private final ArchiveCareService care;

    ArchiveCases(ArchiveLoanService loans, ArchiveCareService care) {
        this.loans = loans;
        this.care = care;
    }

    long loanId(DelegateExecution execution) {
        return BoundCase.require(execution, loans::forProcessInstance, "archive loan").getId();
    }

    private Optional<ArchiveLoan> loan(DelegateExecution execution) {
        return BoundCase.find(execution, loans::forProcessInstance);
    }

    long destructionId(DelegateExecution execution) {
        return BoundCase.require(execution, care::destructionForProcessInstance, "archive destruction").getId();
    }

    long inspectionId(DelegateExecution execution) {
        return BoundCase.require(execution, care::inspectionForProcessInstance, "archive inspection").getId();
    }

    /** Who borrows: the loan's notices go to them. */
    public String borrower(DelegateExecution execution) {
        return BoundCase.require(execution, loans::forProcessInstance, "archive loan").getBorrower();
    }

    /** Who approves the loan, as the loan rule decided it. */
    public String approverGroup(DelegateExecution execution) {
        return BoundCase.require(execution, loans::forProcessInstance, "archive loan").getApproverGroup();
    }

    /** The file's originating department (客服部 when it has none) appraises it for destruction. */
    public String departmentGroup(DelegateExecution execution) {
        String department = BoundCase.require(execution, care::destructionForProcessInstance, "archive destruction")
                .getEntry().getDepartment();
        return KefuGroups.DEPARTMENT_PREFIX
                + (department == null ? ArchiveDestructionProcess.DEFAULT_DEPARTMENT : department);
    }

    @Override
    public String processKey() {
        return ArchiveLoanProcess.KEY;
    }

    /** The borrower never approves, hands out or takes back their own loan. */
    @Override
    public String recusedUser(DelegateExecution execution) {
        return loan(execution).map(ArchiveLoan::getBorrower).orElse(null);
    }
}
