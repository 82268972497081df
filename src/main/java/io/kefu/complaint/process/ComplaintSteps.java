package io.kefu.complaint.process;

import static io.kefu.complaint.process.ComplaintProcess.*;

import io.kefu.step.DeclaredSteps;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The complaint steps {@link ComplaintTaskCompletion} knows, and the form fields it reads at each. */
@Component
class ComplaintSteps extends DeclaredSteps {

    static final String LISTENER = "complaintTaskCompletion";

    static final Map<String, Set<String>> STEPS = knownSteps();

    ComplaintSteps() {
        super(LISTENER, STEPS);
    }

    private static Map<String, Set<String>> knownSteps() {
        Map<String, Set<String>> steps = new LinkedHashMap<>();
        steps.put(TASK_ASSESS_VALIDITY, Set.of(COMPLAINT_VALID, "validityReason", "department", "causeType",
                "invalidReply"));
        steps.put(TASK_INVESTIGATE, Set.of("findings", "responsiblePerson"));
        steps.put(TASK_PROPOSE_SOLUTIONS, Set.of("solutionOption1", "solutionOption2", "solutionOption3"));
        steps.put(TASK_SELECT_SOLUTION, Set.of(SOLUTION_DECISION, "leaderInstruction"));
        steps.put(TASK_MANAGER_DECISION, Set.of(MANAGER_DECISION, "managerInstruction"));
        steps.put(TASK_IMPLEMENT_SOLUTION, Set.of("implementationNotes", "penalties"));
        steps.put(TASK_CONFIRM_WITH_CUSTOMER, Set.of(CUSTOMER_ACCEPTED, "acceptanceMethod", "acceptanceReference",
                "customerFeedback"));
        steps.put(TASK_RETURN_VISIT, Set.of(SATISFACTION, "visitRemarks", "improvement"));
        steps.put(TASK_REVIEW_REOPENED, Set.of("managerInstruction", "department"));
        steps.put(TASK_CLOSE, Set.of("closingCategory", "closingSummary"));
        steps.put(TASK_ANALYSE_ROOT_CAUSE, Set.of("rootCause", "preventiveMeasures"));
        for (String escalation : new String[] {TASK_ACKNOWLEDGE_SEVERE, TASK_SUPERVISE_RESPONSE_BREACH,
                TASK_SUPERVISE_RESOLUTION_BREACH, TASK_SUPERVISE_OVERDUE_VISIT}) {
            steps.put(escalation, Set.of("escalationNote"));
        }
        return Map.copyOf(steps);
    }
}
