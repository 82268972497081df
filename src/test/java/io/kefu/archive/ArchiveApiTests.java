package io.kefu.archive;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kefu.support.HttpApiTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * /api/archive over real HTTP: filing (archivists only), the catalogue by secrecy class and role, loans requested,
 * listed and approved only by those entitled.
 */
class ArchiveApiTests extends HttpApiTest {

    static final String ARCHIVIST = "archivist";
    static final String DIRECTOR = "director";
    /** A department employee (dept-tech). */
    static final String DEPARTMENT = "tech";

    @BeforeEach
    void archiveUsers() {
        ensure(ARCHIVIST, "archivists");
        ensure(DIRECTOR, "directors");
    }

    void ensure(String id, String group) {
        User user = identityService.createUserQuery().userId(id).singleResult();
        if (user == null) {
            user = identityService.newUser(id);
            user.setFirstName(id);
            user.setLastName("Test");
            user.setEmail(id + "@kefu.example");
        }
        user.setPassword(id);
        identityService.saveUser(user);
        if (identityService.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
            identityService.createMembership(id, group);
        }
    }

    // ---- filing ------------------------------------------------------------------------------------------------

    @Test
    void archivistFilesAnEntryAndGetsItsArchiveNumber() {
        long customerId = customer();
        Response response = as(ARCHIVIST).post("/api/archive/entries", filing(unique("合同"), "CONTRACT", "SECRET",
                customerId));

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        JsonNode entry = response.json();
        assertThat(entry.path("archiveNo").asText()).matches("DA\\d{4}-\\d{5}");
        assertThat(entry.path("status").asText()).isEqualTo("ON_FILE");
        assertThat(entry.path("secrecyLabel").asText()).isEqualTo("秘密");
        assertThat(entry.path("filedBy").asText()).isEqualTo(ARCHIVIST);
        assertThat(response.headers().getLocation()).hasPath("/api/archive/entries/" + entry.path("id").asLong());
    }

    @Test
    void filingWithBadInputNamesEachField() {
        Map<String, Object> bad = filing(" ", null, "SECRET", null);
        bad.put("location", "");
        bad.put("originals", -1);
        bad.put("copies", 0);
        assertInvalidFields(as(ARCHIVIST).post("/api/archive/entries", bad), "title", "kind", "location", "originals");
    }

    @Test
    void filingWithAnUnknownSecrecyClassIsABadRequest() {
        Map<String, Object> bad = filing(unique("合同"), "CONTRACT", "TOP_SECRET", null);
        assertProblem(as(ARCHIVIST).post("/api/archive/entries", bad), 400);
    }

    @Test
    void agentsManagersAndAuditorsDoNotFile() {
        Map<String, Object> request = filing(unique("合同"), "CONTRACT", "SECRET", null);
        assertProblem(as("agent").post("/api/archive/entries", request), 403);
        assertProblem(as("manager").post("/api/archive/entries", request), 403);
        assertProblem(as("auditor").post("/api/archive/entries", request), 403);
        assertProblem(anonymous().post("/api/archive/entries", request), 401);
    }

    // ---- who sees what -------------------------------------------------------------------------------------------

    @Test
    void classifiedEntriesAreSeenOnlyByTheArchiveManagersDirectorsAndAuditors() {
        String title = unique("机密客户资料");
        long id = fileEntry(title, "CLASSIFIED");

        for (String user : List.of(ARCHIVIST, "manager", DIRECTOR, "auditor")) {
            assertThat(as(user).get("/api/archive/entries/" + id).status()).as(user).isEqualTo(200);
            assertThat(titles(as(user).get("/api/archive/entries?title=" + title))).as(user).containsExactly(title);
        }
        for (String user : List.of("agent", "supervisor", DEPARTMENT)) {
            assertProblem(as(user).get("/api/archive/entries/" + id), 404);
            assertThat(titles(as(user).get("/api/archive/entries?title=" + title))).as(user).isEmpty();
        }
    }

    @Test
    void secretEntriesAreSeenByTheServiceCenterButNotByDepartmentsUnlessTheyBorrowedThem() {
        String title = unique("加盟合同");
        long id = fileEntry(title, "SECRET");
        String archiveNo = as(ARCHIVIST).get("/api/archive/entries/" + id).json().path("archiveNo").asText();

        for (String user : List.of("agent", "supervisor", "manager", "auditor")) {
            assertThat(titles(as(user).get("/api/archive/entries?title=" + title))).as(user).containsExactly(title);
        }
        assertProblem(as(DEPARTMENT).get("/api/archive/entries/" + id), 404);
        assertThat(titles(as(DEPARTMENT).get("/api/archive/entries?title=" + title))).isEmpty();

        // the department asks for it by number (a signed request), and sees it while the loan is open
        Response requested = as(DEPARTMENT).post("/api/archive/loans", loanRequest(archiveNo, "DEPARTMENT", "tech",
                "SQB-" + unique("T")));
        assertThat(requested.status()).as(requested.toString()).isEqualTo(201);
        assertThat(requested.json().path("status").asText()).isEqualTo("REQUESTED");
        assertThat(as(DEPARTMENT).get("/api/archive/entries/" + id).status()).isEqualTo(200);
        assertThat(titles(as(DEPARTMENT).get("/api/archive/entries?title=" + title))).containsExactly(title);
    }

    @Test
    void searchFiltersByNumberCustomerKindSecrecyStatusAndLocation() {
        long customerId = customer();
        String location = unique("档案室二-C柜");
        Map<String, Object> contract = filing(unique("合同"), "CONTRACT", "SECRET", customerId);
        contract.put("location", location);
        Map<String, Object> notice = filing(unique("公函"), "NOTICE", "ORDINARY", customerId);
        notice.put("location", location);
        JsonNode filed = as(ARCHIVIST).post("/api/archive/entries", contract).json();
        as(ARCHIVIST).post("/api/archive/entries", notice);

        JsonNode page = as("manager").get("/api/archive/entries?customerId=" + customerId + "&kind=CONTRACT").json();
        assertThat(page.path("content")).singleElement()
                .satisfies(e -> assertThat(e.path("id").asLong()).isEqualTo(filed.path("id").asLong()));
        assertThat(as("manager").get("/api/archive/entries?location=" + location + "&secrecy=ORDINARY").json()
                .path("content")).hasSize(1);
        assertThat(as("manager").get("/api/archive/entries?archiveNo=" + filed.path("archiveNo").asText()
                + "&status=ON_FILE").json().path("content")).hasSize(1);
        assertThat(as("manager").get("/api/archive/entries?customerId=" + customerId + "&size=1").json()
                .path("page").path("totalElements").asInt()).isEqualTo(2);
        assertProblem(as("manager").get("/api/archive/entries?kind=BOX"), 400);
    }

    // ---- loans ---------------------------------------------------------------------------------------------------

    @Test
    void aLoanRequestWithBadInputNamesEachField() {
        assertInvalidFields(as("agent").post("/api/archive/loans", Map.of("pieces", 0, "purpose", " ")),
                "archiveNo", "loanKind", "pieces", "purpose");
    }

    @Test
    void anAgentsLoanIsApprovedByAManagerNeverByAnAgentAndTheAgentSeesOnlyTheirOwnLoans() {
        long id = fileEntry(unique("合同"), "SECRET");
        String archiveNo = as(ARCHIVIST).get("/api/archive/entries/" + id).json().path("archiveNo").asText();
        JsonNode loan = as("agent").post("/api/archive/loans", loanRequest(archiveNo, "STAFF", null, null)).json();
        assertThat(loan.path("borrower").asText()).isEqualTo("agent");

        Task approve = taskService.createTaskQuery().processInstanceBusinessKey(loan.path("loanNo").asText())
                .singleResult();
        assertThat(approve.getTaskDefinitionKey()).isEqualTo("Task_ApproveLoan");
        // neither the borrower nor another agent may approve; the manager may
        assertProblem(as("agent").post("/api/tasks/" + approve.getId() + "/complete",
                Map.of("loanApproved", true)), 403);
        assertProblem(as("agent2").post("/api/tasks/" + approve.getId() + "/complete",
                Map.of("loanApproved", true)), 403);
        assertThat(as("manager").post("/api/tasks/" + approve.getId() + "/claim", Map.of()).status()).isIn(200, 204);
        Response approved = as("manager").post("/api/tasks/" + approve.getId() + "/complete",
                Map.of("loanApproved", true));
        assertThat(approved.status()).as(approved.toString()).isIn(200, 204);

        JsonNode own = as("agent").get("/api/archive/loans").json();
        assertThat(loanNos(own)).contains(loan.path("loanNo").asText());
        assertThat(loanNos(as("agent2").get("/api/archive/loans?borrower=agent").json()))
                .doesNotContain(loan.path("loanNo").asText());
        assertThat(loanNos(as("auditor").get("/api/archive/loans?borrower=agent").json()))
                .contains(loan.path("loanNo").asText());
        assertProblem(as("agent2").get("/api/archive/loans/" + loan.path("loanId").asLong()), 404);
        assertThat(as("agent").get("/api/archive/loans/" + loan.path("loanId").asLong()).json().path("status").asText())
                .isEqualTo("APPROVED");
    }

    @Test
    void aClassifiedFileIsRefusedAtRequestWithTheReason() {
        long id = fileEntry(unique("机密资料"), "CLASSIFIED");
        String archiveNo = as(ARCHIVIST).get("/api/archive/entries/" + id).json().path("archiveNo").asText();

        // the manager may see it, and is told at once that it is never lent out
        Response refused = as("manager").post("/api/archive/loans", loanRequest(archiveNo, "SPECIAL_EXTERNAL", null,
                null));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(201);
        assertThat(refused.json().path("status").asText()).isEqualTo("REFUSED");
        JsonNode entry = as("manager").get("/api/archive/entries/" + id).json();
        assertThat(entry.path("loans").get(0).path("status").asText()).isEqualTo("REFUSED");
        // an agent may not even learn that it exists
        assertInvalidFields(as("agent").post("/api/archive/loans", loanRequest(archiveNo, "STAFF", null, null)),
                "archiveNo");
    }

    @Test
    void auditorsReadTheRegisterButRequestNothing() {
        assertThat(as("auditor").get("/api/archive/loans?overdue=true").status()).isEqualTo(200);
        assertProblem(as("auditor").post("/api/archive/loans", loanRequest("DA2026-00001", "STAFF", null, null)), 403);
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    long customer() {
        return registerCustomer(customerRequest(unique("档案客户"), mobile())).path("id").asLong();
    }

    long fileEntry(String title, String secrecy) {
        Response response = as(ARCHIVIST).post("/api/archive/entries", filing(title, "CUSTOMER_FILE", secrecy, null));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().path("id").asLong();
    }

    static Map<String, Object> filing(String title, String kind, String secrecy, Long customerId) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("title", title);
        request.put("kind", kind);
        request.put("customerId", customerId);
        request.put("location", "档案室一-A柜-01层");
        request.put("originals", 1);
        request.put("copies", 1);
        request.put("secrecy", secrecy);
        return request;
    }

    static Map<String, Object> loanRequest(String archiveNo, String kind, String department, String signedRequestRef) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("archiveNo", archiveNo);
        request.put("loanKind", kind);
        request.put("pieces", 1);
        request.put("purpose", "核对合同条款");
        request.put("department", department);
        request.put("signedRequestRef", signedRequestRef);
        return request;
    }

    static List<String> titles(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<String> titles = new ArrayList<>();
        response.json().path("content").forEach(e -> titles.add(e.path("title").asText()));
        return titles;
    }

    static List<String> loanNos(JsonNode loans) {
        List<String> numbers = new ArrayList<>();
        loans.path("content").forEach(l -> numbers.add(l.path("loanNo").asText()));
        return numbers;
    }
}
