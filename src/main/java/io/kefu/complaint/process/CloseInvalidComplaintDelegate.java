package io.kefu.complaint.process;

import io.kefu.complaint.ComplaintService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_CloseInvalidComplaint: the complaint was judged invalid and the customer answered tactfully. */
@Component
class CloseInvalidComplaintDelegate implements JavaDelegate {

    private final ComplaintService complaints;

    CloseInvalidComplaintDelegate(ComplaintService complaints) {
        this.complaints = complaints;
    }

    @Override
    public void execute(DelegateExecution execution) {
        complaints.closeAsInvalid(((Number) execution.getVariable(ComplaintProcess.COMPLAINT_ID)).longValue());
    }
}
