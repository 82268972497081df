package io.kefu.staffreview.process;

import static io.kefu.staffreview.process.StaffReviewProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.kefu.support.ProcessTasks;
import io.kefu.identity.CurrentUser;
import io.kefu.shared.time.Now;
import io.kefu.staffreview.StaffReview;
import io.kefu.staffreview.StaffReviewService;
import io.kefu.staffreview.ViolationKind;
import io.kefu.staffreview.ViolationRequest;
import io.kefu.staffreview.ViolationService;
import io.kefu.support.TestUsers;
import io.kefu.task.TaskCards;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The staff-review process (员工月度考评), one test per path: scored and acknowledged; an objection sent back to the
 * manager once and then acknowledged; a second objection kept without another round; a violation in the month making
 * the grade C whatever the scores; and a start from Tasklist's start form.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class StaffReviewProcessTest {

    static final CurrentUser MANAGER = new CurrentUser("manager", Set.of("managers"));
    static final CurrentUser SUPERVISOR = new CurrentUser("supervisor", Set.of("supervisors"));
    private static final AtomicInteger EMPLOYEES = new AtomicInteger();

    @Autowired
    ProcessEngine processEngine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;
    @Autowired
    HistoryService historyService;
    @Autowired
    StaffReviewService reviews;
    @Autowired
    ViolationService violations;

    String employee;
    String lastMonth;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(processEngine);
        TestUsers.ensure(identityService, "manager", "managers");
        TestUsers.ensure(identityService, "supervisor", "supervisors");
        employee = "reviewagent" + System.nanoTime() % 100000 + "x" + EMPLOYEES.incrementAndGet();
        TestUsers.ensure(identityService, employee, "agents");
        lastMonth = YearMonth.from(Now.instant().atZone(ZoneId.of("Asia/Shanghai"))).minusMonths(1).toString();
    }

    @AfterEach
    void tearDown() {
        BpmnAwareTests.reset();
        identityService.clearAuthentication();
    }

    @Test
    void theCardNamesTheMonthInWordsSoThatItIsNotMaskedAsANumber() {
        assertThat(TaskCards.subject(StaffReviewProcess.cardSubject("agent", "2026-11")))
                .isEqualTo("月度考评 · agent · 2026年11月");
    }

    @Test
    void aGoodMonthIsScoredGradedAAndAcknowledgedByTheEmployee() {
        StaffReview review = reviews.open(employee, lastMonth, MANAGER);
        ProcessInstance process = processOf(review);
        assertThat(process).hasBusinessKey(review.getReviewNo()).isWaitingAtExactly(TASK_SCORE);
        assertThat(task(process, TASK_SCORE)).hasCandidateGroup("managers");

        complete(process, TASK_SCORE, "manager", scores("5", "4", "4", "4", "5", "工作扎实"));
        assertThat(process).isWaitingAtExactly(TASK_ACKNOWLEDGE);
        assertThat(task(process, TASK_ACKNOWLEDGE)).isAssignedTo(employee);
        assertThat(reload(review).getGrade()).isEqualTo("A");
        assertThat(reload(review).getStatus()).isEqualTo(StaffReview.Status.ACKNOWLEDGING);

        complete(process, TASK_ACKNOWLEDGE, employee, Map.of("acknowledgement", "AGREE"));
        assertThat(process).hasPassedInOrder(TASK_COMPUTE, TASK_SCORE, TASK_GRADE, TASK_ACKNOWLEDGE, TASK_COMPLETE,
                END_COMPLETED).hasNotPassed(TASK_RECONSIDER).isEnded();
        StaffReview done = reload(review);
        assertThat(done.getStatus()).isEqualTo(StaffReview.Status.COMPLETED);
        assertThat(done.getAcknowledgedBy()).isEqualTo(employee);
        assertThat(done.getScores().all()).containsExactly(5, 4, 4, 4, 5);
        assertThat(done.getManagerComment()).isEqualTo("工作扎实");
        assertThat(done.getScoredBy()).isEqualTo("manager");
        assertNoScoresInTheEngine(process);
    }

    @Test
    void anObjectionGoesBackToTheManagerOnceAndTheRevisedReviewIsAcknowledged() {
        StaffReview review = reviews.open(employee, lastMonth, MANAGER);
        ProcessInstance process = processOf(review);
        complete(process, TASK_SCORE, "manager", scores("3", "2", "3", "3", "2", null));
        assertThat(reload(review).getGrade()).isEqualTo("C");

        Task acknowledge = task(process, TASK_ACKNOWLEDGE);
        assertThatThrownBy(() -> taskService.complete(acknowledge.getId(), Map.of("acknowledgement", "OBJECT")))
                .hasMessageContaining("objection");
        complete(process, TASK_ACKNOWLEDGE, employee, Map.of("acknowledgement", "OBJECT",
                "objection", "本月承担了两个额外项目,工作量评分偏低"));
        assertThat(process).isWaitingAtExactly(TASK_RECONSIDER);
        assertThat(reload(review).getStatus()).isEqualTo(StaffReview.Status.RECONSIDERING);

        complete(process, TASK_RECONSIDER, "manager", scores("4", "3", "3", "3", "3", "已核实额外项目"));
        assertThat(reload(review).getGrade()).isEqualTo("B");
        complete(process, TASK_ACKNOWLEDGE, employee, Map.of("acknowledgement", "AGREE"));

        assertThat(process).hasPassedInOrder(TASK_SCORE, TASK_ACKNOWLEDGE, TASK_RECONSIDER, TASK_GRADE,
                TASK_ACKNOWLEDGE, END_COMPLETED).isEnded();
        StaffReview done = reload(review);
        assertThat(done.isReconsidered()).isTrue();
        assertThat(done.getObjection()).contains("额外项目");
        assertThat(done.getAcknowledgedBy()).isEqualTo(employee);
        assertNoScoresInTheEngine(process);
    }

    @Test
    void aSecondObjectionIsKeptButDoesNotGoBackToTheManagerAgain() {
        StaffReview review = reviews.open(employee, lastMonth, MANAGER);
        ProcessInstance process = processOf(review);
        complete(process, TASK_SCORE, "manager", scores("3", "3", "3", "3", "3", null));
        complete(process, TASK_ACKNOWLEDGE, employee, Map.of("acknowledgement", "OBJECT", "objection", "第一次异议"));
        complete(process, TASK_RECONSIDER, "manager", scores("3", "3", "3", "3", "3", "维持原评分"));
        complete(process, TASK_ACKNOWLEDGE, employee, Map.of("acknowledgement", "OBJECT", "objection", "仍不认同"));

        assertThat(process).hasPassed(TASK_RECONSIDER, END_COMPLETED).isEnded();
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(process.getId())
                .activityId(TASK_RECONSIDER).count()).isEqualTo(1);
        StaffReview done = reload(review);
        assertThat(done.getStatus()).isEqualTo(StaffReview.Status.COMPLETED);
        assertThat(done.getAcknowledgedBy()).isNull();
        assertThat(done.getObjection()).contains("第一次异议", "仍不认同");
        assertThat(done.getGrade()).isEqualTo("B");
    }

    @Test
    void aViolationInTheMonthMakesTheGradeCWhateverTheScores() {
        LocalDate day = YearMonth.parse(lastMonth).atDay(10);
        violations.record(new ViolationRequest(employee, ViolationKind.CUSTOMER_DISPUTE, day, "电话中与客户争吵",
                "通话录音 LY-0001"), SUPERVISOR);
        StaffReview review = reviews.open(employee, lastMonth, MANAGER);
        assertThat(review.getFigures().violations()).isEqualTo(1);
        ProcessInstance process = processOf(review);
        complete(process, TASK_SCORE, "manager", scores("5", "5", "5", "5", "5", null));

        StaffReview graded = reload(review);
        assertThat(graded.getGrade()).isEqualTo("C");
        assertThat(graded.getGradeReason()).contains("违规");
        complete(process, TASK_ACKNOWLEDGE, employee, Map.of("acknowledgement", "AGREE"));
        assertThat(process).isEnded();
    }

    @Test
    void aManagerStartsAReviewFromTasklistsStartForm() {
        identityService.setAuthentication("manager", List.of("managers"));
        ProcessInstance process;
        try {
            process = runtimeService.startProcessInstanceByKey(KEY,
                    Map.of(StaffReviewProcess.FIELD_EMPLOYEE, employee, StaffReviewProcess.FIELD_MONTH, lastMonth));
        } finally {
            identityService.clearAuthentication();
        }
        StaffReview review = reviews.forProcessInstance(process.getId()).orElseThrow();
        assertThat(review.getEmployee()).isEqualTo(employee);
        assertThat(review.getStartedBy()).isEqualTo("manager");
        assertThat(process).hasBusinessKey(review.getReviewNo()).isWaitingAtExactly(TASK_SCORE);
        assertThat(runtimeService.getVariables(process.getId())).doesNotContainKeys(FIELD_EMPLOYEE, FIELD_MONTH)
                .containsEntry(REVIEW_ID, review.getId());

        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(KEY,
                Map.of(FIELD_EMPLOYEE, employee, FIELD_MONTH, lastMonth, INITIATOR, "manager")))
                .hasMessageContaining("month");
    }

    private void assertNoScoresInTheEngine(ProcessInstance process) {
        List<String> names = historyService.createHistoricVariableInstanceQuery().processInstanceId(process.getId())
                .list().stream().map(HistoricVariableInstance::getName).toList();
        assertThat(names).doesNotContain("scoreWorkload", "scoreTimeliness", "scoreEffectiveness",
                "scoreCooperation", "scoreAttitude", "managerComment", "objection");
        assertThat(historyService.createHistoricDetailQuery().processInstanceId(process.getId()).list())
                .noneMatch(d -> d.toString().contains("scoreWorkload") || d.toString().contains("managerComment"));
    }

    private static Map<String, Object> scores(String workload, String timeliness, String effectiveness,
            String cooperation, String attitude, String comment) {
        Map<String, Object> form = new HashMap<>();
        form.put("scoreWorkload", workload);
        form.put("scoreTimeliness", timeliness);
        form.put("scoreEffectiveness", effectiveness);
        form.put("scoreCooperation", cooperation);
        form.put("scoreAttitude", attitude);
        if (comment != null) {
            form.put("managerComment", comment);
        }
        return form;
    }

    private StaffReview reload(StaffReview review) {
        return reviews.find(review.getId());
    }

    private ProcessInstance processOf(StaffReview review) {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(review.getReviewNo())
                .singleResult();
    }

    private Task task(ProcessInstance process, String key) {
        return ProcessTasks.open(taskService, process, key);
    }

    private void complete(ProcessInstance process, String key, String user, Map<String, Object> form) {
        Task task = task(process, key);
        if (task.getAssignee() == null) {
            taskService.claim(task.getId(), user);
        }
        identityService.setAuthenticatedUserId(user);
        try {
            taskService.complete(task.getId(), form);
        } finally {
            identityService.clearAuthentication();
        }
    }
}
