package io.kefu.qualification.process;

import io.kefu.qualification.QualificationService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_PlanYearlyMeeting: the yearly meeting inside the cycle becomes a visit (年度会晤) of the visit feature. */
@Component
class PlanYearlyMeetingDelegate implements JavaDelegate {

    private final QualificationService service;
    private final Reviews reviews;

    PlanYearlyMeetingDelegate(QualificationService service, Reviews reviews) {
        this.service = service;
        this.reviews = reviews;
    }

    @Override
    public void execute(DelegateExecution execution) {
        service.planMeeting(reviews.id(execution));
    }
}
