package io.kefu.visit.process;

import io.kefu.visit.VisitService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RecordVisitBreach: the 3-day limit passed; the visit records it before the supervisors are alerted. */
@Component
class RecordVisitBreachDelegate implements JavaDelegate {

    private final VisitService visits;
    private final VisitCases cases;

    RecordVisitBreachDelegate(VisitService visits, VisitCases cases) {
        this.visits = visits;
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("firstBreach", visits.recordBreach(cases.id(execution)));
    }
}
