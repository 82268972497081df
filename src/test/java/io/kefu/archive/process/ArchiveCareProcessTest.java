package io.kefu.archive.process;

import static io.kefu.archive.process.ArchiveDestructionProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.kefu.archive.ArchiveCareService;
import io.kefu.archive.ArchiveDestruction;
import io.kefu.archive.ArchiveEntry;
import io.kefu.archive.ArchiveInspection;
import io.kefu.archive.ArchiveLoanService;
import io.kefu.archive.ArchiveLoanService.LoanRequest;
import io.kefu.archive.ArchiveStatus;
import io.kefu.archive.LoanKind;
import io.kefu.archive.SecrecyClass;
import io.kefu.shared.ConflictException;
import java.time.LocalDate;
import java.time.ZoneId;
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

/** The archive's care: the semi-annual inspection (timer start) and the destruction of expired files, per path. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ArchiveCareProcessTest extends ArchiveProcessTestSupport {

    @Autowired
    StepEntries stepEntries;

    /**
     * A manager's new step that copied this process's complete listener (as copying a task in Modeler does) is not a
     * step the listener knows: it lets it pass, and what was submitted there is kept as a generic case entry.
     */
    @Test
    void aManagersNewStepWithTheCopiedCompletionListenerIsKeptAsACaseEntry() {
        ManagersNewStep.assertKeptAsEntry(processEngine, stepEntries, "archiveCareTaskCompletion",
                "XH-NEWSTEP-1", MANAGER);
    }

    @Autowired
    ArchiveCareService care;
    @Autowired
    ArchiveLoanService loans;

    @Test
    void inspectionStartsEverySixMonthsForTheArchiveKeepersAndIsRecorded() {
        Job schedule = managementService.createJobQuery().processDefinitionKey(ArchiveInspectionProcess.KEY).timers()
                .singleResult();
        assertThat(schedule).as("the timer start of %s", ArchiveInspectionProcess.KEY).isNotNull();
        var due = schedule.getDuedate().toInstant().atZone(ZoneId.of("Asia/Shanghai"));
        assertThat(due.getDayOfMonth()).isEqualTo(5);
        assertThat(due.getMonthValue()).isIn(1, 7);
        assertThat(due.getHour()).isEqualTo(9);

        var before = runtimeService.createProcessInstanceQuery().processDefinitionKey(ArchiveInspectionProcess.KEY)
                .list().stream().map(ProcessInstance::getId).toList();
        fire(schedule);

        ProcessInstance process = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(ArchiveInspectionProcess.KEY).list().stream()
                .filter(p -> !before.contains(p.getId()))
                .reduce((first, second) -> {
                    throw new AssertionError("the timer started more than one inspection");
                }).orElseThrow();
        Job next = managementService.createJobQuery().processDefinitionKey(ArchiveInspectionProcess.KEY).timers()
                .singleResult();
        assertThat(next.getDuedate().toInstant()).isEqualTo(due.plusMonths(6).toInstant());

        Task inspect = task(process, ArchiveInspectionProcess.TASK_INSPECT);
        assertThat(inspect.getDueDate().toInstant()).isAfter(schedule.getDuedate().toInstant().plus(13, ChronoUnit.DAYS));
        assertThat(candidateGroups(inspect)).containsExactly("archivists");
        assertThat(caseCard(inspect)).contains("每半年档案检查", "逾期未还");

        Throwable missingActions = catchThrowable(() -> complete(process, ArchiveInspectionProcess.TASK_INSPECT,
                ARCHIVIST, Map.of("inspectedOn", today(), "findings", "一号柜受潮", "damagedFiles", "DA2026-00003")));
        assertThat(invalidInputIn(missingActions).fieldErrors()).containsOnlyKeys("actions");

        complete(process, ArchiveInspectionProcess.TASK_INSPECT, ARCHIVIST, Map.of("inspectedOn", today(),
                "findings", "一号柜受潮,其余良好", "damagedFiles", "DA2026-00003 封面褪色", "actions", "已修补并加放防潮剂"));

        assertThat(process).hasPassed(ArchiveInspectionProcess.END_INSPECTED).isEnded();
        long id = ((Number) processEngine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(process.getId()).variableName(ArchiveInspectionProcess.INSPECTION_ID).singleResult()
                .getValue()).longValue();
        ArchiveInspection recorded = care.findInspection(id);
        assertThat(recorded.getInspector()).isEqualTo(ARCHIVIST);
        assertThat(recorded.getInspectedOn()).isEqualTo(LocalDate.parse(today()));
        assertThat(recorded.getFindings()).isEqualTo("一号柜受潮,其余良好");
        assertThat(recorded.getDamagedFiles()).isEqualTo("DA2026-00003 封面褪色");
        assertThat(recorded.getMissingFiles()).isNull();
        assertThat(recorded.getActions()).isEqualTo("已修补并加放防潮剂");
        assertThat(recorded.getCompletedAt()).isNotNull();
    }

    @Test
    void expiredFileIsAppraisedApprovedHeldSixMonthsThenDestroyedUnderSupervision() {
        ArchiveEntry entry = file(SecrecyClass.SECRET, "sales");
        ArchiveDestruction opened = care.openDestruction(entry.getArchiveNo(), "保管期限已满十年", ARCHIVIST);
        ProcessInstance process = processOf(opened);
        assertThat(process).isWaitingAtExactly(TASK_MANAGER_APPRAISAL, TASK_DEPARTMENT_APPRAISAL);
        assertThat(archive.find(entry.getId()).getStatus()).isEqualTo(ArchiveStatus.PENDING_DESTRUCTION);
        assertThat(candidateGroups(task(process, TASK_DEPARTMENT_APPRAISAL))).containsExactly("dept-sales");
        assertThat(task(process, TASK_DEPARTMENT_APPRAISAL).getAssignee()).as("指派专人").isEqualTo(SALES);
        assertThat(caseCard(task(process, TASK_MANAGER_APPRAISAL))).contains(entry.getArchiveNo(), "保管期限已满十年");

        complete(process, TASK_DEPARTMENT_APPRAISAL, SALES, Map.of("appraisal", "DESTROY"));
        complete(process, TASK_MANAGER_APPRAISAL, MANAGER, Map.of("appraisal", "DESTROY", "appraisalNote", "已无保留价值"));
        assertThat(candidateGroups(task(process, TASK_DIRECTOR_APPROVAL))).containsExactly("directors");
        complete(process, TASK_DIRECTOR_APPROVAL, DIRECTOR, Map.of(DIRECTOR_APPROVED, true));

        // six months apart, nothing destroyed yet
        Job hold = timer(process, TIMER_HOLD);
        ArchiveDestruction held = care.findDestruction(opened.getId());
        assertThat(held.getStatus()).isEqualTo(ArchiveDestruction.Status.ON_HOLD);
        assertThat(hold.getDuedate().toInstant().truncatedTo(ChronoUnit.SECONDS))
                .isEqualTo(held.getHoldUntil().truncatedTo(ChronoUnit.SECONDS));
        assertThat(held.getHoldUntil()).isEqualTo(held.getDecidedAt().atZone(ZoneId.of("Asia/Shanghai")).plusMonths(6)
                .toInstant());
        assertThat(archive.find(entry.getId()).getStatus()).isEqualTo(ArchiveStatus.PENDING_DESTRUCTION);
        assertThat(process).isWaitingAtExactly(TIMER_HOLD);

        fire(hold);
        assertThat(candidateGroups(task(process, TASK_DESTROY))).containsExactly("supervisors");
        Throwable ownWitness = catchThrowable(() -> complete(process, TASK_DESTROY, SUPERVISOR,
                Map.of("destroyedBy", ARCHIVIST, "witness", SUPERVISOR, "place", "碎纸室")));
        assertThat(invalidInputIn(ownWitness).fieldErrors()).containsOnlyKeys("witness");
        complete(process, TASK_DESTROY, SUPERVISOR, Map.of("destroyedBy", "档案管理员 archivist", "witness", "王五",
                "place", "公司碎纸室"));

        assertThat(process).hasPassedInOrder("Task_RegisterDestruction", "Task_ConcludeAppraisal",
                TASK_DIRECTOR_APPROVAL, TIMER_HOLD, TASK_DESTROY, END_DESTROYED).isEnded();
        ArchiveDestruction destroyed = care.findDestruction(opened.getId());
        assertThat(destroyed.getStatus()).isEqualTo(ArchiveDestruction.Status.DESTROYED);
        assertThat(destroyed.getSupervisor()).isEqualTo(SUPERVISOR);
        assertThat(destroyed.getWitness()).isEqualTo("王五");
        assertThat(destroyed.getDirector()).isEqualTo(DIRECTOR);
        assertThat(destroyed.getManagerAppraiser()).isEqualTo(MANAGER);
        assertThat(destroyed.getDepartmentAppraiser()).isEqualTo(SALES);
        assertThat(destroyed.getDestroyedAt()).isAfterOrEqualTo(destroyed.getHoldUntil());
        ArchiveEntry after = archive.find(entry.getId());
        assertThat(after.getStatus()).as("the catalogue row stays, marked").isEqualTo(ArchiveStatus.DESTROYED);
        assertThat(after.getDestroyedAt()).isEqualTo(destroyed.getDestroyedAt());
    }

    @Test
    void directorRejectsTheDestructionAndTheFileStaysOnFile() {
        ArchiveEntry entry = file(SecrecyClass.ORDINARY, null);
        ArchiveDestruction opened = care.openDestruction(entry.getArchiveNo(), "到期", ARCHIVIST);
        ProcessInstance process = processOf(opened);
        assertThat(candidateGroups(task(process, TASK_DEPARTMENT_APPRAISAL))).containsExactly("dept-service");
        complete(process, TASK_MANAGER_APPRAISAL, MANAGER, Map.of("appraisal", "DESTROY"));
        complete(process, TASK_DEPARTMENT_APPRAISAL, MANAGER, Map.of("appraisal", "DESTROY"));

        Throwable noReason = catchThrowable(() -> complete(process, TASK_DIRECTOR_APPROVAL, DIRECTOR,
                Map.of(DIRECTOR_APPROVED, false)));
        assertThat(invalidInputIn(noReason).fieldErrors()).containsOnlyKeys("directorNote");
        complete(process, TASK_DIRECTOR_APPROVAL, DIRECTOR, Map.of(DIRECTOR_APPROVED, false,
                "directorNote", "涉及未结诉讼,继续保管"));

        assertThat(process).hasPassed(END_REJECTED).hasNotPassed(TIMER_HOLD, TASK_DESTROY).isEnded();
        assertThat(care.findDestruction(opened.getId()).getStatus()).isEqualTo(ArchiveDestruction.Status.REJECTED);
        assertThat(archive.find(entry.getId()).getStatus()).isEqualTo(ArchiveStatus.ON_FILE);
    }

    @Test
    void aFileAnAppraiserWantsToKeepIsRetainedWithoutGoingToTheDirector() {
        ArchiveEntry entry = file(SecrecyClass.SECRET, "finance");
        ProcessInstance process = processOf(care.openDestruction(entry.getArchiveNo(), "到期", ARCHIVIST));
        complete(process, TASK_MANAGER_APPRAISAL, MANAGER, Map.of("appraisal", "DESTROY"));
        ensureUser("finance", "dept-finance");
        complete(process, TASK_DEPARTMENT_APPRAISAL, "finance", Map.of("appraisal", "RETAIN",
                "appraisalNote", "应收账款仍在追讨"));

        assertThat(process).hasPassed(END_RETAINED).hasNotPassed(TASK_DIRECTOR_APPROVAL).isEnded();
        assertThat(archive.find(entry.getId()).getStatus()).isEqualTo(ArchiveStatus.ON_FILE);
    }

    @Test
    void aFileOutOnLoanCannotBeRegisteredForDestruction() {
        ArchiveEntry entry = file(SecrecyClass.SECRET, null);
        loans.openLoan(new LoanRequest(entry.getArchiveNo(), LoanKind.STAFF, 1, "查阅", null, null), AGENT);

        assertThat(catchThrowable(() -> care.openDestruction(entry.getArchiveNo(), "到期", ARCHIVIST)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("未结束的借阅");
    }

    ProcessInstance processOf(ArchiveDestruction destruction) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY)
                .variableValueEquals(DESTRUCTION_ID, destruction.getId()).singleResult();
    }

    static String today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
    }
}
