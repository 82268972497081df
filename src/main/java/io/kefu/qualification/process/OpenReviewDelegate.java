package io.kefu.qualification.process;

import static io.kefu.task.FormFields.text;

import io.kefu.qualification.QualificationReview;
import io.kefu.qualification.QualificationService;
import io.kefu.task.BoundCase;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_OpenReview. From the Tasklist start form the customer code arrives: the review is opened in the starting user's
 * name and the field leaves the process. From the planning run or the API the review's id arrives and is only bound.
 */
@Component
class OpenReviewDelegate implements JavaDelegate {

    private final QualificationService service;

    OpenReviewDelegate(QualificationService service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object id = execution.getVariable(QualificationProcess.REVIEW_ID);
        QualificationReview review;
        if (id != null) {
            review = service.find(((Number) id).longValue());
        } else {
            review = service.open(text(execution, "customerCode"),
                    BoundCase.starter(execution, QualificationProcess.INITIATOR));
            execution.removeVariable("customerCode");
        }
        service.linkProcess(review.getId(), execution.getProcessInstanceId());
        execution.setProcessBusinessKey(review.getReviewNo());
        execution.setVariables(QualificationProcess.startVariables(review, service.customerOf(review)));
    }
}
