package io.kefu.archive.process;

import static io.kefu.archive.process.ArchiveLoanProcess.*;

import io.kefu.archive.ArchiveLoanService;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_RecordLoanRule: the loan register takes the rule table's answer (maximum days, approver group, or the
 * reason a loan is refused); the process keeps only the gateway flag and the approver group.
 */
@Component
class RecordLoanRuleDelegate implements JavaDelegate {

    private final ArchiveLoanService loans;
    private final ArchiveCases cases;

    RecordLoanRuleDelegate(ArchiveLoanService loans, ArchiveCases cases) {
        this.loans = loans;
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (!(execution.getVariable(LOAN_RULE) instanceof Map<?, ?> rule)) {
            throw new IllegalStateException(DECISION + " gave no result for this loan");
        }
        boolean allowed = Boolean.TRUE.equals(rule.get("allowed"));
        Integer maxDays = rule.get("maxDays") instanceof Number n ? n.intValue() : null;
        String approverGroup = rule.get("approverGroup") == null ? null : rule.get("approverGroup").toString();
        loans.applyRule(cases.loanId(execution), allowed, maxDays, approverGroup,
                rule.get("refusalReason") == null ? null : rule.get("refusalReason").toString());
        execution.removeVariable(LOAN_RULE);
        execution.setVariable(LOAN_ALLOWED, allowed);
        if (allowed) {
            execution.setVariable(APPROVER_GROUP, approverGroup);
        }
    }
}
