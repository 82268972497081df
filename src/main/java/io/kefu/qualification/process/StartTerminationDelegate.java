package io.kefu.qualification.process;

import io.kefu.qualification.QualificationService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_StartTermination: the manager decided to stop cooperating; contract-termination starts for the contract. */
@Component
class StartTerminationDelegate implements JavaDelegate {

    private final QualificationService service;
    private final Reviews reviews;

    StartTerminationDelegate(QualificationService service, Reviews reviews) {
        this.service = service;
        this.reviews = reviews;
    }

    @Override
    public void execute(DelegateExecution execution) {
        service.startTermination(reviews.id(execution));
    }
}
