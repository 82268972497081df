package io.kefu.staffreview.process;

import static io.kefu.staffreview.process.StaffReviewProcess.*;
import static io.kefu.task.FormFields.consume;
import static io.kefu.task.FormFields.text;

import io.kefu.shared.InvalidInputException;
import io.kefu.staffreview.StaffReview.Scores;
import io.kefu.staffreview.StaffReviewService;
import io.kefu.task.FormFields;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The complete listener of every staff-review user task ({@code ${staffReviewTaskCompletion}}): the scores and the
 * employee's answer go to the review, then leave the process (the forms mark them personal, so they never reach the
 * engine's history either); only the gateway's flag stays.
 */
@Component("staffReviewTaskCompletion")
class StaffReviewTaskCompletion implements TaskListener {

    static final List<String> SCORE_FIELDS = List.of("scoreWorkload", "scoreTimeliness", "scoreEffectiveness",
            "scoreCooperation", "scoreAttitude");
    static final String COMMENT = "managerComment";
    static final String ACKNOWLEDGEMENT = "acknowledgement";
    static final String OBJECTION = "objection";

    private final StaffReviewService reviews;
    private final StaffReviews staffReviews;

    StaffReviewTaskCompletion(StaffReviewService reviews, StaffReviews staffReviews) {
        this.reviews = reviews;
        this.staffReviews = staffReviews;
    }

    @Override
    public void notify(DelegateTask task) {
        long id = staffReviews.id(task.getExecution());
        String actor = FormFields.actor(task);
        switch (task.getTaskDefinitionKey()) {
            case TASK_SCORE, TASK_RECONSIDER -> {
                reviews.score(id, new Scores(score(task, 0), score(task, 1), score(task, 2), score(task, 3),
                        score(task, 4)), text(task, COMMENT), actor);
                consume(task, SCORE_FIELDS);
                consume(task, COMMENT);
            }
            case TASK_ACKNOWLEDGE -> {
                String answer = text(task, ACKNOWLEDGEMENT);
                if (!"AGREE".equals(answer) && !"OBJECT".equals(answer)) {
                    throw InvalidInputException.of(ACKNOWLEDGEMENT, "请选择确认或有异议");
                }
                boolean reconsider = reviews.acknowledge(id, actor, "AGREE".equals(answer), text(task, OBJECTION));
                consume(task, ACKNOWLEDGEMENT, OBJECTION);
                task.setVariable(RECONSIDER, reconsider);
            }
            default -> throw new IllegalStateException("staffReviewTaskCompletion does not know the task "
                    + task.getTaskDefinitionKey() + ": add it to StaffReviewTaskCompletion");
        }
    }

    /** A score as the form's number field submits it (a Long, or a string from other clients). */
    private static Integer score(DelegateTask task, int index) {
        String field = SCORE_FIELDS.get(index);
        Object value = task.getVariable(field);
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        if (value instanceof Number number) {
            if (number.doubleValue() != Math.rint(number.doubleValue())) {
                throw InvalidInputException.of(field, "评分应为 1–5 的整数");
            }
            return number.intValue();
        }
        try {
            return Integer.valueOf(value.toString().trim());
        } catch (NumberFormatException e) {
            throw InvalidInputException.of(field, "评分应为 1–5 的整数");
        }
    }
}
