package io.kefu.complaint.process;

import io.kefu.complaint.ComplaintService;
import io.kefu.complaint.ComplaintService.Classification;
import io.kefu.complaint.ComplaintService.ClassificationOutcome;
import io.kefu.task.CasePriority;
import io.kefu.task.TaskCards;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_ApplyClassification: takes the result of the complaint-classification table (Task_ClassifyComplaint) to the
 * case — priority, deadlines on working hours, repeat check — and sets the flags and timer dates the process reads.
 */
@Component
class ApplyClassificationDelegate implements JavaDelegate {

    private final ComplaintService complaints;
    private final ComplaintCases cases;

    ApplyClassificationDelegate(ComplaintService complaints, ComplaintCases cases) {
        this.complaints = complaints;
        this.cases = cases;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void execute(DelegateExecution execution) {
        Map<String, Object> result = (Map<String, Object>) execution.getVariable(ComplaintProcess.CLASSIFICATION);
        if (result == null) {
            throw new IllegalStateException("complaint-classification gave no result: every case must match a rule");
        }
        Classification classification = new Classification((String) result.get("priority"),
                ((Number) result.get("responseHours")).intValue(), ((Number) result.get("resolutionHours")).intValue(),
                Boolean.TRUE.equals(result.get("notifyManager")), Boolean.TRUE.equals(result.get("managerApproval")));
        long complaintId = cases.id(execution);
        ClassificationOutcome outcome = complaints.classify(complaintId, classification);
        execution.setVariable(ComplaintProcess.RESPONSE_DUE, Date.from(outcome.responseDue()));
        execution.setVariable(ComplaintProcess.RESOLUTION_DUE, Date.from(outcome.resolutionDue()));
        execution.setVariable(ComplaintProcess.NOTIFY_MANAGER, classification.notifyManager());
        execution.setVariable(ComplaintProcess.MANAGER_APPROVAL, classification.managerApproval());
        execution.setVariable(ComplaintProcess.REPEAT_COMPLAINT, outcome.repeatComplaint());
        // the card's 优先级 in words; the task listener gives each task the matching task priority
        execution.setVariable(TaskCards.PRIORITY_LABEL, CasePriority.of(classification.priority())
                .map(CasePriority::label).orElse(classification.priority()));
    }
}
