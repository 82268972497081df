package io.kefu.complaint.process;

import io.kefu.task.FormFields;
import io.kefu.task.BoundCase;
import static io.kefu.task.FormFields.enumValue;
import static io.kefu.task.FormFields.text;

import io.kefu.complaint.Channel;
import io.kefu.complaint.Complaint;
import io.kefu.complaint.ComplaintCategory;
import io.kefu.complaint.ComplaintIntake;
import io.kefu.complaint.ComplaintService;
import io.kefu.complaint.Severity;
import io.kefu.shared.InvalidInputException;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_RegisterComplaint. A complaint taken on the hotline arrives as the Tasklist start form's fields: they become
 * the complaint record (the starting agent owns it) and leave the process, which keeps only the id. A complaint
 * Kefu's API registered arrives with its id already and is only linked.
 */
@Component
class RegisterComplaintDelegate implements JavaDelegate {

    static final List<String> FORM_FIELDS = List.of("customerCode", "complainantName", "complainantPhone", "channel",
            "category", "severity", "description", "customerRequest", "complainedEmployee");

    private final ComplaintService complaints;

    RegisterComplaintDelegate(ComplaintService complaints) {
        this.complaints = complaints;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long id = FormFields.recordId(execution, ComplaintProcess.COMPLAINT_ID);
        if (id != null) {
            complaints.linkProcess(id, execution.getProcessInstanceId());
            return;
        }
        String owner = BoundCase.starter(execution, ComplaintProcess.INITIATOR);
        if (owner == null) {
            throw InvalidInputException.of("initiator", "无法确定登记人:请登录后在任务列表中发起投诉");
        }
        ComplaintIntake intake = new ComplaintIntake(text(execution, "customerCode"), text(execution, "complainantName"),
                text(execution, "complainantPhone"), enumValue(execution, "channel", Channel.class),
                enumValue(execution, "category", ComplaintCategory.class), enumValue(execution, "severity", Severity.class),
                text(execution, "description"), text(execution, "customerRequest"), text(execution, "complainedEmployee"));
        Complaint complaint = complaints.register(intake, owner);
        complaints.linkProcess(complaint.getId(), execution.getProcessInstanceId());
        FORM_FIELDS.forEach(execution::removeVariable);
        execution.setProcessBusinessKey(complaint.getCaseNo());
        execution.setVariables(ComplaintProcess.startVariables(complaint, complaints.customerOf(complaint)));
    }

}
