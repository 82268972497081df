package io.kefu.qualification.process;

import io.kefu.qualification.QualificationReview;
import io.kefu.customer.CustomerDetails;
import io.kefu.task.TaskCards;
import java.util.HashMap;
import java.util.Map;

/** The qualification review process (资质审核) in one place: its key, variables and element ids. */
public final class QualificationProcess {

    public static final String KEY = "qualification-review";
    public static final String PLANNING_KEY = "qualification-planning";

    // Variables: the review's id and the gateways' flags; scores and customer details live in qualification_review.
    public static final String REVIEW_ID = "reviewId";
    public static final String INITIATOR = "initiator";
    public static final String CREDIT_DECLINED = "creditDeclined";
    public static final String STOP_COOPERATION = "stopCooperation";

    // User tasks
    public static final String TASK_SCORE = "Task_ScoreCustomer";
    public static final String TASK_DECIDE = "Task_DecideCooperation";

    // Service tasks and ends
    public static final String TASK_OPEN = "Task_OpenReview";
    public static final String TASK_PLAN_MEETING = "Task_PlanYearlyMeeting";
    public static final String TASK_START_TERMINATION = "Task_StartTermination";
    public static final String END_REVIEWED = "End_Reviewed";
    public static final String END_KEPT = "End_CooperationKept";
    public static final String END_TERMINATION = "End_TerminationStarted";

    /** The review's id and card (number, customer, class): nothing personal. */
    public static Map<String, Object> startVariables(QualificationReview review, CustomerDetails customer) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(REVIEW_ID, review.getId());
        variables.putAll(TaskCards.of(review.getReviewNo(), customer, "资质审核 · "
                + review.getCustomerClass().label() + " " + review.getTierBefore() + " 级"));
        return variables;
    }

    private QualificationProcess() {
    }
}
