package io.kefu.complaint.process;

import io.kefu.complaint.Complaint;
import io.kefu.complaint.ComplaintService;
import io.kefu.identity.KefuGroups;
import io.kefu.task.BoundCase;
import io.kefu.task.CaseRecusal;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The complaint a complaint-handling step works on, its owner and who is recused — from the complaint record bound to
 * the process instance ({@link BoundCase}), never from the variables {@value ComplaintProcess#COMPLAINT_ID},
 * {@value ComplaintProcess#OWNER_ID} or {@value ComplaintProcess#RECUSED_USER}, which stay for information only.
 * The BPMN assigns with {@code ${complaintCases.owner(execution)}} and {@code ${complaintCases.departmentGroup(execution)}}.
 */
@Component("complaintCases")
public class ComplaintCases implements CaseRecusal {

    private final ComplaintService complaints;

    ComplaintCases(ComplaintService complaints) {
        this.complaints = complaints;
    }

    long id(DelegateExecution execution) {
        return BoundCase.require(execution, Complaint.class, complaints::forProcessInstance, "complaint").getId();
    }

    long id(DelegateTask task) {
        return BoundCase.require(task, Complaint.class, complaints::forProcessInstance, "complaint").getId();
    }

    private Optional<Complaint> find(DelegateExecution execution) {
        return BoundCase.find(execution, Complaint.class, complaints::forProcessInstance);
    }

    /** 首问负责人: the agent who took the complaint in. */
    public String owner(DelegateExecution execution) {
        return BoundCase.require(execution, Complaint.class, complaints::forProcessInstance, "complaint").getOwnerId();
    }

    /** The department the complaint was referred to, as its candidate group. */
    public String departmentGroup(DelegateExecution execution) {
        String department = BoundCase.require(execution, Complaint.class, complaints::forProcessInstance, "complaint").getDepartment();
        return department == null ? null : KefuGroups.DEPARTMENT_PREFIX + department;
    }

    @Override
    public String processKey() {
        return ComplaintProcess.KEY;
    }

    /** 被投诉人应当回避: the employee the complaint is about. */
    @Override
    public String recusedUser(DelegateExecution execution) {
        return find(execution).map(Complaint::getComplainedEmployee).orElse(null);
    }
}
