package io.kefu.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kefu.support.HttpApiTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

        Response response = as("auditor").get("/api/cases/" + caseNo + "/timeline");

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
        assertThat(csv.body()).contains("时间,来源,类型,人员,事件,详情,流程节点").contains("完成任务: 投诉判断");
        JsonNode after = as("auditor").get("/api/cases/" + caseNo + "/timeline").json();
        assertThat(after.path("entries")).anySatisfy(e -> {
            assertThat(e.path("kind").asText()).isEqualTo("EXPORT");
            assertThat(e.path("actor").asText()).isEqualTo("auditor");
        });
    }

    @Test
    void supervisorsReadingACustomerUnmaskedAreLoggedAndMaskedReadsAreNot() {
        JsonNode customer = registerCustomer();
        JsonNode complaint = closedComplaint(customer);
        String caseNo = complaint.path("caseNo").asText();
        long before = accessEntries(caseNo, "supervisor");

        as("supervisor").get("/api/customers/" + customer.path("id").asLong());
        as("agent2").get("/api/customers/" + customer.path("id").asLong());

        assertThat(accessEntries(caseNo, "supervisor")).isEqualTo(before + 1);
        assertThat(accessEntries(caseNo, "agent2")).isZero();
    }

    private long accessEntries(String caseNo, String user) {
        JsonNode timeline = as("auditor").get("/api/cases/" + caseNo + "/timeline").json();
        long n = 0;
        for (JsonNode e : timeline.path("entries")) {
            if (e.path("kind").asText().equals("READ_PERSONAL_DATA") && e.path("actor").asText().equals(user)) {
                n++;
            }
        }
        return n;
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
