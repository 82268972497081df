package io.kefu.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kefu.complaint.process.ComplaintProcess;
import io.kefu.support.HttpApiTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Complaints over HTTP: filing one starts its case; who may read which case; searching the case list. */
class ComplaintApiTests extends HttpApiTest {

    @Autowired
    ComplaintRepository complaints;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void resetEngineClock() {
        ClockUtil.reset();
    }

    // ---- filing ----------------------------------------------------------------------------------------------

    @Test
    void filingAComplaintRegistersItAndStartsItsCaseWithTheCallerAsOwner() {
        String customerCode = registerCustomer().path("code").asText();

        Response created = as("agent").post("/api/complaints", complaintRequest(customerCode));

        assertThat(created.status()).as("%s", created).isEqualTo(201);
        JsonNode complaint = created.json();
        long id = complaint.path("id").asLong();
        String caseNo = complaint.path("caseNo").asText();
        assertThat(caseNo).matches("TS\\d{4}-\\d{5,}")
                .isEqualTo(String.format("TS%d-%05d", yearInShanghai(complaint.path("createdAt").asText()), id));
        assertThat(complaint.path("status").asText()).isEqualTo("REGISTERED");
        assertThat(complaint.path("ownerId").asText()).isEqualTo("agent");
        assertThat(complaint.path("customerCode").asText()).isEqualTo(customerCode);
        assertThat(complaint.path("complainantPhone").asText()).as("the owner sees the complainant's phone")
                .isEqualTo("13912345678");
        assertThat(created.headers().getLocation().getPath()).isEqualTo("/api/complaints/" + id);

        ProcessInstance instance = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(ComplaintProcess.KEY).processInstanceBusinessKey(caseNo).singleResult();
        assertThat(instance).as("process instance with business key %s", caseNo).isNotNull();
        assertThat(complaint.path("processInstanceId").asText()).isEqualTo(instance.getId());
        Task assess = taskService.createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(ComplaintProcess.TASK_ASSESS_VALIDITY).singleResult();
        assertThat(assess).isNotNull();
        assertThat(assess.getAssignee()).isEqualTo("agent");

        Complaint stored = complaints.findByCaseNo(caseNo).orElseThrow();
        assertThat(stored.getOwnerId()).isEqualTo("agent");
        assertThat(stored.getProcessInstanceId()).isEqualTo(instance.getId());
    }

    @Test
    void theFiledComplaintIsAnsweredAsItIsStored() {
        String customerCode = registerCustomer().path("code").asText();

        JsonNode filed = fileComplaint("agent", customerCode);
        JsonNode stored = as("agent").get("/api/complaints/" + filed.path("id").asLong()).json();

        // classified by the process while it was filed: priority and deadlines are already there
        assertThat(filed.path("priority").asText()).isEqualTo("P3");
        assertThat(filed.path("responseDue").asText()).isNotBlank();
        assertThat(filed.path("version").asLong()).as("version").isEqualTo(stored.path("version").asLong());
        // MySQL keeps whole seconds (sendFractionalSeconds=false): compare every time (creation, rounds) to the second
        assertThat(toTheSecond(filed.toString())).isEqualTo(toTheSecond(stored.toString()));
    }

    /** Every ISO instant in a JSON text without its fraction of a second. */
    private static String toTheSecond(String json) {
        return json.replaceAll("(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2})\\.\\d+Z", "$1Z");
    }

    static Stream<Arguments> badComplaints() {
        return Stream.of(
                Arguments.of("unknown customerCode",
                        (Consumer<Map<String, Object>>) r -> r.put("customerCode", "C99999999"), "customerCode"),
                Arguments.of("blank description",
                        (Consumer<Map<String, Object>>) r -> r.put("description", "  "), "description"),
                Arguments.of("missing description",
                        (Consumer<Map<String, Object>>) r -> r.remove("description"), "description"),
                Arguments.of("bad phone",
                        (Consumer<Map<String, Object>>) r -> r.put("complainantPhone", "12ab"), "complainantPhone"),
                Arguments.of("missing channel",
                        (Consumer<Map<String, Object>>) r -> r.remove("channel"), "channel"),
                Arguments.of("unknown category",
                        (Consumer<Map<String, Object>>) r -> r.put("category", "WEATHER"), "category"),
                Arguments.of("complained employee is the caller",
                        (Consumer<Map<String, Object>>) r -> r.put("complainedEmployee", "agent"), "complainedEmployee"),
                Arguments.of("complained employee does not exist",
                        (Consumer<Map<String, Object>>) r -> r.put("complainedEmployee", "no-such-user"),
                        "complainedEmployee"));
    }

    @ParameterizedTest(name = "{0} → 400 naming {2}")
    @MethodSource("badComplaints")
    void badInputIsAnswered400NamingTheFieldAndNeitherAComplaintNorACaseIsCreated(String what,
            Consumer<Map<String, Object>> breakIt, String field) {
        Map<String, Object> request = complaintRequest(registerCustomer().path("code").asText());
        breakIt.accept(request);
        long complaintsBefore = complaints.count();
        long casesBefore = historicComplaintProcesses();

        Response response = as("agent").post("/api/complaints", request);

        assertInvalidFields(response, field);
        assertThat(complaints.count()).as("complaint rows").isEqualTo(complaintsBefore);
        assertThat(historicComplaintProcesses()).as("process instances").isEqualTo(casesBefore);
    }

    @Test
    void malformedJsonIsAnswered400AndNothingIsCreated() {
        long complaintsBefore = complaints.count();
        long casesBefore = historicComplaintProcesses();

        Response response = as("agent").post("/api/complaints", "{\"customerCode\": ");

        assertProblem(response, 400);
        assertThat(complaints.count()).isEqualTo(complaintsBefore);
        assertThat(historicComplaintProcesses()).isEqualTo(casesBefore);
    }

    @Test
    void anAuditorCannotFileAComplaint() {
        Map<String, Object> request = complaintRequest(registerCustomer().path("code").asText());
        long complaintsBefore = complaints.count();
        long casesBefore = historicComplaintProcesses();

        Response response = as("auditor").post("/api/complaints", request);

        assertThat(response.status()).as("%s", response).isEqualTo(403);
        assertNoStackTrace(response);
        assertThat(complaints.count()).isEqualTo(complaintsBefore);
        assertThat(historicComplaintProcesses()).isEqualTo(casesBefore);
    }

    @Test
    void anUnknownComplaintIsAnswered404() {
        assertProblem(as("supervisor").get("/api/complaints/987654321"), 404);
    }

    // ---- who reads which case --------------------------------------------------------------------------------

    @Test
    void anotherAgentNeitherReadsNorFindsSomeoneElsesComplaint() {
        JsonNode customer = registerCustomer();
        long id = fileComplaint("agent", customer.path("code").asText()).path("id").asLong();

        Response read = as("agent2").get("/api/complaints/" + id);
        assertProblem(read, 404);
        JsonNode notFound = as("agent2").get("/api/complaints/987654321").json();
        assertThat(read.json().path("title").asText()).as("indistinguishable from a case that does not exist")
                .isEqualTo(notFound.path("title").asText());

        assertThat(ids(as("agent2").get("/api/complaints?customerId=" + customer.path("id").asLong()).json()))
                .isEmpty();
        assertThat(ids(as("agent2").get("/api/complaints?size=100").json())).doesNotContain(id);
        assertThat(ids(as("agent2").get("/api/complaints?owner=agent&size=100").json())).doesNotContain(id);
    }

    @Test
    void supervisorsManagersAndAuditorsReadAndFindEveryComplaint() {
        JsonNode customer = registerCustomer();
        long id = fileComplaint("agent", customer.path("code").asText()).path("id").asLong();

        for (String user : List.of("agent", "supervisor", "manager", "auditor")) {
            Response read = as(user).get("/api/complaints/" + id);
            assertThat(read.status()).as("%s: %s", user, read).isEqualTo(200);
            assertThat(read.json().path("id").asLong()).isEqualTo(id);
            assertThat(ids(as(user).get("/api/complaints?customerId=" + customer.path("id").asLong()).json()))
                    .as(user).containsExactly(id);
        }
    }

    @Test
    void theComplainantsPhoneIsShownToTheOwnerAndSupervisorsButMaskedForAuditors() {
        long id = fileComplaint("agent", registerCustomer().path("code").asText()).path("id").asLong();

        assertThat(as("agent").get("/api/complaints/" + id).json().path("complainantPhone").asText())
                .isEqualTo("13912345678");
        assertThat(as("supervisor").get("/api/complaints/" + id).json().path("complainantPhone").asText())
                .isEqualTo("13912345678");
        JsonNode audited = as("auditor").get("/api/complaints/" + id).json();
        assertThat(audited.path("complainantPhone").asText()).isEqualTo("139****5678");
        assertThat(audited.path("complainantName").asText()).isEqualTo("李**");
        assertThat(audited.path("personalDataMasked").asBoolean()).isTrue();
    }

    @Test
    void theResponsibleDepartmentReadsTheCaseOnceItIsAssignedToIt() {
        JsonNode complaint = fileComplaint("agent", registerCustomer().path("code").asText());
        long id = complaint.path("id").asLong();
        assertProblem(as("tech").get("/api/complaints/" + id), 404);

        Response assessed = as("agent").post("/api/tasks/" + assessmentTask(complaint).getId() + "/complete",
                validAssessment("tech"));
        assertThat(assessed.status()).as("%s", assessed).isBetween(200, 204);

        Response read = as("tech").get("/api/complaints/" + id);
        assertThat(read.status()).as("%s", read).isEqualTo(200);
        assertThat(read.json().path("department").asText()).isEqualTo("tech");
        assertThat(read.json().path("complainantPhone").asText()).isEqualTo("139****5678");
        assertThat(ids(as("tech").get("/api/complaints?customerId=" + read.json().path("customerId").asLong()).json()))
                .containsExactly(id);
    }

    @Test
    void aReopenedComplaintShowsEachRoundWithWhoAndWhen() {
        JsonNode complaint = fileComplaint("agent", registerCustomer().path("code").asText());
        long id = complaint.path("id").asLong();
        assertThat(as("agent").get("/api/complaints/" + id).json().path("rounds"))
                .as("a new complaint is in its first round").hasSize(1);
        work(complaint, "Task_AssessValidity", "agent", validAssessment("tech"));
        work(complaint, "Task_InvestigateComplaint", "tech", Map.of("findings", "首轮调查结果"));
        work(complaint, "Task_ProposeSolutions", "tech", Map.of("solutionOption1", "首轮方案"));
        work(complaint, "Task_SelectSolution", "supervisor", Map.of("solutionDecision", "OPTION_1",
                "leaderInstruction", "首轮批示"));
        work(complaint, "Task_ImplementSolution", "tech", Map.of("implementationNotes", "首轮实施"));
        work(complaint, "Task_ConfirmWithCustomer", "agent", Map.of("customerAccepted", true,
                "acceptanceMethod", "PHONE_RECORDING"));
        work(complaint, "Task_ReturnVisit", "agent", Map.of("satisfaction", "DISSATISFIED", "visitRemarks", "仍不满意"));
        work(complaint, "Task_ReviewReopenedComplaint", "manager", Map.of("managerInstruction", "重新调查",
                "department", "tech"));
        work(complaint, "Task_InvestigateComplaint", "tech", Map.of("findings", "二轮调查结果"));

        JsonNode read = as("supervisor").get("/api/complaints/" + id).json();

        JsonNode rounds = read.path("rounds");
        assertThat(rounds).hasSize(2);
        JsonNode first = rounds.get(0);
        assertThat(first.path("number").asInt()).isEqualTo(1);
        assertThat(first.path("current").asBoolean()).isFalse();
        assertThat(first.path("findings").asText()).isEqualTo("首轮调查结果");
        assertThat(first.path("investigatedBy").asText()).isEqualTo("tech");
        assertThat(first.path("solutionOptions")).extracting(JsonNode::asText).containsExactly("首轮方案");
        assertThat(first.path("chosenOption").asInt()).isEqualTo(1);
        assertThat(first.path("decisionInstruction").asText()).isEqualTo("首轮批示");
        assertThat(first.path("decidedBy").asText()).isEqualTo("supervisor");
        assertThat(first.path("implementationNotes").asText()).isEqualTo("首轮实施");
        assertThat(first.path("acceptanceMethod").asText()).isEqualTo("PHONE_RECORDING");
        assertThat(first.path("confirmedBy").asText()).isEqualTo("agent");
        assertThat(first.path("satisfaction").asText()).isEqualTo("DISSATISFIED");
        assertThat(first.path("visitedBy").asText()).isEqualTo("agent");
        assertThat(first.path("visitedAt").asText()).isNotBlank();
        JsonNode second = rounds.get(1);
        assertThat(second.path("number").asInt()).isEqualTo(2);
        assertThat(second.path("current").asBoolean()).isTrue();
        assertThat(second.path("findings").asText()).isEqualTo("二轮调查结果");
        assertThat(second.path("solutionOptions")).isEmpty();
        assertThat(second.path("chosenOption").asText(null)).as("chosenOption").isNull();
        assertThat(second.path("implementationNotes").asText(null)).as("implementationNotes").isNull();
        // the complaint's own fields are the current round's: nothing of round 1's solution beside round 2's findings
        assertThat(read.path("findings").asText()).isEqualTo("二轮调查结果");
        assertThat(read.path("solutionOptions")).isEmpty();
        assertThat(read.path("implementationNotes").asText(null)).as("implementationNotes").isNull();
        assertThat(read.path("chosenOption").asText(null)).as("chosenOption").isNull();
    }

    /**
     * A complaint stored without any round (as a bulk load such as docs/benchmark/complaint-report.sh writes them) is
     * read, carded and worked on like any other: its first round begins when a step first writes to it.
     */
    @Test
    void aComplaintStoredWithoutARoundIsReadAndWorkedOn() {
        JsonNode complaint = fileComplaint("agent", registerCustomer().path("code").asText());
        long id = complaint.path("id").asLong();
        jdbc.update("delete from complaint_round_aud where complaint_id = ?", id);
        jdbc.update("delete from complaint_round where complaint_id = ?", id);

        Response read = as("supervisor").get("/api/complaints/" + id);

        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.json().path("rounds")).isEmpty();
        assertThat(read.json().path("findings").asText(null)).as("findings").isNull();
        assertThat(as("auditor").get("/api/cases/" + complaint.path("caseNo").asText() + "/timeline").status())
                .isEqualTo(200);
        // the next steps (their task cards show the case) write the first round
        work(complaint, "Task_AssessValidity", "agent", validAssessment("tech"));
        work(complaint, "Task_InvestigateComplaint", "tech", Map.of("findings", "补建的首轮"));
        JsonNode rounds = as("supervisor").get("/api/complaints/" + id).json().path("rounds");
        assertThat(rounds).hasSize(1);
        assertThat(rounds.get(0).path("number").asInt()).isEqualTo(1);
        assertThat(rounds.get(0).path("findings").asText()).isEqualTo("补建的首轮");
    }

    // ---- searching -------------------------------------------------------------------------------------------

    @Test
    void searchFiltersByStatusCategoryOwnerAndOpenness() {
        JsonNode customer = registerCustomer();
        String code = customer.path("code").asText();
        String scope = "/api/complaints?customerId=" + customer.path("id").asLong();

        JsonNode investigating = fileComplaint("agent", code);
        Map<String, Object> delivery = complaintRequest(code);
        delivery.put("category", "DELIVERY");
        JsonNode rejected = fileComplaint("agent", delivery);
        JsonNode byAgent2 = fileComplaint("agent2", delivery);
        JsonNode registered = fileComplaint("agent", code);
        complete("agent", investigating, validAssessment("tech"));
        complete("agent", rejected, invalidAssessment());

        assertThat(ids(as("supervisor").get(scope + "&status=INVESTIGATING").json()))
                .containsExactly(id(investigating));
        assertThat(ids(as("supervisor").get(scope + "&status=REJECTED").json())).containsExactly(id(rejected));
        assertThat(ids(as("supervisor").get(scope + "&status=REGISTERED").json()))
                .containsExactly(id(registered), id(byAgent2));
        assertThat(ids(as("supervisor").get(scope + "&category=DELIVERY").json()))
                .containsExactly(id(byAgent2), id(rejected));
        assertThat(ids(as("supervisor").get(scope + "&owner=agent2").json())).containsExactly(id(byAgent2));
        assertThat(ids(as("supervisor").get(scope + "&open=true").json()))
                .containsExactly(id(registered), id(byAgent2), id(investigating));
        assertThat(ids(as("supervisor").get(scope).json()))
                .containsExactly(id(registered), id(byAgent2), id(rejected), id(investigating));
        assertThat(ids(as("supervisor").get(scope + "&status=CLOSED").json())).isEmpty();

        // an agent's search is restricted to their own cases, whatever they ask for
        assertThat(ids(as("agent").get(scope).json()))
                .containsExactly(id(registered), id(rejected), id(investigating));
        assertThat(ids(as("agent").get(scope + "&owner=agent2").json())).isEmpty();
        assertThat(ids(as("agent2").get(scope + "&category=DELIVERY").json())).containsExactly(id(byAgent2));
    }

    @Test
    void searchFindsOverdueComplaints() {
        JsonNode customer = registerCustomer();
        String code = customer.path("code").asText();
        String scope = "/api/complaints?customerId=" + customer.path("id").asLong();
        ClockUtil.offset(-Duration.ofDays(30).toMillis());
        JsonNode late = fileComplaint("agent", code);
        ClockUtil.reset();
        JsonNode onTime = fileComplaint("agent", code);

        assertThat(ids(as("supervisor").get(scope + "&overdue=true").json())).containsExactly(id(late));
        assertThat(ids(as("supervisor").get(scope + "&overdue=false").json())).containsExactly(id(onTime));
        assertThat(as("supervisor").get("/api/complaints/" + id(late)).json().path("overdue").asBoolean()).isTrue();
        assertThat(as("supervisor").get("/api/complaints/" + id(onTime)).json().path("overdue").asBoolean())
                .isFalse();
    }

    @Test
    void searchAnswersAPageAtATimeNewestFirst() {
        JsonNode customer = registerCustomer();
        String code = customer.path("code").asText();
        String scope = "/api/complaints?customerId=" + customer.path("id").asLong();
        List<Long> filed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            filed.add(id(fileComplaint("agent", code)));
        }

        JsonNode page0 = as("manager").get(scope + "&size=2&page=0").json();
        JsonNode page1 = as("manager").get(scope + "&size=2&page=1").json();
        JsonNode page2 = as("manager").get(scope + "&size=2&page=2").json();

        assertThat(page0.path("page").path("totalElements").asLong()).isEqualTo(5);
        assertThat(page0.path("page").path("totalPages").asInt()).isEqualTo(3);
        assertThat(ids(page0)).containsExactly(filed.get(4), filed.get(3));
        assertThat(ids(page1)).containsExactly(filed.get(2), filed.get(1));
        assertThat(ids(page2)).containsExactly(filed.get(0));
        assertThat(ids(as("manager").get(scope + "&size=2&page=0&sort=id,asc").json()))
                .containsExactly(filed.get(0), filed.get(1));
    }

    @Test
    void searchWithAnUnknownStatusIsAnswered400() {
        assertInvalidFields(as("supervisor").get("/api/complaints?status=LOST"), "status");
    }

    private void complete(String user, JsonNode complaint, Map<String, Object> form) {
        Response response = as(user).post("/api/tasks/" + assessmentTask(complaint).getId() + "/complete", form);
        assertThat(response.status()).as("%s", response).isBetween(200, 204);
    }

    private static long id(JsonNode complaint) {
        return complaint.path("id").asLong();
    }

    private static List<Long> ids(JsonNode page) {
        assertThat(page.has("content")).as("a page: %s", page).isTrue();
        List<Long> ids = new ArrayList<>();
        page.path("content").forEach(c -> ids.add(c.path("id").asLong()));
        return ids;
    }

    @Test
    void aDepartmentTakesNoComplaintInAndCannotSortByTheComplainant() {
        String customerCode = registerCustomer().path("code").asText();
        long before = complaints.count();

        assertProblem(as("tech").post("/api/complaints", complaintRequest(customerCode)), 403);
        assertThat(complaints.count()).isEqualTo(before);

        for (String sort : List.of("complainantPhone", "complainantName,desc", "customer.contacts.phone")) {
            assertInvalidFields(as("tech").get("/api/complaints?sort=" + sort), "sort");
            assertInvalidFields(as("auditor").get("/api/complaints?sort=" + sort), "sort");
        }
        assertThat(as("tech").get("/api/complaints?sort=id,desc").status()).isEqualTo(200);
        assertThat(as("agent").get("/api/complaints?sort=complainantPhone").status()).isEqualTo(200);
    }
}
