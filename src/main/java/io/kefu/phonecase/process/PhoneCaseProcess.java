package io.kefu.phonecase.process;

import io.kefu.identity.KefuGroups.Department;
import io.kefu.phonecase.PhoneCase;
import io.kefu.customer.CustomerDetails;
import io.kefu.task.TaskCards;
import java.util.HashMap;
import java.util.Map;

/** The phone-case process (个案处理) in one place: its key, the variables it carries, the ids of its elements. */
public final class PhoneCaseProcess {

    public static final String KEY = "phone-case";

    // Variables: ids and the gateway's flag. The case itself (and its personal data) lives in the phone_case table.
    public static final String CASE_ID = "phoneCaseId";
    public static final String INITIATOR = "initiator";
    public static final String CUSTOMER_ACCEPTED = "customerAccepted";

    // User tasks
    public static final String TASK_RESOLVE = "Task_ProposeSolution";
    public static final String TASK_CALL_BACK = "Task_CallBackCustomer";
    public static final String TASK_LEADER_SUPPORT = "Task_LeaderSupport";
    public static final String TASK_SUPERVISE_OVERDUE = "Task_SuperviseOverdueCase";
    public static final String TASK_SUPERVISE_LATE_CALLBACK = "Task_SuperviseLateCallback";

    // Timers and ends
    public static final String TIMER_RESOLUTION_DUE = "Timer_ResolutionDue";
    public static final String TIMER_CALLBACK_DUE = "Timer_CallbackDue";
    public static final String END_CLOSED = "End_CaseClosed";
    public static final String END_SUPERVISED = "End_OverdueSupervised";
    public static final String END_CALLBACK_SUPERVISED = "End_LateCallbackSupervised";

    // Service tasks
    public static final String RECORD_RESOLUTION_BREACH = "Task_RecordResolutionBreach";
    public static final String RECORD_CALLBACK_BREACH = "Task_RecordCallbackBreach";

    /** The case's id, owner and card: no personal data (the subject names the department, not the customer). */
    public static Map<String, Object> startVariables(PhoneCase phoneCase, CustomerDetails customer) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(CASE_ID, phoneCase.getId());
        variables.put(TaskCards.OWNER_ID, phoneCase.getOwnerId());
        variables.putAll(TaskCards.of(phoneCase.getCaseNo(), customer, "咨询个案 · 转"
                + Department.fromCode(phoneCase.getDepartment()).map(Department::label).orElse("部门")));
        return variables;
    }

    private PhoneCaseProcess() {
    }
}
