package io.kefu.contract.process;

import static io.kefu.contract.process.ContractProcess.*;

import io.kefu.step.DeclaredSteps;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The contract steps {@link ContractTaskCompletion} knows, and the form fields it reads at each. */
@Component
class ContractSteps extends DeclaredSteps {

    static final String LISTENER = "contractTaskCompletion";

    /** The fields of the draft form, prefilled by {@link DraftFormPrefill} and read by the draft step. */
    static final List<String> DRAFT_FIELDS = List.of("partyCompany", "partyCustomer", "territory", "storeName",
            "storeAddress", "storeCount", "storeOpeningDate", "termStart", "termEnd", "feeAmount", "feeTerms",
            "specialTerms");

    static final Map<String, Set<String>> STEPS = knownSteps();

    ContractSteps() {
        super(LISTENER, STEPS);
    }

    private static Map<String, Set<String>> knownSteps() {
        Map<String, Set<String>> steps = new LinkedHashMap<>();
        steps.put(TASK_QUALIFICATION_REVIEW, Set.of(QUALIFIED, "documentsChecked", "checkMethod", "ndaSigned",
                "evaluationReport"));
        steps.put(TASK_DRAFT_CONTRACT, Set.copyOf(DRAFT_FIELDS));
        steps.put(TASK_REVIEW_CONTRACT, Set.of(REVIEW_PASSED, "reviewNote"));
        steps.put(TASK_APPROVE_CONTRACT, Set.of(APPROVED, "approvalNote"));
        steps.put(TASK_RECORD_SIGNING, Set.of("signedOn"));
        steps.put(TASK_ARCHIVE_CONTRACT, Set.of("location", "originals", "copies"));
        steps.put(TASK_ASSIGN_SPECIALIST, Set.of(SPECIALIST));
        steps.put(TASK_CONTACT_CUSTOMER, Set.of("contactNote"));
        steps.put(TASK_SUPERVISE_LATE_CONTACT, Set.of("superviseNote"));
        steps.put(TASK_REVIEW_TERMINATION, Set.of(PROCEED, "terminationReviewNote", "unpaidItems"));
        steps.put(TASK_SETTLE_OPEN_MATTERS, Set.of("complaintsSettled", "loansSettled", "paymentsSettled",
                "settlementNote"));
        steps.put(TASK_APPROVE_TERMINATION, Set.of(APPROVED, "terminationApprovalNote"));
        return Map.copyOf(steps);
    }
}
