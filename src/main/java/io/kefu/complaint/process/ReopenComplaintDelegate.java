package io.kefu.complaint.process;

import io.kefu.complaint.ComplaintService;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_ReopenComplaint: the customer was dissatisfied at the return visit; the case reopens in its next round (the
 * earlier rounds stay as they were) with a new deadline.
 */
@Component
class ReopenComplaintDelegate implements JavaDelegate {

    private final ComplaintService complaints;
    private final ComplaintCases cases;

    ReopenComplaintDelegate(ComplaintService complaints, ComplaintCases cases) {
        this.complaints = complaints;
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long complaintId = cases.id(execution);
        execution.setVariable(ComplaintProcess.RESOLUTION_DUE, Date.from(complaints.reopen(complaintId)));
    }
}
