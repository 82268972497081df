package io.kefu.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kefu.support.HttpApiTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

class CaseTimelineApiTests extends HttpApiTest {

    private static final String TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();

    /** A complaint filed by {@code agent} and judged invalid: the process runs to its end at once. */
    private JsonNode closedComplaint(JsonNode customer) {
        JsonNode complaint = fileComplaint("agent", customer.path("code").asText());
        Task task = assessmentTask(complaint);
        Response done = as("agent").post("/api/tasks/" + task.getId() + "/complete", invalidAssessment());
        assertThat(done.status()).as("%s", done).isEqualTo(200);
        return complaint;
    }

    private static List<String> kinds(JsonNode timeline) {
        List<String> kinds = new ArrayList<>();
        timeline.path("entries").forEach(e -> kinds.add(e.path("kind").asText()));
        return kinds;
    }

    @Test
    void auditorSeesEveryStepOfAClosedComplaintWithWhoAndWhenInOrder() {
        JsonNode customer = registerCustomer();
        JsonNode complaint = closedComplaint(customer);
        String caseNo = complaint.path("caseNo").asText();

        Response response = as("auditor").get("/api/cases/" + caseNo + "/timeline?all=true");

        assertThat(response.status()).as("%s", response).isEqualTo(200);
        JsonNode timeline = response.json();
        assertThat(timeline.path("caseKey").asText()).isEqualTo(caseNo);
        assertThat(timeline.path("customerId").asLong()).isEqualTo(customer.path("id").asLong());
        assertThat(kinds(timeline)).contains("PROCESS_STARTED", "ACTIVITY_ENTERED", "TASK_CREATED",
                "OPERATION_COMPLETE", "RECORD_CREATED", "FIELD_CHANGED", "READ_PERSONAL_DATA", "PROCESS_ENDED");
        List<Instant> times = new ArrayList<>();
        timeline.path("entries").forEach(e -> times.add(Instant.parse(e.path("at").asText())));
        assertThat(times).isSorted();
        // who completed the assessment, and who changed the status field
        assertThat(timeline.path("entries")).anySatisfy(e -> {
            assertThat(e.path("kind").asText()).isEqualTo("OPERATION_COMPLETE");
            assertThat(e.path("actor").asText()).isEqualTo("agent");
            assertThat(e.path("summary").asText()).contains("投诉判断");
        });
        assertThat(timeline.path("entries")).anySatisfy(e -> {
            assertThat(e.path("kind").asText()).isEqualTo("FIELD_CHANGED");
            assertThat(e.path("summary").asText()).isEqualTo("修改 状态");
            assertThat(e.path("actor").asText()).isEqualTo("agent");
            assertThat(e.path("detail").asText()).contains("不成立已答复");
        });
        // the filing agent read the complainant's contact unmasked: that read is on the timeline
        assertThat(timeline.path("entries")).anySatisfy(e -> {
            assertThat(e.path("source").asText()).isEqualTo("ACCESS");
            assertThat(e.path("actor").asText()).isEqualTo("agent");
        });
        // personal data never appears in the record part, not even for the creation
        assertThat(response.body()).doesNotContain("13912345678");
    }

    @Test
    void aContractCaseShowsItsRecordOnTheTimelineAndOnTheCustomerPage() {
        Map<String, Object> prospect = new LinkedHashMap<>(Map.of("type", "FRANCHISEE", "name", unique("加盟店"),
                "tier", "B", "contactName", "赵六", "contactPhone", mobile(), "address", "江苏省南京市鼓楼区中山路1号",
                "region", "华东"));
        Response started = as("agent").post("/api/contracts", prospect);
        assertThat(started.status()).as("%s", started).isEqualTo(201);
        String contractNo = started.json().path("contractNo").asText();
        long customerId = started.json().path("customer").path("id").asLong();

        JsonNode timeline = as("auditor").get("/api/cases/" + contractNo + "/timeline").json();
        JsonNode cases = as("auditor").get("/api/cases?customer=" + customerId).json();
        Response page = as("auditor").get("/console/customers/" + customerId);

        assertThat(timeline.path("customerId").asLong()).isEqualTo(customerId);
        assertThat(kinds(timeline)).contains("PROCESS_STARTED", "RECORD_CREATED", "TASK_CREATED");
        assertThat(timeline.path("entries")).anySatisfy(e -> assertThat(e.path("summary").asText()).isEqualTo("创建合同记录"));
        assertThat(keys(cases)).containsExactly(contractNo);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<h2>合同</h2>").contains(contractNo);
    }

    @Test
    void aCaseIsFoundByItsProcessInstanceIdToo() {
        JsonNode complaint = closedComplaint(registerCustomer());

        Response response = as("auditor").get("/api/cases/" + complaint.path("processInstanceId").asText() + "/timeline");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("caseKey").asText()).isEqualTo(complaint.path("caseNo").asText());
    }

    @Test
    void theDiagramComesWithTheStepsTheCaseTook() {
        JsonNode complaint = closedComplaint(registerCustomer());

        JsonNode diagram = as("auditor").get("/api/cases/" + complaint.path("caseNo").asText() + "/diagram").json();

        assertThat(diagram.path("bpmnXml").asText()).contains("<bpmn:process id=\"complaint-handling\"");
        List<String> executed = new ArrayList<>();
        diagram.path("executed").forEach(a -> executed.add(a.asText()));
        assertThat(executed).contains("Task_AssessValidity", "End_ComplaintRejected").doesNotContain("Task_InvestigateComplaint");
        assertThat(diagram.path("active")).isEmpty();
    }

    @Test
    void theTimelineExportsAsCsvThatExcelReadsAndTheExportIsLogged() {
        JsonNode complaint = closedComplaint(registerCustomer());
        String caseNo = complaint.path("caseNo").asText();

        Response csv = as("auditor").get("/api/cases/" + caseNo + "/timeline.csv");

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType().toString()).startsWith("text/csv");
        assertThat(csv.headers().getContentDisposition().getFilename()).isEqualTo("timeline-" + caseNo + ".csv");
        byte[] bytes = csv.body().getBytes(StandardCharsets.UTF_8);
        assertThat(new String(bytes, 0, 3, StandardCharsets.UTF_8)).isEqualTo("\uFEFF");
        assertThat(csv.body()).contains("时间,轮次,来源,类型,人员,事件,详情,详情(代码),流程节点,技术步骤")
                .contains("完成任务: 投诉判断");
        JsonNode after = as("auditor").get("/api/cases/" + caseNo + "/timeline").json();
        assertThat(after.path("entries")).anySatisfy(e -> {
            assertThat(e.path("kind").asText()).isEqualTo("EXPORT");
            assertThat(e.path("actor").asText()).isEqualTo("auditor");
        });
    }

    @Test
    void readsOfTheCustomerGoToTheCustomersListAndNotToTheTimelineOfACase() {
        JsonNode customer = registerCustomer();
        long customerId = customer.path("id").asLong();
        JsonNode earlier = closedComplaint(customer);
        as("supervisor").get("/api/complaints/" + earlier.path("id").asLong()); // a read of the earlier case
        as("supervisor").get("/api/customers/" + customerId);                  // a read of the customer itself
        as("agent2").get("/api/customers/" + customerId);                      // masked: not a read of personal data
        JsonNode fresh = fileComplaint("agent", customer.path("code").asText());

        JsonNode timeline = as("auditor").get("/api/cases/" + fresh.path("caseNo").asText() + "/timeline").json();
        Response list = as("auditor").get("/api/customers/" + customerId + "/access-log");

        // the new case's timeline holds only its own reads: none of the earlier case's, none of the customer's
        assertThat(timeline.path("entries")).noneSatisfy(e -> assertThat(e.path("actor").asText()).isEqualTo("supervisor"));
        assertThat(timeline.path("entries")).filteredOn(e -> e.path("source").asText().equals("ACCESS"))
                .allSatisfy(e -> assertThat(e.path("summary").asText()).doesNotContain(earlier.path("caseNo").asText()));
        assertThat(list.status()).as("%s", list).isEqualTo(200);
        List<String> reads = new ArrayList<>();
        list.json().path("content").forEach(a -> reads.add(a.path("username").asText() + " " + a.path("caseKey").asText("")));
        assertThat(reads).contains("supervisor " + earlier.path("caseNo").asText(), "supervisor ")
                .doesNotContain("agent2 ");
        assertThat(list.json().path("content").get(0).path("actionLabel").asText()).isNotBlank();
        // the earlier case's own timeline still shows its read
        JsonNode earlierTimeline = as("auditor").get("/api/cases/" + earlier.path("caseNo").asText() + "/timeline").json();
        assertThat(earlierTimeline.path("entries")).anySatisfy(e -> {
            assertThat(e.path("source").asText()).isEqualTo("ACCESS");
            assertThat(e.path("actor").asText()).isEqualTo("supervisor");
        });
        // the list is for those who oversee every case
        assertProblem(as("agent").get("/api/customers/" + customerId + "/access-log"), 403);
        assertProblem(as("auditor").get("/api/customers/99999999/access-log"), 404);
    }

    /** When the current step happens, when the engine clock is held (null: real time). */
    private Instant stepAt;

    /**
     * Claims the case's open task unless it is the user's already, then submits the form, as Tasklist would. On a held
     * clock each step is a minute after the last, so all that one step causes happens at the same instant.
     */
    @Override
    protected void work(JsonNode complaint, String taskKey, String user, Map<String, Object> form) {
        if (stepAt != null) {
            stepAt = stepAt.plusSeconds(60);
            ClockUtil.setCurrentTime(Date.from(stepAt));
        }
        super.work(complaint, taskKey, user, form);
    }

    /**
     * A valid complaint resolved by the technical department, visited, found unsatisfying and reopened; each step at an
     * instant of its own (as the demo history does), in the last hour.
     */
    private JsonNode reopenedComplaint() {
        String customerCode = registerCustomer().path("code").asText();
        stepAt = Instant.now().minusSeconds(3600).truncatedTo(ChronoUnit.SECONDS);
        ClockUtil.setCurrentTime(Date.from(stepAt));
        try {
            return walkUntilReopened(fileComplaint("agent", customerCode));
        } finally {
            stepAt = null;
            ClockUtil.reset();
        }
    }

    private JsonNode walkUntilReopened(JsonNode complaint) {
        work(complaint, "Task_AssessValidity", "agent", Map.of("complaintValid", true,
                "validityReason", "客户所述属实", "department", "tech", "causeType", "PROCESS"));
        work(complaint, "Task_InvestigateComplaint", "tech", Map.of("findings", "出库复核缺失",
                "responsiblePerson", "仓储二组"));
        work(complaint, "Task_ProposeSolutions", "tech", Map.of("solutionOption1", "补发并致歉",
                "solutionOption2", "退款", "solutionOption3", "书面说明"));
        work(complaint, "Task_SelectSolution", "supervisor", Map.of("solutionDecision", "OPTION_1",
                "leaderInstruction", "同意方案一"));
        work(complaint, "Task_ImplementSolution", "tech", Map.of("implementationNotes", "已补发", "penalties", "无"));
        work(complaint, "Task_ConfirmWithCustomer", "agent", Map.of("customerAccepted", true,
                "acceptanceMethod", "SIGNATURE", "acceptanceReference", "签收单 001"));
        work(complaint, "Task_ReturnVisit", "agent", Map.of("satisfaction", "DISSATISFIED",
                "visitRemarks", "问题再次出现"));
        return complaint;
    }

    @Test
    void theTimelineOfAReopenedComplaintReadsAsAStoryWithTheFormsLabelsAndNoEngineIds() {
        JsonNode complaint = reopenedComplaint();
        String caseNo = complaint.path("caseNo").asText();

        Response response = as("auditor").get("/api/cases/" + caseNo + "/timeline");
        JsonNode all = as("auditor").get("/api/cases/" + caseNo + "/timeline?all=true").json();

        assertThat(response.status()).isEqualTo(200);
        JsonNode timeline = response.json();
        Map<String, String> changed = new LinkedHashMap<>();
        timeline.path("entries").forEach(e -> {
            if (e.path("kind").asText().equals("FIELD_CHANGED")) {
                changed.put("[" + e.path("round").asText("-") + "] " + e.path("summary").asText() + " "
                        + e.path("detail").asText(), e.path("code").asText(null));
            }
        });
        // coded values by the labels the forms give them, the codes kept beside them; each in the round it belongs to
        assertThat(changed).containsEntry("[1] 修改 责任部门 — → 技术部", "— → tech")
                .containsEntry("[1] 修改 原因类型 — → 流程制度问题", "— → PROCESS")
                .containsEntry("[1] 修改 确认方式 — → 客户签字", "— → SIGNATURE")
                .containsEntry("[1] 修改 采用方案 — → 采用方案一", "— → 1")
                .containsKey("[1] 修改 满意度 — → 不满意");
        // the rounds: the intake before the first round, then round 1 up to the 不满意 visit, then round 2
        List<String> rounds = new ArrayList<>();
        timeline.path("entries").forEach(e -> rounds.add(e.path("round").asText("-") + " " + e.path("summary").asText()));
        assertThat(rounds).contains("1 创建第1轮处理记录", "1 完成任务: 投诉判断", "1 完成任务: 投诉回访",
                "2 创建第2轮处理记录", "2 任务创建: 经理督办不满意投诉");
        assertThat(rounds.indexOf("1 完成任务: 投诉回访")).isLessThan(rounds.indexOf("2 创建第2轮处理记录"));
        assertThat(rounds.subList(rounds.indexOf("2 创建第2轮处理记录"), rounds.size()))
                .allSatisfy(r -> assertThat(r).matches("(2|-) .*"));
        assertThat(rounds.subList(0, rounds.indexOf("1 创建第1轮处理记录")))
                .allSatisfy(r -> assertThat(r).startsWith("- "));
        assertThat(timeline.path("entries")).filteredOn(e -> e.path("source").asText().equals("ACCESS"))
                .allSatisfy(e -> assertThat(e.path("round").asText(null)).as("round").isNull());
        // what a reader sees holds no element id, no engine state, no code of a coded field
        String shown = text(timeline);
        assertThat(shown).doesNotContain("Gateway_", "StartEvent_", "End_", "Task_", "COMPLETED", "warehouse",
                "PROCESS", "SIGNATURE", "DISSATISFIED");
        // technical steps are folded by default, marked and shown on request
        assertThat(timeline.path("entries")).noneSatisfy(e -> assertThat(e.path("technical").asBoolean()).isTrue());
        assertThat(timeline.path("technical").asInt()).isPositive();
        assertThat(all.path("entries")).filteredOn(e -> e.path("technical").asBoolean())
                .hasSize(timeline.path("technical").asInt())
                .allSatisfy(e -> assertThat(e.path("summary").asText()).doesNotContain("Gateway_", "StartEvent_"));
        assertThat(all.path("entries").size()).isEqualTo(timeline.path("entries").size() + timeline.path("technical").asInt());
        // each task: created, then claimed, then completed, even within one instant (the supervisors' approval is
        // claimed; a department's steps are assigned to their handler as they are created, 指派专人)
        for (String task : List.of("展开调查", "提出处理方案", "主管领导审批方案")) {
            List<String> steps = new ArrayList<>();
            timeline.path("entries").forEach(e -> {
                String summary = e.path("summary").asText();
                if (summary.endsWith(": " + task) && (summary.startsWith("任务创建") || summary.startsWith("认领任务")
                        || summary.startsWith("完成任务"))) {
                    steps.add(summary.substring(0, 4));
                }
            });
            if (task.equals("主管领导审批方案")) {
                assertThat(steps).as("%s", task).containsExactly("任务创建", "认领任务", "完成任务");
            } else {
                // nobody claimed it: the engine assigned it to the department's handler as it was created
                assertThat(steps).as("%s", task).containsExactly("任务创建", "完成任务");
                assertThat(timeline.path("entries")).filteredOn(e -> e.path("summary").asText().equals("指派任务: " + task))
                        .isNotEmpty().allSatisfy(e -> assertThat(e.path("actor").asText()).isEqualTo("system"));
            }
        }
        List<Instant> times = new ArrayList<>();
        all.path("entries").forEach(e -> times.add(Instant.parse(e.path("at").asText())));
        assertThat(times).isSorted();
        // what the assessment changed on the record follows its completion and precedes the investigation it opened
        List<String> summaries = new ArrayList<>();
        timeline.path("entries").forEach(e -> summaries.add(e.path("summary").asText()));
        int assessed = summaries.indexOf("完成任务: 投诉判断");
        int department = summaries.indexOf("修改 责任部门");
        int investigation = summaries.indexOf("任务创建: 展开调查");
        assertThat(assessed).isNotNegative().isLessThan(department);
        assertThat(department).isLessThan(investigation);
        // the console shows the story with a switch to every step
        Response page = as("auditor").get("/console/cases/" + caseNo);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("显示全部步骤").contains("技术部").doesNotContain("Gateway_");
        assertThat(as("auditor").get("/console/cases/" + caseNo + "?all=true").body()).contains("只显示业务步骤");
    }

    @Test
    void theCsvKeepsTheLabelAndTheCode() {
        JsonNode complaint = reopenedComplaint();

        Response csv = as("auditor").get("/api/cases/" + complaint.path("caseNo").asText() + "/timeline.csv");

        assertThat(csv.body()).contains("时间,轮次,来源,类型,人员,事件,详情,详情(代码),流程节点,技术步骤")
                .contains("修改 责任部门,— → 技术部,— → tech,");
    }

    /** The words of a timeline a reader sees: summaries, details and the end state. */
    private static String text(JsonNode timeline) {
        StringBuilder sb = new StringBuilder();
        timeline.path("entries").forEach(e -> sb.append(e.path("summary").asText()).append(' ')
                .append(e.path("detail").asText("")).append('\n'));
        return sb.toString();
    }

    @Test
    void casesAreFoundByCustomerTypeParticipantStatusAndDate() {
        JsonNode customer = registerCustomer();
        String code = customer.path("code").asText();
        JsonNode closed = closedComplaint(customer);
        JsonNode open = fileComplaint("agent", code);

        JsonNode all = as("auditor").get("/api/cases?customer=" + code + "&type=complaint-handling&from=" + TODAY
                + "&to=" + TODAY + "&participant=agent").json();
        JsonNode onlyOpen = as("auditor").get("/api/cases?customer=" + code + "&status=open").json();
        JsonNode onlyClosed = as("auditor").get("/api/cases?customer=" + code + "&status=closed").json();
        JsonNode breached = as("auditor").get("/api/cases?customer=" + code + "&breach=true").json();
        JsonNode otherParticipant = as("auditor").get("/api/cases?customer=" + code + "&participant=agent2").json();

        assertThat(keys(all)).containsExactlyInAnyOrder(closed.path("caseNo").asText(), open.path("caseNo").asText());
        assertThat(keys(onlyOpen)).containsExactly(open.path("caseNo").asText());
        assertThat(keys(onlyClosed)).containsExactly(closed.path("caseNo").asText());
        assertThat(keys(breached)).isEmpty();
        assertThat(keys(otherParticipant)).isEmpty();
        assertThat(all.path("page").path("totalElements").asLong()).isEqualTo(2);
    }

    @Test
    void agentsFindTheirOwnCasesButNotOtherAgentsCases() {
        JsonNode customer = registerCustomer();
        JsonNode complaint = closedComplaint(customer);
        String caseNo = complaint.path("caseNo").asText();

        assertThat(keys(as("agent").get("/api/cases?customer=" + customer.path("code").asText()).json()))
                .containsExactly(caseNo);
        assertThat(keys(as("agent2").get("/api/cases?customer=" + customer.path("code").asText()).json())).isEmpty();
        assertThat(as("agent").get("/api/cases/" + caseNo + "/timeline").status()).isEqualTo(200);
        assertProblem(as("agent2").get("/api/cases/" + caseNo + "/timeline"), 404);
        assertProblem(as("agent2").get("/api/cases/" + caseNo + "/timeline.csv"), 404);
        assertProblem(as("agent2").get("/api/cases/" + caseNo + "/diagram"), 404);
        assertThat(as("manager").get("/api/cases/" + caseNo + "/timeline").status()).isEqualTo(200);
    }

    @Test
    void theCaseApiNeedsALoginAndNamesEveryBadSearchField() {
        assertProblem(anonymous().get("/api/cases"), 401);
        assertProblem(anonymous().get("/api/cases/TS2026-00001/timeline"), 401);
        assertInvalidFields(as("auditor").get("/api/cases?from=2026-13-01&to=yesterday&status=maybe&customer=C99999999"),
                "from", "to", "status", "customer");
        assertInvalidFields(as("auditor").get("/api/cases?from=2026-10-02&to=2026-10-01"), "to");
        assertProblem(as("auditor").get("/api/cases/NO-SUCH-CASE/timeline"), 404);
    }

    private static List<String> keys(JsonNode page) {
        List<String> keys = new ArrayList<>();
        page.path("content").forEach(c -> keys.add(c.path("businessKey").asText()));
        return keys;
    }
}
