package io.kefu.archive.process;

import io.kefu.task.BoundCase;
import io.kefu.task.FormFields;
import static io.kefu.task.FormFields.enumValue;
import static io.kefu.task.FormFields.text;

import io.kefu.archive.ArchiveLoan;
import io.kefu.archive.ArchiveLoanService;
import io.kefu.archive.ArchiveLoanService.LoanRequest;
import io.kefu.archive.LoanKind;
import io.kefu.shared.InvalidInputException;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_RegisterLoanRequest. A request from the Tasklist start form arrives as its fields: they become the loan
 * record (the starting user borrows) and leave the process. A request Kefu's API registered arrives with its id.
 */
@Component
class RegisterLoanRequestDelegate implements JavaDelegate {

    static final List<String> FORM_FIELDS = List.of("archiveNo", "pieces", "purpose", "department",
            "signedRequestRef");

    private final ArchiveLoanService loans;

    RegisterLoanRequestDelegate(ArchiveLoanService loans) {
        this.loans = loans;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object id = execution.getVariable(ArchiveLoanProcess.LOAN_ID);
        ArchiveLoan loan;
        if (id != null) {
            loan = loans.find(((Number) id).longValue());
        } else {
            loan = loans.request(new LoanRequest(text(execution, "archiveNo"),
                    enumValue(execution, ArchiveLoanProcess.LOAN_KIND, LoanKind.class), pieces(execution),
                    text(execution, "purpose"), text(execution, "department"), text(execution, "signedRequestRef")),
                    BoundCase.starter(execution, ArchiveLoanProcess.INITIATOR));
            FORM_FIELDS.forEach(execution::removeVariable);
        }
        loans.linkProcess(loan.getId(), execution.getProcessInstanceId());
        execution.setProcessBusinessKey(loan.getLoanNo());
        execution.setVariables(ArchiveLoanProcess.startVariables(loan));
    }

    private static Integer pieces(DelegateExecution execution) {
        Object value = execution.getVariable("pieces");
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        try {
            return value instanceof Number n ? n.intValue() : Integer.valueOf(value.toString().trim());
        } catch (NumberFormatException e) {
            throw InvalidInputException.of("pieces", "请填写整数份数");
        }
    }
}
