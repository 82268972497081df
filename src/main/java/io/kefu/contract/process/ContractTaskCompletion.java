package io.kefu.contract.process;

import static io.kefu.task.FormFields.consume;
import static io.kefu.task.FormFields.date;
import static io.kefu.task.FormFields.flag;
import static io.kefu.task.FormFields.integer;
import static io.kefu.task.FormFields.number;
import static io.kefu.task.FormFields.text;
import static io.kefu.contract.process.ContractProcess.*;
import static io.kefu.contract.process.ContractSteps.DRAFT_FIELDS;

import io.kefu.task.FormFields;
import io.kefu.contract.CheckMethod;
import io.kefu.contract.ContractNoteKind;
import io.kefu.contract.ContractService;
import io.kefu.contract.ContractService.ContactDeadlines;
import io.kefu.contract.ContractTerms;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The complete listener of every contract user task ({@code ${contractTaskCompletion}}): the submitted form goes to
 * the contract record through {@link ContractService}; the form's fields then leave the process, which keeps only the
 * flags its gateways read. Bad input fails the completion naming the field, and nothing of the step is saved. A step
 * not listed in {@link ContractSteps} — a manager's new one — is kept as a generic case entry.
 */
@Component(ContractSteps.LISTENER)
class ContractTaskCompletion implements TaskListener {

    private final ContractService contracts;
    private final ContractCases cases;

    ContractTaskCompletion(ContractService contracts, ContractCases cases) {
        this.contracts = contracts;
        this.cases = cases;
    }

    @Override
    public void notify(DelegateTask task) {
        if (!ContractSteps.STEPS.containsKey(task.getTaskDefinitionKey())) {
            return; // a step Kefu has no handler for: GenericSteps keeps what was submitted
        }
        long id = cases.id(task);
        String actor = FormFields.actor(task);
        switch (task.getTaskDefinitionKey()) {
            case TASK_QUALIFICATION_REVIEW -> {
                boolean qualified = FormFields.bool(task, QUALIFIED, "请选择资质审核结论");
                contracts.recordQualification(id, flag(task, "documentsChecked"),
                        FormFields.enumValue(task, "checkMethod", CheckMethod.class), flag(task, "ndaSigned"),
                        text(task, "evaluationReport"), qualified);
                consume(task, "documentsChecked", "checkMethod", "ndaSigned", "evaluationReport");
            }
            case TASK_DRAFT_CONTRACT -> {
                takeSubmittedOverPrefill(task);
                contracts.draft(id, new ContractTerms(text(task, "partyCompany"), text(task, "partyCustomer"),
                        text(task, "territory"), text(task, "storeName"), text(task, "storeAddress"),
                        integer(task, "storeCount"), date(task, "storeOpeningDate"), date(task, "termStart"),
                        date(task, "termEnd"), number(task, "feeAmount"), text(task, "feeTerms"),
                        text(task, "specialTerms")), actor);
                consume(task, DRAFT_FIELDS);
                consume(task.getExecution(), DRAFT_FIELDS);
            }
            case TASK_REVIEW_CONTRACT -> {
                contracts.review(id, FormFields.bool(task, REVIEW_PASSED, "请选择审核结论"), text(task, "reviewNote"), actor);
                consume(task, "reviewNote");
            }
            case TASK_APPROVE_CONTRACT -> {
                contracts.decideApproval(id, FormFields.bool(task, APPROVED, "请选择审批结论"), text(task, "approvalNote"),
                        actor);
                consume(task, "approvalNote");
            }
            case TASK_RECORD_SIGNING -> {
                contracts.recordSigning(id, date(task, "signedOn"));
                consume(task, "signedOn");
            }
            case TASK_ARCHIVE_CONTRACT -> {
                contracts.recordArchiving(id, text(task, "location"), integer(task, "originals"), integer(task, "copies"));
                consume(task, "location", "originals", "copies");
            }
            case TASK_ASSIGN_SPECIALIST -> {
                ContactDeadlines deadlines = contracts.assignSpecialist(id, text(task, SPECIALIST));
                task.setVariable(CONTACT_REMINDER_AT, Date.from(deadlines.remindAt()));
                task.setVariable(CONTACT_DUE, Date.from(deadlines.due()));
            }
            case TASK_CONTACT_CUSTOMER -> {
                contracts.recordContact(id, text(task, "contactNote"));
                consume(task, "contactNote");
            }
            case TASK_SUPERVISE_LATE_CONTACT -> {
                contracts.addNote(id, ContractNoteKind.LATE_CONTACT_SUPERVISED, actor, text(task, "superviseNote"));
                consume(task, "superviseNote");
            }
            case TASK_REVIEW_TERMINATION -> {
                contracts.reviewTermination(id, FormFields.bool(task, PROCEED, "请选择是否继续办理解约"),
                        text(task, "terminationReviewNote"), text(task, "unpaidItems"), actor);
                consume(task, "terminationReviewNote", "unpaidItems");
            }
            case TASK_SETTLE_OPEN_MATTERS -> {
                contracts.confirmSettled(id, flag(task, "complaintsSettled"), flag(task, "loansSettled"),
                        flag(task, "paymentsSettled"), text(task, "settlementNote"), actor);
                consume(task, "complaintsSettled", "loansSettled", "paymentsSettled", "settlementNote");
            }
            case TASK_APPROVE_TERMINATION -> {
                contracts.decideTermination(id, FormFields.bool(task, APPROVED, "请选择审批结论"),
                        text(task, "terminationApprovalNote"), actor);
                consume(task, "terminationApprovalNote");
            }
            default -> throw new IllegalStateException("contractTaskCompletion does not know the task "
                    + task.getTaskDefinitionKey() + ": add it to ContractTaskCompletion");
        }
    }

    /**
     * The draft form is prefilled with task-local values ({@link DraftFormPrefill}); a submission that lands on the
     * process instead must win over them.
     */
    private static void takeSubmittedOverPrefill(DelegateTask task) {
        for (String field : DRAFT_FIELDS) {
            if (task.getExecution().hasVariableLocal(field)) {
                task.setVariableLocal(field, task.getExecution().getVariableLocal(field));
            }
        }
    }
}
