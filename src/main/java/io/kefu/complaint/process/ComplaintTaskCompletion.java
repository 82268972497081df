package io.kefu.complaint.process;

import static io.kefu.complaint.process.ComplaintProcess.*;
import static io.kefu.task.FormFields.bool;
import static io.kefu.task.FormFields.consume;

import io.kefu.complaint.ComplaintCategory;
import io.kefu.complaint.ComplaintNoteKind;
import io.kefu.complaint.ComplaintService;
import io.kefu.complaint.Satisfaction;
import io.kefu.evidence.CaseAttachments;
import io.kefu.identity.KefuGroups;
import io.kefu.step.StepBinder;
import io.kefu.step.StepRecord;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The complete listener of every complaint user task ({@code ${complaintTaskCompletion}}): takes the step's
 * {@link StepRecord} (the submitted form, bound by {@link StepBinder}) to the complaint record through
 * {@link ComplaintService}, then removes the form's fields from the process, which keeps only the decision flags its
 * gateways read. A rule the input breaks fails the completion with a message naming the field, and nothing of the
 * step is saved. A step not listed in {@link ComplaintSteps} — a manager's new one — is kept as a generic case entry; the model
 * validator refuses a form that lacks a field listed here.
 */
@Component(ComplaintSteps.LISTENER)
class ComplaintTaskCompletion implements TaskListener {

    private final ComplaintService complaints;
    private final ComplaintCases cases;
    private final CaseAttachments evidence;
    private final StepBinder binder;

    ComplaintTaskCompletion(ComplaintService complaints, ComplaintCases cases, CaseAttachments evidence,
            StepBinder binder) {
        this.complaints = complaints;
        this.cases = cases;
        this.evidence = evidence;
        this.binder = binder;
    }

    @Override
    public void notify(DelegateTask task) {
        if (!ComplaintSteps.STEPS.containsKey(task.getTaskDefinitionKey())) {
            return; // a step Kefu has no handler for: GenericSteps keeps what was submitted
        }
        long id = cases.id(task);
        StepRecord step = binder.bind(task);
        String actor = step.actor();
        switch (task.getTaskDefinitionKey()) {
            case TASK_ASSESS_VALIDITY -> {
                boolean valid = bool(task, COMPLAINT_VALID, "请选择投诉是否成立");
                String department = step.text("department");
                complaints.assess(id, valid, step.text("validityReason"), department, step.text("causeType"),
                        step.text("invalidReply"));
                if (valid) {
                    task.setVariable(DEPARTMENT_GROUP, KefuGroups.DEPARTMENT_PREFIX + department);
                }
                consume(task, "validityReason", "department", "causeType", "invalidReply");
            }
            case TASK_INVESTIGATE -> {
                complaints.recordFindings(id, step.text("findings"), step.text("responsiblePerson"), actor);
                consume(task, "findings", "responsiblePerson");
            }
            case TASK_PROPOSE_SOLUTIONS -> {
                complaints.proposeSolutions(id, step.text("solutionOption1"), step.text("solutionOption2"),
                        step.text("solutionOption3"), actor);
                consume(task, "solutionOption1", "solutionOption2", "solutionOption3");
            }
            case TASK_SELECT_SOLUTION -> {
                complaints.leaderDecides(id, step.text(SOLUTION_DECISION), step.text("leaderInstruction"), actor);
                consume(task, "leaderInstruction");
            }
            case TASK_MANAGER_DECISION -> {
                complaints.managerDecides(id, step.text(MANAGER_DECISION), step.text("managerInstruction"), actor);
                consume(task, "managerInstruction");
            }
            case TASK_IMPLEMENT_SOLUTION -> {
                complaints.recordImplementation(id, step.text("implementationNotes"), step.text("penalties"), actor);
                consume(task, "implementationNotes", "penalties");
            }
            case TASK_CONFIRM_WITH_CUSTOMER -> {
                boolean accepted = bool(task, CUSTOMER_ACCEPTED, "请选择客户是否接受处理结果");
                if (accepted && ACCEPTED_BY_SIGNATURE.equals(step.text("acceptanceMethod"))) {
                    // 请顾客签字: the signed form is kept, as a scan attached from this task or by its number
                    evidence.requireEvidence(task, "acceptanceReference", step.text("acceptanceReference"),
                            "客户签字确认须留存凭证:请在“附件”页上传客户签字单的扫描件或照片,或填写签字单号");
                }
                var visitDue = complaints.recordCustomerResponse(id, accepted, step.text("acceptanceMethod"),
                        step.text("acceptanceReference"), step.text("customerFeedback"), actor);
                if (visitDue != null) {
                    task.setVariable(RETURN_VISIT_DUE, Date.from(visitDue));
                }
                consume(task, "acceptanceMethod", "acceptanceReference", "customerFeedback");
            }
            case TASK_RETURN_VISIT -> {
                complaints.recordReturnVisit(id, step.enumValue(SATISFACTION, Satisfaction.class), step.text("visitRemarks"), step.text("improvement"),
                        actor);
                consume(task, "visitRemarks", "improvement");
            }
            case TASK_REVIEW_REOPENED -> {
                String department = step.text("department");
                complaints.reviewReopened(id, step.text("managerInstruction"), department, actor);
                task.setVariable(DEPARTMENT_GROUP, KefuGroups.DEPARTMENT_PREFIX + department);
                consume(task, "managerInstruction", "department");
            }
            case TASK_CLOSE -> {
                complaints.close(id, step.enumValue("closingCategory", ComplaintCategory.class), step.text("closingSummary"));
                consume(task, "closingCategory", "closingSummary");
            }
            case TASK_ANALYSE_ROOT_CAUSE -> {
                complaints.recordRootCause(id, step.text("rootCause"), step.text("preventiveMeasures"));
                consume(task, "rootCause", "preventiveMeasures");
            }
            case TASK_ACKNOWLEDGE_SEVERE, TASK_SUPERVISE_RESPONSE_BREACH, TASK_SUPERVISE_RESOLUTION_BREACH,
                    TASK_SUPERVISE_OVERDUE_VISIT -> {
                complaints.addNote(id, noteKind(task.getTaskDefinitionKey()), actor, step.text("escalationNote"),
                        "escalationNote");
                consume(task, "escalationNote");
            }
            default -> throw new IllegalStateException("STEPS lists " + task.getTaskDefinitionKey()
                    + " but the switch does not handle it");
        }
    }

    private static ComplaintNoteKind noteKind(String taskKey) {
        return switch (taskKey) {
            case TASK_ACKNOWLEDGE_SEVERE -> ComplaintNoteKind.SEVERE_ACKNOWLEDGED;
            case TASK_SUPERVISE_RESPONSE_BREACH -> ComplaintNoteKind.RESPONSE_BREACH_SUPERVISED;
            case TASK_SUPERVISE_RESOLUTION_BREACH -> ComplaintNoteKind.RESOLUTION_BREACH_SUPERVISED;
            default -> ComplaintNoteKind.VISIT_BREACH_SUPERVISED;
        };
    }
}
