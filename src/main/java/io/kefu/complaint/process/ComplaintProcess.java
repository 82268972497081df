package io.kefu.complaint.process;

import io.kefu.complaint.Complaint;
import io.kefu.customer.CustomerDetails;
import io.kefu.task.TaskCards;
import java.util.HashMap;
import java.util.Map;

/** The complaint-handling process in one place: its key, the variables it carries, the ids of its elements. */
public final class ComplaintProcess {

    public static final String KEY = "complaint-handling";

    // Variables: ids, and the flags gateways and decisions read. The case itself lives in the complaint table.
    public static final String COMPLAINT_ID = "complaintId";
    public static final String OWNER_ID = "ownerId";
    public static final String INITIATOR = "initiator";
    /** The employee complained about: recused from every task (read by the task recusal listener). */
    public static final String RECUSED_USER = "recusedUser";
    public static final String CATEGORY = "category";
    public static final String SEVERITY = "severity";
    public static final String CUSTOMER_TIER = "customerTier";
    public static final String CLASSIFICATION = "classification";
    public static final String RESPONSE_DUE = "responseDue";
    public static final String RESOLUTION_DUE = "resolutionDue";
    public static final String RETURN_VISIT_DUE = "returnVisitDue";
    public static final String NOTIFY_MANAGER = "notifyManager";
    public static final String MANAGER_APPROVAL = "managerApproval";
    public static final String REPEAT_COMPLAINT = "repeatComplaint";
    public static final String DEPARTMENT_GROUP = "departmentGroup";
    public static final String COMPLAINT_VALID = "complaintValid";
    public static final String SOLUTION_DECISION = "solutionDecision";
    public static final String MANAGER_DECISION = "managerDecision";
    public static final String CUSTOMER_ACCEPTED = "customerAccepted";
    /** The 确认方式 that needs the signed form kept as evidence (an attachment or its number). */
    public static final String ACCEPTED_BY_SIGNATURE = "SIGNATURE";
    public static final String SATISFACTION = "satisfaction";

    // User tasks
    public static final String TASK_ASSESS_VALIDITY = "Task_AssessValidity";
    public static final String TASK_INVESTIGATE = "Task_InvestigateComplaint";
    public static final String TASK_PROPOSE_SOLUTIONS = "Task_ProposeSolutions";
    public static final String TASK_SELECT_SOLUTION = "Task_SelectSolution";
    public static final String TASK_MANAGER_DECISION = "Task_ManagerDecision";
    public static final String TASK_IMPLEMENT_SOLUTION = "Task_ImplementSolution";
    public static final String TASK_CONFIRM_WITH_CUSTOMER = "Task_ConfirmWithCustomer";
    public static final String TASK_RETURN_VISIT = "Task_ReturnVisit";
    public static final String TASK_REVIEW_REOPENED = "Task_ReviewReopenedComplaint";
    public static final String TASK_CLOSE = "Task_CloseComplaint";
    public static final String TASK_ANALYSE_ROOT_CAUSE = "Task_AnalyseRootCause";
    public static final String TASK_ACKNOWLEDGE_SEVERE = "Task_AcknowledgeSevereComplaint";
    public static final String TASK_SUPERVISE_RESPONSE_BREACH = "Task_SuperviseResponseBreach";
    public static final String TASK_SUPERVISE_RESOLUTION_BREACH = "Task_SuperviseResolutionBreach";
    public static final String TASK_SUPERVISE_OVERDUE_VISIT = "Task_SuperviseOverdueVisit";

    // Timers and other elements tests and listeners refer to
    public static final String TIMER_RESPONSE_DEADLINE = "Timer_ResponseDeadline";
    public static final String TIMER_RESOLUTION_DEADLINE = "Timer_ResolutionDeadline";
    public static final String TIMER_RETURN_VISIT_DEADLINE = "Timer_ReturnVisitDeadline";
    public static final String END_CLOSED = "End_ComplaintClosed";
    public static final String END_REJECTED = "End_ComplaintRejected";

    /**
     * Variables a case starts with once Kefu registered the complaint (from the API or the Tasklist start form): ids,
     * decision inputs and the task card's display variables ({@link TaskCards}).
     */
    public static Map<String, Object> startVariables(Complaint complaint, CustomerDetails customer) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(COMPLAINT_ID, complaint.getId());
        variables.put(OWNER_ID, complaint.getOwnerId());
        variables.putAll(decisionInputs(complaint, customer));
        variables.putAll(TaskCards.of(complaint.getCaseNo(), customer, subject(complaint)));
        return variables;
    }

    /** The card's subject: category and severity (产品质量 · 较重); the description may name people, so not that. */
    static String subject(Complaint complaint) {
        return complaint.getCategory().label() + "投诉 · " + complaint.getSeverity().label();
    }

    /** What the classification table and the recusal listener read. */
    static Map<String, Object> decisionInputs(Complaint complaint, CustomerDetails customer) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(CATEGORY, complaint.getCategory().name());
        variables.put(SEVERITY, complaint.getSeverity().name());
        variables.put(CUSTOMER_TIER, customer.tier().name());
        variables.put(RECUSED_USER, complaint.getComplainedEmployee());
        return variables;
    }

    private ComplaintProcess() {
    }
}
