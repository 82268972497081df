package io.kefu.visit.process;

import io.kefu.visit.VisitService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_OpenComplaint: the complaint raised during the visit becomes a complaint-handling case linked to it. */
@Component
class OpenVisitComplaintDelegate implements JavaDelegate {

    private final VisitService visits;
    private final VisitCases cases;

    OpenVisitComplaintDelegate(VisitService visits, VisitCases cases) {
        this.visits = visits;
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("complaintId", visits.openComplaint(cases.id(execution)));
    }
}
