package io.kefu.qualification.process;

import io.kefu.qualification.QualificationService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_OpenDueReviews: the planning run opens a review for every customer whose next review is due. */
@Component
class PlanDueReviewsDelegate implements JavaDelegate {

    private final QualificationService service;

    PlanDueReviewsDelegate(QualificationService service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("openedReviews", service.openDueReviews(service.today()).size());
    }
}
