package io.kefu.escalation.process;

import static io.kefu.escalation.process.EscalationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.kefu.support.ProcessTasks;
import io.kefu.escalation.EscalationLevel;
import io.kefu.escalation.EscalationReport;
import io.kefu.escalation.EscalationRequest;
import io.kefu.escalation.EscalationService;
import io.kefu.escalation.EscalationTrigger;
import io.kefu.identity.CurrentUser;
import io.kefu.support.TestUsers;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
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
 * The escalation-report process (请示报告), one test per path: decided by the supervisor, passed to the manager who
 * decides, a leak taken level by level to the director with its breach record, an urgent report skipping levels with
 * the after-report, and a supervisor's report going to the manager first.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class EscalationProcessTest {

    static final CurrentUser AGENT = new CurrentUser("agent", Set.of("agents"));
    static final CurrentUser SUPERVISOR = new CurrentUser("supervisor", Set.of("supervisors"));

    @Autowired
    ProcessEngine processEngine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;
    @Autowired
    EscalationService reports;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(processEngine);
        TestUsers.ensure(identityService, "agent", "agents");
        TestUsers.ensure(identityService, "supervisor", "supervisors");
        TestUsers.ensure(identityService, "manager", "managers");
        TestUsers.ensure(identityService, "director", "directors");
        TestUsers.ensure(identityService, "tech", "dept-tech");
    }

    @AfterEach
    void tearDown() {
        BpmnAwareTests.reset();
        identityService.clearAuthentication();
    }

    @Test
    void aCustomerMakingTroubleIsSettledByTheSupervisor() {
        EscalationReport report = reports.open(request(EscalationTrigger.TROUBLEMAKER, false), AGENT);
        ProcessInstance process = processOf(report);
        assertThat(process).hasBusinessKey(report.getReportNo()).isWaitingAtExactly(TASK_SUPERVISOR);
        assertThat(reload(report).getDecidingLevel()).isEqualTo(EscalationLevel.SUPERVISOR);
        assertThat(candidateGroups(task(process, TASK_SUPERVISOR))).containsExactly("supervisors");

        complete(process, TASK_SUPERVISOR, "supervisor", Map.of(DECIDED, true, "instruction", "由我亲自回电安抚客户"));
        assertThat(process).hasPassedInOrder("Task_RegisterReport", "Task_DecideRouting", "Task_ApplyRouting",
                TASK_SUPERVISOR, "Task_CloseReport", END_CLOSED)
                .hasNotPassed(TASK_MANAGER, TASK_DIRECTOR, TASK_OPEN_BREACH, TASK_AFTER_REPORT).isEnded();
        EscalationReport closed = reload(report);
        assertThat(closed.getStatus()).isEqualTo(EscalationReport.Status.CLOSED);
        assertThat(closed.getDecidedBy()).isEqualTo("supervisor");
        assertThat(kinds(report)).containsExactly("主管批示办结");
        assertThat(reports.breach(report.getId())).isEmpty();
    }

    @Test
    void aSafetyRiskIsPassedOnByTheSupervisorAndDecidedByTheManager() {
        EscalationReport report = reports.open(request(EscalationTrigger.SAFETY_RISK, false), AGENT);
        ProcessInstance process = processOf(report);
        Task supervisorTask = task(process, TASK_SUPERVISOR);
        taskService.claim(supervisorTask.getId(), "supervisor");
        assertThatThrownBy(() -> taskService.complete(supervisorTask.getId(),
                Map.of(DECIDED, true, "instruction", "我来定"))).hasMessageContaining("须由经理批示");
        complete(process, TASK_SUPERVISOR, "supervisor", Map.of(DECIDED, false, "instruction", "情况属实,请经理定夺"));
        assertThat(process).isWaitingAtExactly(TASK_MANAGER);
        complete(process, TASK_MANAGER, "manager", Map.of(DECIDED, true, "instruction", "立即停用该设备并报修"));
        assertThat(process).hasPassed(TASK_SUPERVISOR, TASK_MANAGER, END_CLOSED).hasNotPassed(TASK_DIRECTOR).isEnded();
        assertThat(kinds(report)).containsExactly("主管批示并呈报上级", "经理批示办结");
        assertThat(reload(report).getDecidedLevel()).isEqualTo(EscalationLevel.MANAGER);
    }

    @Test
    void aLeakGoesLevelByLevelToTheDirectorAndOpensABreachRecord() {
        EscalationReport report = reports.open(request(EscalationTrigger.LEAK, false), AGENT);
        ProcessInstance process = processOf(report);
        assertThat(process).hasPassed(TASK_OPEN_BREACH).isWaitingAtExactly(TASK_SUPERVISOR);
        assertThat(reports.breach(report.getId())).hasValueSatisfying(b -> assertThat(b.isHandled()).isFalse());

        complete(process, TASK_SUPERVISOR, "supervisor", Map.of(DECIDED, false, "instruction", "已要求立即更改密码"));
        complete(process, TASK_MANAGER, "manager", Map.of(DECIDED, false, "instruction", "已通知客户信息主管"));
        assertThat(candidateGroups(task(process, TASK_DIRECTOR))).containsExactly("directors");
        String card = (String) taskService.getVariableLocal(task(process, TASK_DIRECTOR).getId(), "caseSummary");
        assertThat(card).contains(report.getReportNo(), "失泄密", "已要求立即更改密码", "已通知客户信息主管");
        complete(process, TASK_DIRECTOR, "director", Map.of("instruction", "追查泄露途径,三日内报整改方案"));

        assertThat(process).hasPassedInOrder(TASK_OPEN_BREACH, TASK_SUPERVISOR, TASK_MANAGER, TASK_DIRECTOR, END_CLOSED)
                .isEnded();
        assertThat(reports.breach(report.getId())).hasValueSatisfying(b -> {
            assertThat(b.isHandled()).isTrue();
            assertThat(b.getMeasures()).contains("追查泄露途径");
            assertThat(b.getHandledBy()).isEqualTo("director");
        });
        assertThat(kinds(report)).containsExactly("主管批示并呈报上级", "经理批示并呈报上级", "总监批示办结");
    }

    @Test
    void anUrgentReportSkipsLevelsAndIsReportedAfterwardsToThem() {
        EscalationReport report = reports.open(request(EscalationTrigger.MAJOR_ERROR, true), AGENT);
        ProcessInstance process = processOf(report);
        assertThat(process).isWaitingAtExactly(TASK_DIRECTOR);
        complete(process, TASK_DIRECTOR, "director", Map.of("instruction", "同意先行退款,事后追责"));

        Task afterReport = task(process, TASK_AFTER_REPORT);
        assertThat(afterReport.getAssignee()).as("the reporter").isEqualTo("agent");
        complete(process, TASK_AFTER_REPORT, "agent", Map.of("afterReport", "因系统故障重复扣款,已获总监批准先行退款"));
        List<Task> acknowledgements = taskService.createTaskQuery().processInstanceId(process.getId())
                .taskDefinitionKey(TASK_ACKNOWLEDGE).list();
        assertThat(acknowledgements).hasSize(2);
        assertThat(acknowledgements.stream().flatMap(t -> candidateGroups(t).stream()))
                .containsExactlyInAnyOrder("supervisors", "managers");
        for (Task acknowledgement : acknowledgements) {
            String user = candidateGroups(acknowledgement).contains("supervisors") ? "supervisor" : "manager";
            taskService.claim(acknowledgement.getId(), user);
            taskService.complete(acknowledgement.getId(), Map.of("acknowledgement", "已知悉"));
        }
        assertThat(process).hasPassed(TASK_DIRECTOR, TASK_AFTER_REPORT, TASK_ACKNOWLEDGE, END_CLOSED)
                .hasNotPassed(TASK_SUPERVISOR, TASK_MANAGER).isEnded();
        assertThat(kinds(report)).containsExactly("总监批示办结", "员工事后补报", "主管知悉越级请示", "经理知悉越级请示");
        assertThat(reload(report).getAfterReport()).contains("重复扣款");
    }

    @Test
    void aSupervisorsReportFromTheTasklistGoesToTheManagerFirst() {
        identityService.setAuthentication("supervisor", List.of("supervisors"));
        Map<String, Object> form = new HashMap<>(Map.of(TRIGGER, "OUTSIDE_REMIT", "subject", "客户要求超额赔偿",
                "details", "客户要求赔偿超出主管权限", "urgent", false));
        ProcessInstance process = runtimeService.startProcessInstanceByKey(KEY, form);
        identityService.clearAuthentication();
        EscalationReport report = reports.forProcessInstance(process.getId()).orElseThrow();
        assertThat(report.getReporter()).isEqualTo("supervisor");
        assertThat(report.getReporterLevel()).isEqualTo(EscalationLevel.SUPERVISOR);
        assertThat(report.getDecidingLevel()).as("the level above the reporter").isEqualTo(EscalationLevel.MANAGER);
        assertThat(process).isWaitingAtExactly(TASK_MANAGER);
        assertThat(runtimeService.getVariables(process.getId())).doesNotContainKeys("details", "relatedCase", "urgent")
                .containsEntry("subject", "请示 · 超出本人职权范围的事项");
        complete(process, TASK_MANAGER, "manager", Map.of(DECIDED, true, "instruction", "同意按合同上限赔偿"));
        assertThat(process).hasPassed(TASK_MANAGER, END_CLOSED).hasNotPassed(TASK_SUPERVISOR).isEnded();
    }

    private static EscalationRequest request(EscalationTrigger trigger, boolean urgent) {
        return new EscalationRequest(trigger, "测试请示 " + trigger.label(), "情况说明:" + trigger.label(), null, urgent);
    }

    private EscalationReport reload(EscalationReport report) {
        return reports.find(report.getId());
    }

    private List<String> kinds(EscalationReport report) {
        return reports.instructions(report.getId()).stream()
                .map(i -> i.getLevel().label() + i.getKind().label()).toList();
    }

    private ProcessInstance processOf(EscalationReport report) {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(report.getReportNo())
                .singleResult();
    }

    private Task task(ProcessInstance process, String key) {
        return ProcessTasks.open(taskService, process, key);
    }

    private void complete(ProcessInstance process, String key, String user, Map<String, Object> form) {
        ProcessTasks.complete(taskService, process, key, user, form);
    }

    private Set<String> candidateGroups(Task task) {
        return ProcessTasks.candidateGroups(taskService, task);
    }

}
