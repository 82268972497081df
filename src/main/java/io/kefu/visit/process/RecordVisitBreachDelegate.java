package io.kefu.visit.process;

import io.kefu.visit.VisitService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RecordVisitBreach: the 3-day limit passed; the visit records it before the supervisors are alerted. */
@Component
class RecordVisitBreachDelegate implements JavaDelegate {

    private final VisitService visits;

    RecordVisitBreachDelegate(VisitService visits) {
        this.visits = visits;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("firstBreach", visits.recordBreach(VisitFormFields.visitId(execution)));
    }
}
