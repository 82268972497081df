package io.kefu.archive.process;

import static io.kefu.archive.process.ArchiveLoanProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.kefu.archive.ArchiveEntry;
import io.kefu.archive.ArchiveLoan;
import io.kefu.archive.ArchiveLoanService;
import io.kefu.archive.ArchiveLoanService.LoanRequest;
import io.kefu.archive.ArchiveService;
import io.kefu.archive.ArchiveStatus;
import io.kefu.archive.LoanKind;
import io.kefu.archive.LoanStatus;
import io.kefu.archive.SecrecyClass;
import io.kefu.shared.InvalidInputException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import io.kefu.step.StepEntries;
import io.kefu.step.ManagersNewStep;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The archive-loan process, one test per path: requests registered through {@link ArchiveLoanService}, tasks
 * completed with their forms' fields, timers and send tasks run through the job API.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ArchiveLoanProcessTest extends ArchiveProcessTestSupport {

    @Autowired
    StepEntries stepEntries;

    /**
     * A manager's new step that copied this process's complete listener (as copying a task in Modeler does) is not a
     * step the listener knows: it lets it pass, and what was submitted there is kept as a generic case entry.
     */
    @Test
    void aManagersNewStepWithTheCopiedCompletionListenerIsKeptAsACaseEntry() {
        ManagersNewStep.assertKeptAsEntry(processEngine, stepEntries, "archiveLoanTaskCompletion",
                "JY-NEWSTEP-1", ARCHIVIST);
    }

    @Autowired
    ArchiveLoanService loans;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void approvedStaffLoanIsHandedOutAndReturnedOnTime() {
        ArchiveEntry entry = file(SecrecyClass.SECRET, null);
        ArchiveLoan requested = loans.openLoan(staffLoan(entry), AGENT);
        ProcessInstance process = processOf(requested);
        assertThat(process).hasBusinessKey(requested.getLoanNo()).isWaitingAtExactly(TASK_APPROVE);

        ArchiveLoan ruled = reload(requested);
        assertThat(ruled.getMaxDays()).isEqualTo(3);
        assertThat(ruled.getApproverGroup()).isEqualTo("managers");
        Task approve = task(process, TASK_APPROVE);
        assertThat(caseCard(approve)).contains(requested.getLoanNo(), entry.getArchiveNo(), "本公司人员借阅", "查阅合同条款");
        assertThat(candidateUsers(approve)).contains(MANAGER).doesNotContain(AGENT);
        complete(process, TASK_APPROVE, MANAGER, Map.of(LOAN_APPROVED, true, "decisionNote", "同意"));

        assertThat(reload(requested).getStatus()).isEqualTo(LoanStatus.APPROVED);
        complete(process, TASK_HAND_OUT, ARCHIVIST, Map.of("handedOut", true, "handOutReference", "登记册 第 1 页"));

        ArchiveLoan lent = reload(requested);
        assertThat(lent.getStatus()).isEqualTo(LoanStatus.LENT);
        assertThat(lent.getLentBy()).isEqualTo(ARCHIVIST);
        assertThat(lent.getDueAt()).isEqualTo(lent.getLentAt().plus(Duration.ofDays(3)));
        assertThat(archive.find(entry.getId()).getStatus()).isEqualTo(ArchiveStatus.ON_LOAN);
        assertThat(task(process, TASK_REGISTER_RETURN).getDueDate().toInstant().truncatedTo(ChronoUnit.SECONDS))
                .isEqualTo(lent.getDueAt().truncatedTo(ChronoUnit.SECONDS));
        assertThat(timer(process, TIMER_DUE_REMINDER).getDuedate().toInstant().truncatedTo(ChronoUnit.SECONDS))
                .isEqualTo(lent.getDueAt().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS));
        assertThat(loans.openLoans(AGENT, false)).extracting(ArchiveLoan::getId).contains(lent.getId());
        assertThat(archive.openLoansOfCustomer(entry.getCustomerId())).singleElement()
                .satisfies(view -> assertThat(view.loanNo()).isEqualTo(lent.getLoanNo()));

        complete(process, TASK_REGISTER_RETURN, ARCHIVIST2, Map.of("returnCondition", "INTACT"));

        assertThat(process).hasPassedInOrder("Task_RegisterLoanRequest", "Task_ApplyLoanRules", "Task_RecordLoanRule",
                        TASK_APPROVE, TASK_HAND_OUT, TASK_REGISTER_RETURN, END_RETURNED)
                .hasNotPassed(TIMER_DUE_REMINDER, TIMER_OVERDUE, SEND_REJECTED)
                .isEnded();
        ArchiveLoan returned = reload(requested);
        assertThat(returned.getStatus()).isEqualTo(LoanStatus.RETURNED);
        assertThat(returned.getReturnedTo()).isEqualTo(ARCHIVIST2);
        assertThat(returned.getReturnCondition()).isEqualTo("INTACT");
        assertThat(returned.getReminders()).isZero();
        assertThat(archive.find(entry.getId()).getStatus()).isEqualTo(ArchiveStatus.ON_FILE);
        assertThat(archive.openLoansOfCustomer(entry.getCustomerId())).isEmpty();
        assertThat(notices(process)).isEmpty();
    }

    @Test
    void borrowerIsRemindedBeforeTheDueDateThenRemindedDailyAndTheManagersToldOnceWhileOverdue() {
        ArchiveEntry entry = file(SecrecyClass.ORDINARY, null);
        ProcessInstance process = lentOut(loans.openLoan(staffLoan(entry), AGENT));

        // the due reminder
        fire(timer(process, TIMER_DUE_REMINDER));
        runAsyncJobs(process);
        assertThat(notices(process)).containsExactly("archive-loan-due→" + AGENT);
        assertThat(reloadOf(process).getReminders()).isEqualTo(1);

        // overdue: the borrower is reminded, the managers get a task, the timer stays for the next day
        Job overdue = timer(process, TIMER_OVERDUE);
        assertThat(overdue.getDuedate().toInstant().truncatedTo(ChronoUnit.SECONDS))
                .isEqualTo(reloadOf(process).getDueAt().truncatedTo(ChronoUnit.SECONDS));
        fire(overdue);
        runAsyncJobs(process);
        assertThat(process).isWaitingAt(TASK_REGISTER_RETURN, TASK_SUPERVISE_OVERDUE);
        assertThat(candidateUsers(task(process, TASK_SUPERVISE_OVERDUE))).contains(MANAGER).doesNotContain(AGENT);
        Job nextDay = timer(process, TIMER_OVERDUE);
        assertThat(nextDay.getId()).isNotEqualTo(overdue.getId());
        assertThat(nextDay.getDuedate()).isAfter(overdue.getDuedate());
        ArchiveLoan escalated = reloadOf(process);
        assertThat(escalated.getEscalatedAt()).isNotNull();
        assertThat(escalated.getReminders()).isEqualTo(2);

        // the next day: reminded again, no second manager task
        fire(nextDay);
        runAsyncJobs(process);
        assertThat(taskService.createTaskQuery().processInstanceId(process.getId())
                .taskDefinitionKey(TASK_SUPERVISE_OVERDUE).count()).isEqualTo(1);
        assertThat(notices(process)).containsExactly("archive-loan-due→" + AGENT, "archive-loan-overdue→" + AGENT,
                "archive-loan-overdue→" + AGENT);
        assertThat(reloadOf(process).getReminders()).isEqualTo(3);

        complete(process, TASK_SUPERVISE_OVERDUE, MANAGER, Map.of("supervisionNote", "已电话督促借阅人今日归还"));
        assertThat(reloadOf(process).getSupervisionNote()).contains("已电话督促借阅人今日归还");

        complete(process, TASK_REGISTER_RETURN, ARCHIVIST, Map.of("returnCondition", "DAMAGED",
                "returnNote", "封面有折痕"));
        assertThat(process).hasPassed(END_RETURNED, END_OVERDUE_SUPERVISED_ID, "End_DueReminded").isEnded();
        assertThat(timer(process, TIMER_OVERDUE)).as("no reminders after the return").isNull();
        assertThat(reloadOf(process).getReturnCondition()).isEqualTo("DAMAGED");
    }

    static final String END_OVERDUE_SUPERVISED_ID = "End_OverdueSupervised";

    @Test
    void rejectedRequestIsToldToTheBorrowerAndEnds() {
        ArchiveEntry entry = file(SecrecyClass.SECRET, null);
        ArchiveLoan requested = loans.openLoan(staffLoan(entry), AGENT);
        ProcessInstance process = processOf(requested);

        Throwable withoutReason = catchThrowable(() -> complete(process, TASK_APPROVE, MANAGER,
                Map.of(LOAN_APPROVED, false)));
        assertThat(invalidInputIn(withoutReason).fieldErrors()).containsKey("decisionNote");

        complete(process, TASK_APPROVE, MANAGER, Map.of(LOAN_APPROVED, false, "decisionNote", "可查阅电子目录,无需借出原件"));
        runAsyncJobs(process);

        assertThat(process).hasPassedInOrder(TASK_APPROVE, SEND_REJECTED, END_REJECTED).hasNotPassed(TASK_HAND_OUT)
                .isEnded();
        ArchiveLoan rejected = reload(requested);
        assertThat(rejected.getStatus()).isEqualTo(LoanStatus.REJECTED);
        assertThat(rejected.getDecidedBy()).isEqualTo(MANAGER);
        assertThat(rejected.getDecisionNote()).isEqualTo("可查阅电子目录,无需借出原件");
        assertThat(notices(process)).containsExactly("archive-loan-rejected→" + AGENT);
        assertThat(archive.find(entry.getId()).getStatus()).isEqualTo(ArchiveStatus.ON_FILE);
    }

    @Test
    void classifiedFileIsNeverLentOutButMayBeReadInTheArchiveRoom() {
        ArchiveEntry entry = file(SecrecyClass.CLASSIFIED, null);
        ArchiveLoan requested = loans.openLoan(
                new LoanRequest(entry.getArchiveNo(), LoanKind.SPECIAL_EXTERNAL, 1, "核对客户资料", null, null), AGENT);
        ProcessInstance process = processOf(requested);

        ArchiveLoan refused = reload(requested);
        assertThat(refused.getStatus()).isEqualTo(LoanStatus.REFUSED);
        assertThat(refused.getDecisionNote()).contains("机密档案不得外借");
        runAsyncJobs(process);
        assertThat(notices(process)).containsExactly("archive-loan-refused→" + AGENT);
        assertThat(process).hasNotPassed(TASK_APPROVE).isWaitingAtExactly(TASK_RECORD_READING);

        complete(process, TASK_RECORD_READING, ARCHIVIST, Map.of("readInRoom", true, "readingNote", "档案室内查阅 30 分钟"));

        assertThat(process).hasPassed(END_REFUSED).isEnded();
        assertThat(loans.readingsOfEntry(entry.getId())).singleElement().satisfies(reading -> {
            assertThat(reading.getReader()).isEqualTo(AGENT);
            assertThat(reading.getRecordedBy()).isEqualTo(ARCHIVIST);
            assertThat(reading.getPurpose()).isEqualTo("档案室内查阅 30 分钟");
        });
        assertThat(archive.find(entry.getId()).getStatus()).isEqualTo(ArchiveStatus.ON_FILE);
    }

    @Test
    void departmentLoanNeedsASignedRequestAndGoesToTheDepartmentHead() {
        ArchiveEntry entry = file(SecrecyClass.SECRET, "sales");
        InvalidInputException unsigned = (InvalidInputException) catchThrowable(() -> loans.openLoan(
                new LoanRequest(entry.getArchiveNo(), LoanKind.DEPARTMENT, 1, "核对销售合同", "sales", " "), AGENT));
        assertThat(unsigned.fieldErrors()).containsOnlyKeys("signedRequestRef");

        ArchiveLoan requested = loans.openLoan(
                new LoanRequest(entry.getArchiveNo(), LoanKind.DEPARTMENT, 1, "核对销售合同", "sales", "SQB-2026-031"), AGENT);
        ProcessInstance process = processOf(requested);
        Task approve = task(process, TASK_APPROVE);
        assertThat(candidateUsers(approve)).contains(SALES).doesNotContain(MANAGER, AGENT);
        assertThat(reload(requested).getSignedRequestRef()).isEqualTo("SQB-2026-031");

        complete(process, TASK_APPROVE, SALES, Map.of(LOAN_APPROVED, true));
        complete(process, TASK_HAND_OUT, ARCHIVIST, Map.of("handedOut", true, "handOutReference", "登记册 第 1 页"));

        ArchiveLoan lent = reload(requested);
        assertThat(lent.getDecidedBy()).isEqualTo(SALES);
        assertThat(lent.getDueAt()).isEqualTo(lent.getLentAt().plus(Duration.ofDays(3)));
        complete(process, TASK_REGISTER_RETURN, ARCHIVIST, Map.of("returnCondition", "INTACT"));
        assertThat(process).hasPassed(END_RETURNED).isEnded();
    }

    @Test
    void specialExternalLoanIsApprovedByTheManagerForTenDays() {
        ArchiveEntry entry = file(SecrecyClass.SECRET, null);
        ArchiveLoan requested = loans.openLoan(
                new LoanRequest(entry.getArchiveNo(), LoanKind.SPECIAL_EXTERNAL, 2, "律师事务所核对合同原件", null, null), AGENT);
        ProcessInstance process = processOf(requested);
        assertThat(candidateUsers(task(process, TASK_APPROVE))).contains(MANAGER);

        complete(process, TASK_APPROVE, MANAGER, Map.of(LOAN_APPROVED, true, "decisionNote", "特殊情况,限十天"));
        complete(process, TASK_HAND_OUT, ARCHIVIST, Map.of("handedOut", true, "handOutReference", "登记册 第 1 页"));

        ArchiveLoan lent = reload(requested);
        assertThat(lent.getMaxDays()).isEqualTo(10);
        assertThat(lent.getPieces()).isEqualTo(2);
        assertThat(lent.getDueAt()).isEqualTo(lent.getLentAt().plus(Duration.ofDays(10)));
        complete(process, TASK_REGISTER_RETURN, ARCHIVIST, Map.of("returnCondition", "INTACT"));
        assertThat(process).hasPassed(END_RETURNED).isEnded();
    }

    @Test
    void borrowerCannotApproveHandOutOrTakeBackTheirOwnLoan() {
        ArchiveEntry entry = file(SecrecyClass.SECRET, null);
        // an archivist borrows: another archivist must do the archive's part, and never the borrower
        ArchiveLoan requested = loans.openLoan(staffLoan(entry), ARCHIVIST);
        ProcessInstance process = processOf(requested);
        assertThat(runtimeService.getVariable(process.getId(), RECUSED_USER)).isEqualTo(ARCHIVIST);
        // the loan register, not a variable, names the borrower: overwriting the variables lifts nothing
        runtimeService.setVariable(process.getId(), RECUSED_USER, "nobody");
        runtimeService.setVariable(process.getId(), BORROWER, "nobody");
        complete(process, TASK_APPROVE, MANAGER, Map.of(LOAN_APPROVED, true));

        Task handOut = task(process, TASK_HAND_OUT);
        assertThat(candidateGroups(handOut)).isEmpty();
        assertThat(candidateUsers(handOut)).contains(ARCHIVIST2).doesNotContain(ARCHIVIST);
        assertThat(catchThrowable(() -> taskService.claim(handOut.getId(), ARCHIVIST)))
                .as("the borrower claiming the hand-out").isNotNull();
        // even past the task's candidates, the register refuses the borrower lending to themselves
        assertThat(catchThrowable(() -> loans.handOut(requested.getId(), ARCHIVIST)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("借阅人不能自己办理借出");
        assertThat(catchThrowable(() -> loans.decide(requested.getId(), true, ARCHIVIST, null)))
                .isInstanceOf(InvalidInputException.class);

        complete(process, TASK_HAND_OUT, ARCHIVIST2, Map.of("handedOut", true, "handOutReference", "登记册 第 1 页"));
        assertThat(candidateUsers(task(process, TASK_REGISTER_RETURN))).doesNotContain(ARCHIVIST);
        complete(process, TASK_REGISTER_RETURN, ARCHIVIST2, Map.of("returnCondition", "INTACT"));
        assertThat(reload(requested).getLentBy()).isEqualTo(ARCHIVIST2);
        assertThat(process).isEnded();
    }

    @Test
    void aManagerWhoBorrowsIsRecusedFromApprovingTheirOwnRequest() {
        ArchiveEntry entry = file(SecrecyClass.ORDINARY, null);
        ArchiveLoan requested = loans.openLoan(staffLoan(entry), MANAGER);
        ProcessInstance process = processOf(requested);

        Task approve = task(process, TASK_APPROVE);
        assertThat(candidateUsers(approve)).doesNotContain(MANAGER).isNotEmpty();
        assertThat(catchThrowable(() -> taskService.setAssignee(approve.getId(), MANAGER))).isNotNull();
        runtimeService.deleteProcessInstance(process.getId(), "test ends here");
    }

    @Test
    void requestForAnUnknownFileNamesTheField() {
        InvalidInputException invalid = (InvalidInputException) catchThrowable(() -> loans.openLoan(
                new LoanRequest("DA1999-99999", null, 0, " ", null, null), AGENT));
        assertThat(invalid.fieldErrors()).containsOnlyKeys("archiveNo", "loanKind", "pieces", "purpose");
    }

    @Test
    void requestFromTheTasklistStartFormIsRegisteredForTheStartingUser() {
        ArchiveEntry entry = file(SecrecyClass.ORDINARY, null);
        identityService.setAuthentication(AGENT, java.util.List.of("agents"));
        ProcessInstance process;
        try {
            process = runtimeService.startProcessInstanceByKey(KEY, Map.of("archiveNo", entry.getArchiveNo(),
                    LOAN_KIND, "STAFF", "pieces", 1L, "purpose", "核对地址"));
        } finally {
            identityService.clearAuthentication();
        }
        assertThat(process).isWaitingAtExactly(TASK_APPROVE);
        ArchiveLoan loan = loans.find(((Number) runtimeService.getVariable(process.getId(), LOAN_ID)).longValue());
        assertThat(loan.getBorrower()).isEqualTo(AGENT);
        assertThat(loan.getLoanNo()).isEqualTo(runtimeService.createProcessInstanceQuery()
                .processInstanceId(process.getId()).singleResult().getBusinessKey());
        assertThat(runtimeService.getVariables(process.getId())).doesNotContainKeys("archiveNo", "purpose", "pieces",
                LOAN_RULE);
        runtimeService.deleteProcessInstance(process.getId(), "test ends here");
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    static LoanRequest staffLoan(ArchiveEntry entry) {
        return new LoanRequest(entry.getArchiveNo(), LoanKind.STAFF, 1, "查阅合同条款", null, null);
    }

    ProcessInstance lentOut(ArchiveLoan loan) {
        ProcessInstance process = processOf(loan);
        complete(process, TASK_APPROVE, MANAGER, Map.of(LOAN_APPROVED, true));
        complete(process, TASK_HAND_OUT, ARCHIVIST, Map.of("handedOut", true, "handOutReference", "登记册 第 1 页"));
        return process;
    }

    ProcessInstance processOf(ArchiveLoan loan) {
        ProcessInstance process = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(loan.getLoanNo())
                .processDefinitionKey(KEY).singleResult();
        if (process == null) {
            // ended already: the historic instance serves the assertions
            return (ProcessInstance) null;
        }
        return process;
    }

    ArchiveLoan reload(ArchiveLoan loan) {
        return transaction.execute(s -> {
            ArchiveLoan found = loans.find(loan.getId());
            found.getEntry().getArchiveNo();
            return found;
        });
    }

    ArchiveLoan reloadOf(ProcessInstance process) {
        long id = ((Number) historyVariable(process, LOAN_ID)).longValue();
        return transaction.execute(s -> loans.find(id));
    }

    Object historyVariable(ProcessInstance process, String name) {
        return processEngine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(process.getId()).variableName(name).singleResult().getValue();
    }
}
