package io.kefu.visit.process;

import static io.kefu.task.FormFields.actor;
import static io.kefu.task.FormFields.consume;
import static io.kefu.task.FormFields.enumValue;
import static io.kefu.task.FormFields.text;
import static io.kefu.task.FormFields.date;
import static io.kefu.task.FormFields.dateTime;
import static io.kefu.task.FormFields.flag;
import static io.kefu.visit.process.VisitProcess.*;

import io.kefu.complaint.ComplaintCategory;
import io.kefu.complaint.Satisfaction;
import io.kefu.identity.KefuGroups.Department;
import io.kefu.shared.time.WorkingHours;
import io.kefu.visit.VisitNoteKind;
import io.kefu.visit.VisitReport;
import io.kefu.visit.VisitService;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The complete listener of every visit user task ({@code ${visitTaskCompletion}}): takes the submitted form to the
 * visit record through {@link VisitService} and leaves only the flags the gateways read. A rule the input breaks
 * (a time in the customer's rest hours, a missing answer) fails the completion with a message naming the field.
 * A step not listed in {@link VisitSteps} — a manager's new one — is kept as a generic case entry.
 */
@Component(VisitSteps.LISTENER)
class VisitTaskCompletion implements TaskListener {

    static final List<String> REPORT_FIELDS = List.of("channel", "satisfaction", "improvement", "suggestions",
            "remarks", "nextMeeting", "complaintCategory", "complaintText", "matterDepartment", "matterText");
    static final List<String> STORE_OPENING_ANSWERS = List.of("openedOnSchedule", "storeCondition", "customerFlow",
            "stockReady", "staffTrained", "openingPromotion");
    static final List<String> SURVEY_ANSWERS = List.of("productSatisfaction", "serviceSatisfaction",
            "deliverySatisfaction");
    static final List<String> DELIVERY_ANSWERS = List.of("deliveredOnTime", "goodsIntact", "anomalyText");

    private final VisitService visits;
    private final VisitCases cases;
    private final WorkingHours hours;

    VisitTaskCompletion(VisitService visits, VisitCases cases, WorkingHours hours) {
        this.visits = visits;
        this.cases = cases;
        this.hours = hours;
    }

    @Override
    public void notify(DelegateTask task) {
        if (!VisitSteps.STEPS.containsKey(task.getTaskDefinitionKey())) {
            return; // a step Kefu has no handler for: GenericSteps keeps what was submitted
        }
        long id = cases.id(task);
        String actor = actor(task);
        switch (task.getTaskDefinitionKey()) {
            case TASK_SUBMIT_PLAN -> {
                visits.submitPlan(id, text(task, "planRoute"), text(task, "planPurpose"),
                        dateTime(task, "planTime", hours.zone()), actor);
                consume(task, "planRoute", "planPurpose", "planTime");
            }
            case TASK_MANAGER_APPROVE_PLAN, TASK_LEADER_APPROVE_PLAN -> {
                boolean approved = flag(task, PLAN_APPROVED);
                visits.decidePlan(id, TASK_LEADER_APPROVE_PLAN.equals(task.getTaskDefinitionKey()), approved,
                        text(task, "planComment"), actor);
                consume(task, "planComment");
            }
            case TASK_CONDUCT_VISIT -> {
                if (!flag(task, CUSTOMER_REACHED)) {
                    var at = visits.reschedule(id, dateTime(task, APPOINTMENT_AT, hours.zone()),
                            text(task, "rescheduleReason"), actor);
                    task.setVariable(APPOINTMENT_AT, Date.from(at));
                    task.setVariable(COMPLAINT_RAISED, false);
                    task.setVariable(BUSINESS_MATTER, false);
                    consume(task, "rescheduleReason");
                    return;
                }
                record(task, id, actor, Map.of());
            }
            case TASK_CONDUCT_SURVEY -> record(task, id, actor, answers(task, SURVEY_ANSWERS));
            case TASK_STORE_OPENING_SURVEY -> record(task, id, actor, answers(task, STORE_OPENING_ANSWERS));
            case TASK_DELIVERY_FOLLOW_UP -> {
                // an anomaly of the delivery goes to the warehouse (仓储部) and is tracked until it closes
                if (flag(task, "deliveryAnomaly")) {
                    if (text(task, "anomalyText") == null || text(task, "anomalyText").isBlank()) {
                        throw io.kefu.shared.InvalidInputException.of("anomalyText", "请填写配送异常情况");
                    }
                    task.setVariable(BUSINESS_MATTER, true);
                    task.setVariable("matterDepartment", Department.WAREHOUSE.code());
                    task.setVariable("matterText", text(task, "anomalyText"));
                }
                record(task, id, actor, answers(task, DELIVERY_ANSWERS));
                consume(task, "deliveryAnomaly");
            }
            case TASK_SUPERVISE_OVERDUE -> {
                visits.addNote(id, VisitNoteKind.ESCALATED, actor, text(task, "escalationNote"), "escalationNote");
                consume(task, "escalationNote");
            }
            case TASK_HANDLE_MATTER -> {
                visits.closeMatter(id, text(task, "matterResolution"), actor);
                consume(task, "matterResolution");
            }
            default -> throw new IllegalStateException("visitTaskCompletion does not know the task "
                    + task.getTaskDefinitionKey() + ": add it to VisitTaskCompletion");
        }
    }

    private void record(DelegateTask task, long id, String actor, Map<String, Object> answers) {
        boolean complaint = flag(task, COMPLAINT_RAISED);
        boolean matter = flag(task, BUSINESS_MATTER);
        String department = matter ? text(task, "matterDepartment") : null;
        visits.record(id, new VisitReport(text(task, "channel"), enumValue(task, "satisfaction", Satisfaction.class),
                text(task, "improvement"), text(task, "suggestions"), text(task, "remarks"), answers,
                date(task, "nextMeeting"), complaint,
                complaint ? enumValue(task, "complaintCategory", ComplaintCategory.class) : null,
                complaint ? text(task, "complaintText") : null,
                matter, department, matter ? text(task, "matterText") : null), actor);
        if (matter) {
            task.setVariable(MATTER_GROUP, visits.matterGroup(id));
        }
        REPORT_FIELDS.forEach(task::removeVariable);
        answers.keySet().forEach(task::removeVariable);
    }

    private static Map<String, Object> answers(DelegateTask task, List<String> keys) {
        Map<String, Object> answers = new LinkedHashMap<>();
        keys.forEach(key -> {
            Object value = task.getVariable(key);
            if (value != null && !value.toString().isBlank()) {
                answers.put(key, value);
            }
        });
        return answers;
    }
}
