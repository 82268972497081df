package io.kefu.complaint.process;

import static io.kefu.complaint.process.ComplaintProcess.*;
import static io.kefu.task.FormFields.actor;
import static io.kefu.task.FormFields.bool;
import static io.kefu.task.FormFields.consume;
import static io.kefu.task.FormFields.enumValue;
import static io.kefu.task.FormFields.text;

import io.kefu.complaint.ComplaintCategory;
import io.kefu.complaint.ComplaintService;
import io.kefu.complaint.Satisfaction;
import io.kefu.evidence.CaseAttachments;
import io.kefu.identity.KefuGroups;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The complete listener of every complaint user task ({@code ${complaintTaskCompletion}}): takes the submitted form
 * to the complaint record through {@link ComplaintService}, then removes the form's fields from the process, which
 * keeps only the decision flags its gateways read. A rule the input breaks fails the completion with a message
 * naming the field, and nothing of the step is saved.
 */
@Component("complaintTaskCompletion")
class ComplaintTaskCompletion implements TaskListener {

    private final ComplaintService complaints;
    private final ComplaintCases cases;
    private final CaseAttachments evidence;

    ComplaintTaskCompletion(ComplaintService complaints, ComplaintCases cases, CaseAttachments evidence) {
        this.complaints = complaints;
        this.cases = cases;
        this.evidence = evidence;
    }

    @Override
    public void notify(DelegateTask task) {
        long id = cases.id(task);
        String actor = actor(task);
        switch (task.getTaskDefinitionKey()) {
            case TASK_ASSESS_VALIDITY -> {
                boolean valid = bool(task, COMPLAINT_VALID, "请选择投诉是否成立");
                String department = text(task, "department");
                complaints.assess(id, valid, text(task, "validityReason"), department, text(task, "causeType"),
                        text(task, "invalidReply"));
                if (valid) {
                    task.setVariable(DEPARTMENT_GROUP, KefuGroups.DEPARTMENT_PREFIX + department);
                }
                consume(task, "validityReason", "department", "causeType", "invalidReply");
            }
            case TASK_INVESTIGATE -> {
                complaints.recordFindings(id, text(task, "findings"), text(task, "responsiblePerson"), actor);
                consume(task, "findings", "responsiblePerson");
            }
            case TASK_PROPOSE_SOLUTIONS -> {
                complaints.proposeSolutions(id, text(task, "solutionOption1"), text(task, "solutionOption2"),
                        text(task, "solutionOption3"), actor);
                consume(task, "solutionOption1", "solutionOption2", "solutionOption3");
            }
            case TASK_SELECT_SOLUTION -> {
                complaints.leaderDecides(id, text(task, SOLUTION_DECISION), text(task, "leaderInstruction"), actor);
                consume(task, "leaderInstruction");
            }
            case TASK_MANAGER_DECISION -> {
                complaints.managerDecides(id, text(task, MANAGER_DECISION), text(task, "managerInstruction"), actor);
                consume(task, "managerInstruction");
            }
            case TASK_IMPLEMENT_SOLUTION -> {
                complaints.recordImplementation(id, text(task, "implementationNotes"), text(task, "penalties"), actor);
                consume(task, "implementationNotes", "penalties");
            }
            case TASK_CONFIRM_WITH_CUSTOMER -> {
                boolean accepted = bool(task, CUSTOMER_ACCEPTED, "请选择客户是否接受处理结果");
                if (accepted && ACCEPTED_BY_SIGNATURE.equals(text(task, "acceptanceMethod"))) {
                    // 请顾客签字: the signed form is kept, as a scan attached from this task or by its number
                    evidence.requireEvidence(task, "acceptanceReference", text(task, "acceptanceReference"),
                            "客户签字确认须留存凭证:请在“附件”页上传客户签字单的扫描件或照片,或填写签字单号");
                }
                var visitDue = complaints.recordCustomerResponse(id, accepted, text(task, "acceptanceMethod"),
                        text(task, "acceptanceReference"), text(task, "customerFeedback"), actor);
                if (visitDue != null) {
                    task.setVariable(RETURN_VISIT_DUE, Date.from(visitDue));
                }
                consume(task, "acceptanceMethod", "acceptanceReference", "customerFeedback");
            }
            case TASK_RETURN_VISIT -> {
                complaints.recordReturnVisit(id, enumValue(task, SATISFACTION, Satisfaction.class), text(task, "visitRemarks"), text(task, "improvement"),
                        actor);
                consume(task, "visitRemarks", "improvement");
            }
            case TASK_REVIEW_REOPENED -> {
                String department = text(task, "department");
                complaints.reviewReopened(id, text(task, "managerInstruction"), department, actor);
                task.setVariable(DEPARTMENT_GROUP, KefuGroups.DEPARTMENT_PREFIX + department);
                consume(task, "managerInstruction", "department");
            }
            case TASK_CLOSE -> {
                complaints.close(id, enumValue(task, "closingCategory", ComplaintCategory.class), text(task, "closingSummary"));
                consume(task, "closingCategory", "closingSummary");
            }
            case TASK_ANALYSE_ROOT_CAUSE -> {
                complaints.recordRootCause(id, text(task, "rootCause"), text(task, "preventiveMeasures"));
                consume(task, "rootCause", "preventiveMeasures");
            }
            case TASK_ACKNOWLEDGE_SEVERE, TASK_SUPERVISE_RESPONSE_BREACH, TASK_SUPERVISE_RESOLUTION_BREACH,
                    TASK_SUPERVISE_OVERDUE_VISIT -> {
                complaints.addNote(id, noteKind(task.getTaskDefinitionKey()), actor, text(task, "escalationNote"),
                        "escalationNote");
                consume(task, "escalationNote");
            }
            default -> throw new IllegalStateException("complaintTaskCompletion does not know the task "
                    + task.getTaskDefinitionKey() + ": add it to ComplaintTaskCompletion");
        }
    }

    private static String noteKind(String taskKey) {
        return switch (taskKey) {
            case TASK_ACKNOWLEDGE_SEVERE -> "SEVERE_ACKNOWLEDGED";
            case TASK_SUPERVISE_RESPONSE_BREACH -> "RESPONSE_BREACH_SUPERVISED";
            case TASK_SUPERVISE_RESOLUTION_BREACH -> "RESOLUTION_BREACH_SUPERVISED";
            default -> "VISIT_BREACH_SUPERVISED";
        };
    }
}
