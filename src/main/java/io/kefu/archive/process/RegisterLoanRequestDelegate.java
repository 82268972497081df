package io.kefu.archive.process;

import io.kefu.task.BoundCase;
import static io.kefu.task.FormFields.enumValue;
import static io.kefu.task.FormFields.text;

import io.kefu.archive.ArchiveLoan;
import io.kefu.archive.ArchiveLoanService;
import io.kefu.archive.ArchiveLoanService.LoanRequest;
import io.kefu.archive.LoanKind;
import io.kefu.shared.InvalidInputException;
import java.util.List;
import io.kefu.task.StartFormIntake;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Task_RegisterLoanRequest. A request from the Tasklist start form arrives as its fields: they become the loan
 * record (the starting user borrows) and leave the process. A request Kefu's API registered arrives with its id.
 */
@Component
class RegisterLoanRequestDelegate extends StartFormIntake<ArchiveLoan> {

    static final List<String> FORM_FIELDS = List.of("archiveNo", "pieces", "purpose", "department",
            "signedRequestRef");

    private final ArchiveLoanService loans;

    RegisterLoanRequestDelegate(ArchiveLoanService loans) {
        super(ArchiveLoanProcess.LOAN_ID, FORM_FIELDS, loans::find,
                (loan, pid) -> loans.linkProcess(loan.getId(), pid), ArchiveLoan::getLoanNo,
                ArchiveLoanProcess::startVariables);
        this.loans = loans;
    }

    @Override
    protected ArchiveLoan intake(DelegateExecution execution) {
        return loans.request(new LoanRequest(text(execution, "archiveNo"),
                enumValue(execution, ArchiveLoanProcess.LOAN_KIND, LoanKind.class), pieces(execution),
                text(execution, "purpose"), text(execution, "department"), text(execution, "signedRequestRef")),
                BoundCase.starter(execution, ArchiveLoanProcess.INITIATOR));
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
