package io.kefu.dispatch.process;

import io.kefu.dispatch.WorkOrder;
import io.kefu.customer.CustomerDetails;
import io.kefu.task.TaskCards;
import java.util.HashMap;
import java.util.Map;

/** The dispatch process (派工) in one place: its key, the variables it carries, the ids of its elements. */
public final class DispatchProcess {

    public static final String KEY = "service-dispatch";

    // Variables: the work order's id and the gateways' flags. The order itself (and its personal data) lives in the
    // work_order table.
    public static final String ORDER_ID = "workOrderId";
    public static final String INITIATOR = "initiator";
    public static final String APPROVED = "approved";
    public static final String OUT_OF_WARRANTY = "outOfWarranty";

    // User tasks
    public static final String TASK_APPROVE = "Task_ApproveAndAssign";
    public static final String TASK_PREPARE = "Task_PrepareVisit";
    public static final String TASK_RECORD = "Task_RecordService";
    public static final String TASK_CONFIRM_FEE = "Task_ConfirmFee";
    public static final String TASK_RETURN_VISIT = "Task_ServiceReturnVisit";
    public static final String TASK_SUPERVISE_LATE = "Task_SuperviseLateVisit";

    // Service tasks, timers and ends
    public static final String TASK_REGISTER = "Task_RegisterWorkOrder";
    public static final String TASK_RECORD_LATE = "Task_RecordLateVisit";
    public static final String SUBPROCESS_VISIT = "SubProcess_OnSiteService";
    public static final String TIMER_LATE = "Timer_VisitLate";
    public static final String END_REJECTED = "End_Rejected";
    public static final String END_DONE = "End_ServiceDone";
    public static final String END_SUPERVISED = "End_LateSupervised";

    /** The order's id and card: no personal data (the subject names the kind and the product, not the contact). */
    public static Map<String, Object> startVariables(WorkOrder order, CustomerDetails customer) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(ORDER_ID, order.getId());
        variables.put(TaskCards.OWNER_ID, order.getRequestedBy());
        variables.putAll(TaskCards.of(order.getOrderNo(), customer, order.getKind().formTitle() + " · "
                + order.getProductModel()));
        return variables;
    }

    private DispatchProcess() {
    }
}
