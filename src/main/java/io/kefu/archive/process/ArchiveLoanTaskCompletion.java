package io.kefu.archive.process;

import io.kefu.task.FormFields;
import static io.kefu.archive.process.ArchiveLoanProcess.*;
import static io.kefu.task.FormFields.bool;
import static io.kefu.task.FormFields.consume;
import static io.kefu.task.FormFields.text;

import io.kefu.archive.ArchiveLoan;
import io.kefu.archive.ArchiveLoanService;
import io.kefu.archive.ArchiveSettings;
import io.kefu.evidence.CaseAttachments;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The complete listener of every archive-loan user task ({@code ${archiveLoanTaskCompletion}}): takes the submitted
 * form to the loan register, then removes the form's fields from the process. A rule the input breaks fails the
 * completion with a message naming the field, and nothing of the step is saved.
 * A step not listed in {@link ArchiveLoanSteps} — a manager's new one — is kept as a generic case entry.
 */
@Component(ArchiveLoanSteps.LISTENER)
class ArchiveLoanTaskCompletion implements TaskListener {

    private final ArchiveLoanService loans;
    private final ArchiveCases cases;
    private final ArchiveSettings settings;
    private final CaseAttachments evidence;

    ArchiveLoanTaskCompletion(ArchiveLoanService loans, ArchiveCases cases, ArchiveSettings settings,
            CaseAttachments evidence) {
        this.loans = loans;
        this.cases = cases;
        this.settings = settings;
        this.evidence = evidence;
    }

    @Override
    public void notify(DelegateTask task) {
        if (!ArchiveLoanSteps.STEPS.containsKey(task.getTaskDefinitionKey())) {
            return; // a step Kefu has no handler for: GenericSteps keeps what was submitted
        }
        long id = cases.loanId(task.getExecution());
        String actor = FormFields.actor(task);
        switch (task.getTaskDefinitionKey()) {
            case TASK_APPROVE -> {
                loans.decide(id, bool(task, LOAN_APPROVED, "请选择是否批准借阅"), actor, text(task, "decisionNote"));
                consume(task, "decisionNote");
            }
            case TASK_HAND_OUT -> {
                // 在借阅登记册上请借阅人签字: the signed register line is kept, as a photo or scan or by its number
                evidence.requireEvidence(task, "handOutReference", text(task, "handOutReference"),
                        "借出须留存借阅人签字凭证:请在“附件”页上传签字的借阅登记照片或扫描件,或填写登记编号");
                ArchiveLoan loan = loans.handOut(id, actor, text(task, "handOutReference"));
                scheduleReminders(task, loan.getLentAt(), loan.getDueAt());
                consume(task, "handedOut", "handOutNote", "handOutReference");
            }
            case TASK_REGISTER_RETURN -> {
                loans.registerReturn(id, actor, text(task, "returnCondition"), text(task, "returnNote"));
                consume(task, "returnCondition", "returnNote");
            }
            case TASK_SUPERVISE_OVERDUE -> {
                loans.noteSupervision(id, actor, text(task, "supervisionNote"));
                consume(task, "supervisionNote");
            }
            case TASK_RECORD_READING -> {
                if (bool(task, "readInRoom", "请选择是否已在档案室内查阅")) {
                    loans.recordReading(id, actor, text(task, "readingNote"));
                }
                consume(task, "readInRoom", "readingNote");
            }
            default -> throw new IllegalStateException("archiveLoanTaskCompletion does not know the task "
                    + task.getTaskDefinitionKey() + ": add it to ArchiveLoanTaskCompletion");
        }
    }

    /**
     * The due reminder some time before the due date (never before the loan began), then a reminder every interval
     * from the due date on while the file is out.
     */
    private void scheduleReminders(DelegateTask task, Instant lentAt, Instant dueAt) {
        Instant remindAt = dueAt.minus(settings.loanRemindBefore());
        task.setVariable(LOAN_DUE, Date.from(dueAt));
        task.setVariable(DUE_REMINDER_AT, Date.from(remindAt.isBefore(lentAt) ? lentAt : remindAt));
        task.setVariable(OVERDUE_CYCLE, "R/" + dueAt.truncatedTo(ChronoUnit.SECONDS) + "/"
                + settings.overdueReminderInterval());
    }
}
