package io.kefu.supervision.process;

import static io.kefu.report.ReportJson.kpis;
import static io.kefu.supervision.process.SupervisionProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.kefu.supervision.SupervisionGrade;
import io.kefu.supervision.SupervisionReport;
import io.kefu.supervision.SupervisionReportKind;
import io.kefu.supervision.SupervisionReportStatus;
import io.kefu.supervision.SupervisionService;
import io.kefu.support.HttpApiTest;
import io.kefu.support.TestUsers;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The two timer-started supervision processes, one test per path, started by their timers as in production: the
 * monthly 服务监督报告 (业务部 assesses, the general manager acknowledges) with figures that agree with the month's
 * reports, and the weekly 每周服务状况报告 given to every technical-service person.
 */
class SupervisionProcessTest extends HttpApiTest {

    @Autowired
    ProcessEngine processEngine;
    @Autowired
    ManagementService managementService;
    @Autowired
    SupervisionService service;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(processEngine);
        TestUsers.ensure(identityService, "business", "dept-business");
        TestUsers.ensure(identityService, "tech2", "dept-tech");
    }

    @AfterEach
    void tearDown() {
        // the suite shares one database: a second member of the technical department would take department steps of
        // other features' tests by balanced load (as DispatchProcessTest)
        identityService.deleteMembership("tech2", "dept-tech");
        BpmnAwareTests.reset();
    }

    @Test
    void theMonthlyReportIsAssessedByTheBusinessDepartmentAndAcknowledgedByTheManager() {
        ProcessInstance process = fire(MONTHLY_KEY);
        assertThat(process).isWaitingAtExactly(TASK_ASSESS);
        SupervisionReport report = service.forProcessInstance(process.getId()).orElseThrow();
        YearMonth lastMonth = YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(1);
        assertThat(report.getKind()).isEqualTo(SupervisionReportKind.MONTHLY);
        assertThat(report.getPeriodFrom()).isEqualTo(lastMonth.atDay(1));
        assertThat(report.getPeriodTo()).isEqualTo(lastMonth.atEndOfMonth());
        assertThat(process).hasBusinessKey(report.getReportNo());

        // the figures are the month's reports' figures
        String month = "?month=" + lastMonth;
        Map<String, String> complaints = kpis(as("manager").get("/api/reports/complaints" + month).json());
        Map<String, String> inquiries = kpis(as("manager").get("/api/reports/inquiries" + month).json());
        Map<String, String> visits = kpis(as("manager").get("/api/reports/visits" + month).json());
        Map<String, String> dispatch = kpis(as("manager").get("/api/reports/dispatch" + month).json());
        assertThat(String.valueOf(report.getComplaintsReceived())).isEqualTo(complaints.get("受理投诉数"));
        assertThat(String.valueOf(report.getComplaintsClosed())).isEqualTo(complaints.get("已结案"));
        assertThat(text(report.getResolutionOnTime())).isEqualTo(complaints.get("解决及时率"));
        assertThat(String.valueOf(report.getInquiries())).isEqualTo(inquiries.get("咨询总数"));
        assertThat(String.valueOf(report.getVisitsDone())).isEqualTo(visits.get("已回访"));
        assertThat(String.valueOf(report.getWorkOrders())).isEqualTo(dispatch.get("派工单数"));
        assertThat(text(report.getDispatchOnTime())).isEqualTo(dispatch.get("按时上门率"));

        Task assess = task(process, TASK_ASSESS);
        assertThat(candidateGroups(assess)).containsExactly("dept-business");
        String card = (String) taskService.getVariableLocal(assess.getId(), "caseSummary");
        assertThat(card).contains("服务监督报告", report.getReportNo(), "受理 " + report.getComplaintsReceived() + " 件",
                "应回访 " + report.getVisitsDue() + " 次");
        taskService.claim(assess.getId(), "business");
        assertThatThrownBy(() -> taskService.complete(assess.getId(), Map.of("acceptanceGrade", "GOOD",
                "maintenanceGrade", "A+", "assessment", "回访完成较好"))).hasMessageContaining("评定只能是");
        assertThat(service.find(report.getId()).getStatus()).isEqualTo(SupervisionReportStatus.OPEN);
        taskService.complete(assess.getId(), Map.of("acceptanceGrade", "GOOD", "maintenanceGrade", "EXCELLENT",
                "assessment", "投诉响应及时,回访完成较好", "improvements", "缩短维修上门的等待时间"));

        assertThat(process).isWaitingAtExactly(TASK_ACKNOWLEDGE);
        Task acknowledge = task(process, TASK_ACKNOWLEDGE);
        assertThat(candidateGroups(acknowledge)).containsExactly("managers");
        assertThat((String) taskService.getVariableLocal(acknowledge.getId(), "caseSummary"))
                .contains("业务部考核", "服务受理 良", "主动维护 优", "缩短维修上门");
        taskService.claim(acknowledge.getId(), "manager");
        assertThatThrownBy(() -> taskService.complete(acknowledge.getId(), Map.of("reportRead", false)))
                .hasMessageContaining("请阅读报告后确认");
        taskService.complete(acknowledge.getId(), Map.of("reportRead", true, "managerNote", "同意,下月继续跟进"));

        assertThat(process).hasPassedInOrder(TASK_COMPILE, TASK_ASSESS, TASK_ACKNOWLEDGE, END_ACKNOWLEDGED).isEnded();
        SupervisionReport done = service.find(report.getId());
        assertThat(done.getStatus()).isEqualTo(SupervisionReportStatus.DONE);
        assertThat(done.getAcceptanceGrade()).isEqualTo(SupervisionGrade.GOOD);
        assertThat(done.getMaintenanceGrade()).isEqualTo(SupervisionGrade.EXCELLENT);
        assertThat(done.getAssessedBy()).isEqualTo("business");
        assertThat(done.getAcknowledgedBy()).isEqualTo("manager");
        assertThat(done.getManagerNote()).isEqualTo("同意,下月继续跟进");
        assertThat(variableNames(process)).contains(REPORT_ID)
                .doesNotContain("assessment", "improvements", "managerNote", "acceptanceGrade");
    }

    @Test
    void everyTechnicalServicePersonGetsTheirWeeklyReportOnFriday() {
        ProcessInstance process = fire(WEEKLY_KEY);
        Set<String> technicians = identityService.createUserQuery().memberOfGroup("dept-tech").list().stream()
                .map(u -> u.getId()).collect(Collectors.toSet());
        assertThat(technicians).contains("tech", "tech2");
        List<Task> tasks = taskService.createTaskQuery().processInstanceId(process.getId()).list();
        assertThat(tasks).extracting(Task::getAssignee).containsExactlyInAnyOrderElementsOf(technicians);
        LocalDate monday = LocalDate.now(ZoneId.of("Asia/Shanghai"))
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        SupervisionReport mine = service.weeklyOf(process.getId(), "tech").orElseThrow();
        assertThat(mine.getPeriodFrom()).isEqualTo(monday);
        assertThat(mine.getPeriodTo()).isEqualTo(monday.plusDays(4));
        assertThat(mine.getOwnWorkOrders()).isNotNull();

        Task techTask = tasks.stream().filter(t -> "tech".equals(t.getAssignee())).findFirst().orElseThrow();
        assertThat((String) taskService.getVariableLocal(techTask.getId(), "caseSummary"))
                .contains("每周服务状况报告", "本人派工单", mine.getReportNo());
        assertThatThrownBy(() -> taskService.complete(techTask.getId(), Map.of("serviceStatus", " ")))
                .hasMessageContaining("请填写本周客户服务状况");
        for (Task task : tasks) {
            Map<String, Object> form = new HashMap<>();
            form.put("serviceStatus", "本周完成安装 2 单、维修 1 单,无遗留");
            form.put("customerFeedback", "客户希望周末也能上门");
            taskService.complete(task.getId(), form);
        }
        assertThat(process).hasPassed(TASK_OPEN_WEEKLY, TASK_WEEKLY_REPORT, END_WEEKLY).isEnded();
        assertThat(service.weeklyOf(process.getId())).hasSize(technicians.size())
                .allMatch(r -> r.getStatus() == SupervisionReportStatus.DONE && r.getSubmittedAt() != null);
        assertThat(service.weeklyOf(process.getId(), "tech").orElseThrow().getCustomerFeedback())
                .isEqualTo("客户希望周末也能上门");
        assertThat(variableNames(process)).doesNotContain("serviceStatus", "customerFeedback");
    }

    @Test
    void nobodyStartsTheSupervisionProcessesByHand() {
        for (String user : List.of("agent", "manager", "business", "tech")) {
            Map<String, Object> start = Map.of("variables", Map.of());
            assertThat(as(user).post("/engine-rest/process-definition/key/" + MONTHLY_KEY + "/start", start).status())
                    .as(user).isIn(403, 404);
            assertThat(as(user).post("/engine-rest/process-definition/key/" + WEEKLY_KEY + "/start", start).status())
                    .as(user).isIn(403, 404);
        }
    }

    /** Runs the process's timer start job, as the job executor does at the scheduled time. */
    private ProcessInstance fire(String key) {
        Job timer = managementService.createJobQuery().processDefinitionKey(key).timers().singleResult();
        assertThat(timer).as("timer start of %s", key).isNotNull();
        Set<String> before = runtimeService.createProcessInstanceQuery().processDefinitionKey(key).list().stream()
                .map(ProcessInstance::getId).collect(Collectors.toSet());
        managementService.executeJob(timer.getId());
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(key).list().stream()
                .filter(p -> !before.contains(p.getId())).findFirst().orElseThrow();
    }

    private Task task(ProcessInstance process, String key) {
        return taskService.createTaskQuery().processInstanceId(process.getId()).taskDefinitionKey(key).singleResult();
    }

    private Set<String> candidateGroups(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .map(IdentityLink::getGroupId).collect(Collectors.toSet());
    }

    private Set<String> variableNames(ProcessInstance process) {
        return historyService.createHistoricVariableInstanceQuery().processInstanceId(process.getId()).list().stream()
                .map(v -> v.getName()).collect(Collectors.toSet());
    }

    private static String text(BigDecimal value) {
        return value == null ? "null" : value.toPlainString();
    }
}
