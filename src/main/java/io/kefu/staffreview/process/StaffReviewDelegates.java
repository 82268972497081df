package io.kefu.staffreview.process;

import static io.kefu.staffreview.process.StaffReviewProcess.*;
import static io.kefu.task.FormFields.text;

import io.kefu.staffreview.StaffReview;
import io.kefu.staffreview.StaffReviewService;
import io.kefu.task.BoundCase;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The review's service steps: 生成考评表 (register and count), 评定等级 (the table), 考评归档. */
final class StaffReviewDelegates {

    /**
     * Task_ComputeScorecard. A review started from the Tasklist start form arrives as its two fields: the review is
     * registered in the starting manager's name and the fields leave the process. One from Kefu's API has its id.
     */
    @Component("computeScorecardDelegate")
    static class ComputeScorecard implements JavaDelegate {

        private final StaffReviewService reviews;

        ComputeScorecard(StaffReviewService reviews) {
            this.reviews = reviews;
        }

        @Override
        public void execute(DelegateExecution execution) {
            Object id = execution.getVariable(REVIEW_ID);
            StaffReview review;
            if (id != null) {
                review = reviews.find(((Number) id).longValue());
            } else {
                review = reviews.register(text(execution, FIELD_EMPLOYEE), text(execution, FIELD_MONTH),
                        BoundCase.starter(execution, INITIATOR));
                execution.removeVariable(FIELD_EMPLOYEE);
                execution.removeVariable(FIELD_MONTH);
            }
            reviews.linkProcess(review.getId(), execution.getProcessInstanceId());
            execution.setProcessBusinessKey(review.getReviewNo());
            execution.setVariables(StaffReviewProcess.startVariables(review));
        }
    }

    /** Task_GradeReview: staff-review-grade.dmn on the review's violations, scores and breaches. */
    @Component("gradeReviewDelegate")
    static class GradeReview implements JavaDelegate {

        private final StaffReviewService reviews;
        private final StaffReviews staffReviews;

        GradeReview(StaffReviewService reviews, StaffReviews staffReviews) {
            this.reviews = reviews;
            this.staffReviews = staffReviews;
        }

        @Override
        public void execute(DelegateExecution execution) {
            reviews.grade(staffReviews.id(execution));
        }
    }

    /** Task_CompleteReview. */
    @Component("completeReviewDelegate")
    static class CompleteReview implements JavaDelegate {

        private final StaffReviewService reviews;
        private final StaffReviews staffReviews;

        CompleteReview(StaffReviewService reviews, StaffReviews staffReviews) {
            this.reviews = reviews;
            this.staffReviews = staffReviews;
        }

        @Override
        public void execute(DelegateExecution execution) {
            reviews.complete(staffReviews.id(execution));
        }
    }

    private StaffReviewDelegates() {
    }
}
