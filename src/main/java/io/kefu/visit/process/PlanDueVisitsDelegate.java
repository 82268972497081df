package io.kefu.visit.process;

import io.kefu.visit.VisitPlanner;
import io.kefu.visit.VisitService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_PlanDueVisits: the daily planning run asks the planner which visits are due and plans them. */
@Component
class PlanDueVisitsDelegate implements JavaDelegate {

    private final VisitPlanner planner;
    private final VisitService visits;

    PlanDueVisitsDelegate(VisitPlanner planner, VisitService visits) {
        this.planner = planner;
        this.visits = visits;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("plannedVisits", planner.planDueVisits(visits.today()).size());
    }
}
