package io.kefu.dispatch.process;

import io.kefu.dispatch.WorkOrderService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RecordLateVisit: the appointment passed without the service recorded; the work order records when. */
@Component
class RecordLateVisitDelegate implements JavaDelegate {

    private final WorkOrderService orders;
    private final WorkOrders workOrders;

    RecordLateVisitDelegate(WorkOrderService orders, WorkOrders workOrders) {
        this.orders = orders;
        this.workOrders = workOrders;
    }

    @Override
    public void execute(DelegateExecution execution) {
        orders.recordLate(workOrders.id(execution));
    }
}
