package io.kefu.visit.process;

import static io.kefu.visit.process.VisitProcess.*;

import io.kefu.step.DeclaredSteps;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The visit steps {@link VisitTaskCompletion} knows, and the form fields it reads at each (a report step reads the
 * report fields its form has, and its own answers).
 */
@Component
class VisitSteps extends DeclaredSteps {

    static final String LISTENER = "visitTaskCompletion";

    static final Map<String, Set<String>> STEPS = knownSteps();

    VisitSteps() {
        super(LISTENER, STEPS);
    }

    private static Map<String, Set<String>> knownSteps() {
        Map<String, Set<String>> steps = new LinkedHashMap<>();
        steps.put(TASK_SUBMIT_PLAN, Set.of("planRoute", "planPurpose", "planTime"));
        steps.put(TASK_MANAGER_APPROVE_PLAN, Set.of(PLAN_APPROVED, "planComment"));
        steps.put(TASK_LEADER_APPROVE_PLAN, Set.of(PLAN_APPROVED, "planComment"));
        steps.put(TASK_CONDUCT_VISIT, Set.of(CUSTOMER_REACHED, APPOINTMENT_AT, "rescheduleReason", "channel",
                "satisfaction", "improvement", "suggestions", "remarks", "nextMeeting", COMPLAINT_RAISED,
                "complaintCategory", "complaintText", BUSINESS_MATTER, "matterDepartment", "matterText"));
        steps.put(TASK_CONDUCT_SURVEY, Set.of("channel", "productSatisfaction", "serviceSatisfaction",
                "deliverySatisfaction", "satisfaction", "improvement", "suggestions", COMPLAINT_RAISED,
                "complaintCategory", "complaintText", BUSINESS_MATTER, "matterDepartment", "matterText"));
        steps.put(TASK_STORE_OPENING_SURVEY, Set.of("openedOnSchedule", "storeCondition", "customerFlow",
                "stockReady", "staffTrained", "openingPromotion", "satisfaction", "improvement", "suggestions",
                COMPLAINT_RAISED, "complaintCategory", "complaintText", BUSINESS_MATTER, "matterDepartment",
                "matterText"));
        steps.put(TASK_DELIVERY_FOLLOW_UP, Set.of("deliveredOnTime", "goodsIntact", "deliveryAnomaly", "anomalyText",
                "satisfaction", "improvement", "remarks", COMPLAINT_RAISED, "complaintCategory", "complaintText"));
        steps.put(TASK_SUPERVISE_OVERDUE, Set.of("escalationNote"));
        steps.put(TASK_HANDLE_MATTER, Set.of("matterResolution"));
        return Map.copyOf(steps);
    }
}
