package io.kefu.complaint.process;

import io.kefu.complaint.ComplaintService;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_ReopenComplaint: the customer was dissatisfied at the return visit; the case reopens with a new deadline. */
@Component
class ReopenComplaintDelegate implements JavaDelegate {

    private final ComplaintService complaints;

    ReopenComplaintDelegate(ComplaintService complaints) {
        this.complaints = complaints;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long complaintId = ((Number) execution.getVariable(ComplaintProcess.COMPLAINT_ID)).longValue();
        execution.setVariable(ComplaintProcess.RESOLUTION_DUE, Date.from(complaints.reopen(complaintId)));
    }
}
