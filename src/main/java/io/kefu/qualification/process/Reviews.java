package io.kefu.qualification.process;

import io.kefu.qualification.QualificationReview;
import io.kefu.qualification.QualificationService;
import io.kefu.task.BoundCase;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** The review a step works on: the record bound to its process instance ({@link BoundCase}), never a variable. */
@Component
class Reviews {

    private final QualificationService service;

    Reviews(QualificationService service) {
        this.service = service;
    }

    QualificationReview review(DelegateExecution execution) {
        return BoundCase.require(execution, service::forProcessInstance, "qualification review");
    }

    long id(DelegateExecution execution) {
        return review(execution).getId();
    }
}
