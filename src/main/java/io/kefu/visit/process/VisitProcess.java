package io.kefu.visit.process;

import io.kefu.customer.CustomerDetails;
import io.kefu.task.TaskCards;
import io.kefu.visit.Visit;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

/** The visit processes in one place: their keys, the variables they carry, the ids of their elements. */
public final class VisitProcess {

    public static final String RETURN_VISIT = "return-visit";
    public static final String PLANNING = "visit-planning";
    public static final String SATISFACTION_SURVEY = "satisfaction-survey";
    public static final String STORE_OPENING_SURVEY = "store-opening-survey";
    public static final String DELIVERY_FOLLOW_UP = "delivery-follow-up";

    // Variables: the visit's id, who works on it, and the flags gateways read. The visit lives in the visit table.
    public static final String VISIT_ID = "visitId";
    public static final String VISITOR_ID = "visitorId";
    public static final String VISITOR_GROUP = "visitorGroup";
    public static final String ACCOUNT_MANAGER = "accountManager";
    public static final String PLAN_APPROVAL = "planApproval";
    public static final String PLAN_APPROVED = "planApproved";
    public static final String VISIT_START = "visitStart";
    public static final String VISIT_DEADLINE = "visitDeadline";
    public static final String CUSTOMER_REACHED = "customerReached";
    public static final String APPOINTMENT_AT = "appointmentAt";
    public static final String COMPLAINT_RAISED = "complaintRaised";
    public static final String BUSINESS_MATTER = "businessMatter";
    public static final String MATTER_GROUP = "matterGroup";

    // User tasks
    public static final String TASK_SUBMIT_PLAN = "Task_SubmitFieldVisitPlan";
    public static final String TASK_MANAGER_APPROVE_PLAN = "Task_ManagerApprovePlan";
    public static final String TASK_LEADER_APPROVE_PLAN = "Task_LeaderApprovePlan";
    public static final String TASK_CONDUCT_VISIT = "Task_ConductVisit";
    public static final String TASK_SUPERVISE_OVERDUE = "Task_SuperviseOverdueVisit";
    public static final String TASK_HANDLE_MATTER = "Task_HandleBusinessMatter";
    public static final String TASK_CONDUCT_SURVEY = "Task_ConductSurvey";
    public static final String TASK_STORE_OPENING_SURVEY = "Task_ConductStoreOpeningSurvey";
    public static final String TASK_DELIVERY_FOLLOW_UP = "Task_ConductDeliveryFollowUp";

    // Timers and service tasks
    public static final String TIMER_DEADLINE = "Timer_VisitDeadline";
    public static final String TIMER_APPOINTMENT = "Timer_WaitForAppointment";
    public static final String TIMER_UNTIL_OPENING = "Timer_UntilStoreOpening";
    public static final String TIMER_PLANNING = "StartEvent_PlanningCycle";
    public static final String TASK_OPEN_COMPLAINT = "Task_OpenComplaint";

    /** Variables a visit process starts with. */
    public static Map<String, Object> startVariables(Visit visit, CustomerDetails customer, Date visitStart) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(VISIT_ID, visit.getId());
        variables.put(VISITOR_ID, visit.getVisitorId());
        variables.put(VISITOR_GROUP, visit.getVisitorGroup());
        variables.put(ACCOUNT_MANAGER, visit.getAccountManager());
        variables.put(PLAN_APPROVAL, visit.isPlanApproval());
        variables.put(VISIT_START, visitStart);
        variables.put(VISIT_DEADLINE, Date.from(visit.getDeadline()));
        variables.putAll(TaskCards.of(visit.getVisitNo(), customer, visit.getKind().label()));
        return variables;
    }

    private VisitProcess() {
    }
}
