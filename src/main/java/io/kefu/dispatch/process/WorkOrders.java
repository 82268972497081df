package io.kefu.dispatch.process;

import io.kefu.dispatch.WorkOrder;
import io.kefu.dispatch.WorkOrderService;
import io.kefu.task.BoundCase;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The work order a dispatch step works on, from the record bound to its process instance ({@link BoundCase}). The
 * BPMN addresses the technician and the times through {@code ${workOrders.technician(execution)}},
 * {@code ${workOrders.appointment(execution)}} and {@code ${workOrders.lateAt(execution)}}.
 */
@Component("workOrders")
public class WorkOrders {

    private final WorkOrderService orders;

    WorkOrders(WorkOrderService orders) {
        this.orders = orders;
    }

    WorkOrder order(DelegateExecution execution) {
        return BoundCase.require(execution, orders::forProcessInstance, "work order");
    }

    long id(DelegateExecution execution) {
        return order(execution).getId();
    }

    /** The technician the service manager assigned. */
    public String technician(DelegateExecution execution) {
        return order(execution).getTechnician();
    }

    /** Who registered the work order: they make the return visit. */
    public String requester(DelegateExecution execution) {
        return order(execution).getRequestedBy();
    }

    /** 预约上门时间. */
    public Date appointment(DelegateExecution execution) {
        return Date.from(order(execution).getAppointmentAt());
    }

    /** When a service not yet recorded counts as late (the appointment plus the configured grace). */
    public Date lateAt(DelegateExecution execution) {
        return Date.from(orders.lateAt(order(execution)));
    }
}
