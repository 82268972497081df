package io.kefu.staffreview.process;

import io.kefu.staffreview.StaffReview;
import io.kefu.task.TaskCards;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;

/** The staff-review process (员工月度考评) in one place: its key, the variables it carries, its elements' ids. */
public final class StaffReviewProcess {

    public static final String KEY = "staff-review";

    // Variables: the review's id and the gateway's flag. Figures, scores, comments and objections live in staff_review.
    public static final String REVIEW_ID = "reviewId";
    public static final String INITIATOR = "initiator";
    public static final String RECONSIDER = "reconsider";

    // Start form fields, taken to the review and out of the process by Task_ComputeScorecard
    public static final String FIELD_EMPLOYEE = "reviewEmployee";
    public static final String FIELD_MONTH = "reviewMonth";

    // User tasks
    public static final String TASK_SCORE = "Task_ScoreReview";
    public static final String TASK_ACKNOWLEDGE = "Task_AcknowledgeReview";
    public static final String TASK_RECONSIDER = "Task_ReconsiderReview";

    // Service tasks and ends
    public static final String TASK_COMPUTE = "Task_ComputeScorecard";
    public static final String TASK_GRADE = "Task_GradeReview";
    public static final String TASK_COMPLETE = "Task_CompleteReview";
    public static final String END_COMPLETED = "End_ReviewCompleted";

    /** The review's id and a card without scores: review number, employee's login and month. */
    public static Map<String, Object> startVariables(StaffReview review) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(REVIEW_ID, review.getId());
        variables.putAll(TaskCards.of(review.getReviewNo(), null,
                cardSubject(review.getEmployee(), review.getReviewMonth())));
        return variables;
    }

    /**
     * The card's subject, the month in words ("2026年11月"): written as digits ("2026-11") it is a run of six digits,
     * which the cards mask as a possible phone number.
     */
    static String cardSubject(String employee, String reviewMonth) {
        YearMonth month = YearMonth.parse(reviewMonth);
        return "月度考评 · " + employee + " · " + month.getYear() + "年" + month.getMonthValue() + "月";
    }

    private StaffReviewProcess() {
    }
}
