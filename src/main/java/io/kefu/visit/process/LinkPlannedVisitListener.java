package io.kefu.visit.process;

import io.kefu.task.FormFields;
import io.kefu.shared.InvalidInputException;
import io.kefu.visit.VisitService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start listener ({@code ${linkPlannedVisit}}) of the visit processes that begin without a registration step
 * (satisfaction-survey, store-opening-survey): Kefu planned the visit and started the process for it, which is
 * bound to the visit here, before its first task asks for it. A visit bound to another process is never taken over.
 */
@Component("linkPlannedVisit")
class LinkPlannedVisitListener implements ExecutionListener {

    private final VisitService visits;

    LinkPlannedVisitListener(VisitService visits) {
        this.visits = visits;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Long visitId = FormFields.recordId(execution, VisitProcess.VISIT_ID);
        if (visitId == null) {
            throw InvalidInputException.of(VisitProcess.VISIT_ID, "调查由客服系统按回访计划发起,不能在任务列表中直接发起");
        }
        visits.linkProcess(visitId, execution.getProcessInstanceId());
    }
}
