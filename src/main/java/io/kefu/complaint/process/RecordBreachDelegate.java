package io.kefu.complaint.process;

import io.kefu.complaint.BreachType;
import io.kefu.complaint.ComplaintService;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_Record…Breach: a deadline timer fired; the case records which deadline it missed before escalating. */
@Component
class RecordBreachDelegate implements JavaDelegate {

    static final Map<String, BreachType> BY_ACTIVITY = Map.of(
            "Task_RecordResponseBreach", BreachType.RESPONSE,
            "Task_RecordResolutionBreach", BreachType.RESOLUTION,
            "Task_RecordVisitBreach", BreachType.RETURN_VISIT);

    private final ComplaintService complaints;
    private final ComplaintCases cases;

    RecordBreachDelegate(ComplaintService complaints, ComplaintCases cases) {
        this.complaints = complaints;
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        BreachType type = BY_ACTIVITY.get(execution.getCurrentActivityId());
        if (type == null) {
            throw new IllegalStateException("recordBreachDelegate is used by " + execution.getCurrentActivityId()
                    + ", which names no deadline; use one of " + BY_ACTIVITY.keySet());
        }
        complaints.recordBreach(cases.id(execution), type);
    }
}
