package io.kefu.complaint.process;

import io.kefu.complaint.ComplaintService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_CloseInvalidComplaint: the complaint was judged invalid and the customer answered tactfully. */
@Component
class CloseInvalidComplaintDelegate implements JavaDelegate {

    private final ComplaintService complaints;
    private final ComplaintCases cases;

    CloseInvalidComplaintDelegate(ComplaintService complaints, ComplaintCases cases) {
        this.complaints = complaints;
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        complaints.closeAsInvalid(cases.id(execution));
    }
}
