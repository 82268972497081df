package io.kefu.dispatch.process;

import static io.kefu.task.FormFields.text;

import io.kefu.dispatch.WorkOrder;
import io.kefu.dispatch.WorkOrderKind;
import io.kefu.dispatch.WorkOrderRequest;
import io.kefu.dispatch.WorkOrderService;
import io.kefu.task.BoundCase;
import io.kefu.task.FormFields;
import java.util.List;
import io.kefu.task.StartFormIntake;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Task_RegisterWorkOrder. A work order from the Tasklist start form arrives as its fields: they become the record (the
 * starting user registered it) and leave the process, personal ones included. One from the API arrives with its id
 * and is only bound.
 */
@Component
class RegisterWorkOrderDelegate extends StartFormIntake<WorkOrder> {

    static final List<String> FORM_FIELDS = List.of("kind", "customerCode", "contactName", "contactPhone", "address",
            "productModel", "purchaseDate", "fault", "vehicleDetails", "driverDetails", "appointmentAt");

    private final WorkOrderService orders;

    RegisterWorkOrderDelegate(WorkOrderService orders) {
        super(DispatchProcess.ORDER_ID, FORM_FIELDS, orders::find,
                (order, pid) -> orders.linkProcess(order.getId(), pid), WorkOrder::getOrderNo,
                order -> DispatchProcess.startVariables(order, orders.customerOf(order)));
        this.orders = orders;
    }

    @Override
    protected WorkOrder intake(DelegateExecution execution) {
        return orders.register(new WorkOrderRequest(FormFields.enumValue(execution, "kind", WorkOrderKind.class),
                text(execution, "customerCode"), text(execution, "contactName"), text(execution, "contactPhone"),
                text(execution, "address"), text(execution, "productModel"), text(execution, "purchaseDate"),
                text(execution, "fault"), text(execution, "vehicleDetails"), text(execution, "driverDetails"),
                text(execution, "appointmentAt")), BoundCase.starter(execution, DispatchProcess.INITIATOR));
    }
}
