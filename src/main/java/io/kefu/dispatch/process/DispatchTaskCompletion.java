package io.kefu.dispatch.process;

import static io.kefu.dispatch.process.DispatchProcess.*;
import static io.kefu.task.FormFields.bool;
import static io.kefu.task.FormFields.consume;
import static io.kefu.task.FormFields.flag;
import static io.kefu.task.FormFields.text;

import io.kefu.dispatch.WorkOrderService;
import io.kefu.shared.InvalidInputException;
import io.kefu.task.FormFields;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The complete listener of every dispatch user task ({@code ${dispatchTaskCompletion}}): the submitted form goes to
 * the work order, then its fields leave the process (the gateways' flags stay). A rule the input breaks fails the
 * completion with a message naming the field, and nothing of the step is saved.
 */
@Component("dispatchTaskCompletion")
class DispatchTaskCompletion implements TaskListener {

    private final WorkOrderService orders;
    private final WorkOrders workOrders;

    DispatchTaskCompletion(WorkOrderService orders, WorkOrders workOrders) {
        this.orders = orders;
        this.workOrders = workOrders;
    }

    @Override
    public void notify(DelegateTask task) {
        long id = workOrders.id(task.getExecution());
        String actor = FormFields.actor(task);
        switch (task.getTaskDefinitionKey()) {
            case TASK_APPROVE -> {
                orders.decide(id, actor, bool(task, APPROVED, "请选择是否批准"), text(task, "technician"),
                        text(task, "newAppointmentAt"), text(task, "decisionNote"));
                consume(task, "technician", "newAppointmentAt", "decisionNote");
            }
            case TASK_PREPARE -> {
                orders.prepare(id, text(task, "preparationNote"));
                consume(task, "preparationNote");
            }
            case TASK_RECORD -> {
                boolean outOfWarranty = orders.recordService(id, text(task, "workRecord"),
                        flag(task, "returnedToWorkshop"), text(task, "oldTerminalNo"), text(task, "newTerminalNo"),
                        flag(task, "simReplaced"), text(task, "oldSim"), text(task, "newSim"), fee(task),
                        text(task, "invoiceNo"));
                consume(task, "workRecord", "returnedToWorkshop", "oldTerminalNo", "newTerminalNo", "simReplaced",
                        "oldSim", "newSim", "partsFee", "invoiceNo");
                task.setVariable(OUT_OF_WARRANTY, outOfWarranty);
            }
            case TASK_CONFIRM_FEE -> {
                orders.confirmFee(id, actor, flag(task, "feeReceived"));
                consume(task, "feeReceived");
            }
            case TASK_RETURN_VISIT -> {
                orders.returnVisit(id, text(task, "returnVisitNote"));
                consume(task, "returnVisitNote");
            }
            case TASK_SUPERVISE_LATE -> {
                orders.supervise(id, text(task, "supervisionNote"));
                consume(task, "supervisionNote");
            }
            default -> throw new IllegalStateException("dispatchTaskCompletion does not know the task "
                    + task.getTaskDefinitionKey() + ": add it to DispatchTaskCompletion");
        }
    }

    private static BigDecimal fee(DelegateTask task) {
        Object value = task.getVariable("partsFee");
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.toString().trim());
        } catch (NumberFormatException e) {
            throw InvalidInputException.of("partsFee", "零部件费用须为金额,例如 120.50");
        }
    }
}
