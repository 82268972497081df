package io.kefu.staffreview.process;

import io.kefu.staffreview.StaffReview;
import io.kefu.staffreview.StaffReviewService;
import io.kefu.task.BoundCase;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The review a staff-review step works on, from the record bound to its process instance ({@link BoundCase}), never
 * from a variable. The BPMN assigns the acknowledgement with {@code ${staffReviews.employee(execution)}}.
 */
@Component("staffReviews")
public class StaffReviews {

    private final StaffReviewService reviews;

    StaffReviews(StaffReviewService reviews) {
        this.reviews = reviews;
    }

    StaffReview review(DelegateExecution execution) {
        return BoundCase.require(execution, StaffReview.class, reviews::forProcessInstance, "staff review");
    }

    long id(DelegateExecution execution) {
        return review(execution).getId();
    }

    /** The employee reviewed: the only one who acknowledges. */
    public String employee(DelegateExecution execution) {
        return review(execution).getEmployee();
    }
}
