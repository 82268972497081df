package io.kefu.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kefu.contract.process.ContractProcess;
import io.kefu.support.HttpApiTest;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** /api/contracts over real HTTP: validation, who may read and write a 秘密 contract, who may approve. */
class ContractApiTests extends HttpApiTest {

    static Map<String, Object> newProspect(String type) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("type", type);
        request.put("name", unique("加盟店"));
        request.put("tier", "B");
        request.put("contactName", "赵六");
        request.put("contactPhone", mobile());
        request.put("address", "江苏省南京市鼓楼区中山路1号");
        request.put("region", "华东");
        return request;
    }

    JsonNode start(String type) {
        Response response = as("agent").post("/api/contracts", newProspect(type));
        assertThat(response.status()).as("%s", response).isEqualTo(201);
        return response.json();
    }

    @Test
    void anAgentStartsAnOnboardingForANewProspect() {
        Response response = as("agent").post("/api/contracts", newProspect("FRANCHISEE"));

        assertThat(response.status()).isEqualTo(201);
        JsonNode contract = response.json();
        assertThat(response.headers().getLocation().getPath()).isEqualTo("/api/contracts/" + contract.path("id").asLong());
        assertThat(contract.path("contractNo").asText()).startsWith("HT");
        assertThat(contract.path("status").asText()).isEqualTo("PROSPECT");
        assertThat(contract.path("secrecyLabel").asText()).isEqualTo("秘密");
        assertThat(contract.path("customer").path("status").asText()).isEqualTo("PROSPECT");
        assertThat(contract.path("processInstanceId").asText()).isNotBlank();
        Task task = taskService.createTaskQuery().processInstanceId(contract.path("processInstanceId").asText())
                .singleResult();
        assertThat(task.getTaskDefinitionKey()).isEqualTo(ContractProcess.TASK_QUALIFICATION_REVIEW);
        // personal data masked for an agent who does not serve the customer, in full for the supervisor
        assertThat(contract.path("customer").path("contactPhone").asText()).contains("****");
        JsonNode asSupervisor = as("supervisor").get("/api/contracts/" + contract.path("id").asLong()).json();
        assertThat(asSupervisor.path("customer").path("contactPhone").asText()).doesNotContain("*");
        assertThat(asSupervisor.path("history").isArray()).isTrue();
        assertThat(asSupervisor.path("history")).isNotEmpty();
    }

    @Test
    void anExistingProspectMustBeAProspectOfTheSameType() {
        JsonNode active = registerCustomer();  // a DEALER, active
        Map<String, Object> request = new LinkedHashMap<>(Map.of("type", "DEALER", "customerCode",
                active.path("code").asText()));
        assertInvalidFields(as("agent").post("/api/contracts", request), "customerCode");
    }

    @Test
    void invalidStartNamesEachField() {
        assertInvalidFields(as("agent").post("/api/contracts", Map.of()), "type");
        assertInvalidFields(as("agent").post("/api/contracts", Map.of("type", "AGENT")), "name", "contactName",
                "contactPhone");
        Map<String, Object> badPhone = newProspect("AGENT");
        badPhone.put("contactPhone", "电话");
        assertInvalidFields(as("agent").post("/api/contracts", badPhone), "contactPhone");
        Map<String, Object> member = newProspect("MEMBER");
        assertInvalidFields(as("agent").post("/api/contracts", member), "type");
    }

    @Test
    void searchFindsAContractByNumberTypeAndStatus() {
        JsonNode contract = start("AGENT");
        String no = contract.path("contractNo").asText();
        JsonNode page = as("supervisor").get("/api/contracts?contractNo=" + no + "&type=AGENT&status=PROSPECT").json();
        assertThat(page.path("content")).hasSize(1);
        assertThat(page.path("content").get(0).path("id").asLong()).isEqualTo(contract.path("id").asLong());
        JsonNode none = as("supervisor").get("/api/contracts?contractNo=" + no + "&status=ACTIVE").json();
        assertThat(none.path("content")).isEmpty();
        JsonNode byCustomer = as("agent").get("/api/contracts?customerCode="
                + contract.path("customer").path("code").asText()).json();
        assertThat(byCustomer.path("content")).hasSize(1);
    }

    @Test
    void anAgentCannotApproveAContract() {
        JsonNode contract = start("DEALER");
        String pid = contract.path("processInstanceId").asText();
        long id = contract.path("id").asLong();
        // drive it to the manager's approval
        ContractService contracts = contractService;
        Task qualification = taskService.createTaskQuery().processInstanceId(pid).singleResult();
        taskService.complete(qualification.getId(), Map.of("documentsChecked", true, "checkMethod", "THIRD_PARTY",
                "ndaSigned", true, "evaluationReport", "第三方评估良好", "qualified", true));
        Task draft = taskService.createTaskQuery().processInstanceId(pid).singleResult();
        taskService.setAssignee(draft.getId(), "agent");
        taskService.complete(draft.getId(), Map.of("partyCompany", "公司", "partyCustomer", "乙方", "territory", "南京市",
                "termStart", LocalDate.now().toString(), "termEnd", LocalDate.now().plusYears(1).toString()));
        Task review = taskService.createTaskQuery().processInstanceId(pid).singleResult();
        taskService.setAssignee(review.getId(), "supervisor");
        taskService.complete(review.getId(), Map.of("reviewPassed", true, "reviewNote", "可以"));
        Task approval = taskService.createTaskQuery().processInstanceId(pid).singleResult();
        assertThat(approval.getTaskDefinitionKey()).isEqualTo(ContractProcess.TASK_APPROVE_CONTRACT);

        assertProblem(as("agent").post("/api/tasks/" + approval.getId() + "/complete",
                Map.of("approved", true, "approvalNote", "我批")), 403);
        assertThat(as("agent").post("/engine-rest/task/" + approval.getId() + "/claim", Map.of("userId", "agent"))
                .status()).isEqualTo(403);
        assertThat(contracts.find(id).getStatus()).isEqualTo(ContractStatus.DRAFTED);

        as("manager").post("/api/tasks/" + approval.getId() + "/complete", Map.of("approved", true, "approvalNote", "同意"));
        assertThat(contracts.find(id).getStatus()).isEqualTo(ContractStatus.APPROVED);
        assertThat(contracts.find(id).getApprovedBy()).isEqualTo("manager");
    }

    @Test
    void anAuditorReadsContractsButNeverWrites() {
        JsonNode contract = start("AGENT");
        long id = contract.path("id").asLong();
        assertThat(as("auditor").get("/api/contracts/" + id).status()).isEqualTo(200);
        assertThat(as("auditor").get("/api/contracts?contractNo=" + contract.path("contractNo").asText()).status())
                .isEqualTo(200);
        assertProblem(as("auditor").post("/api/contracts", newProspect("AGENT")), 403);
        assertProblem(as("auditor").post("/api/contracts/" + id + "/termination",
                Map.of("requestedBy", "COMPANY", "reason", "审计")), 403);
    }

    @Test
    void departmentsCannotSeeContracts() {
        JsonNode contract = start("AGENT");
        assertProblem(as("tech").get("/api/contracts/" + contract.path("id").asLong()), 403);
        assertProblem(as("tech").get("/api/contracts"), 403);
        assertProblem(as("tech").post("/api/contracts", newProspect("AGENT")), 403);
    }

    @Test
    void terminationNeedsAReasonAndAnActiveContract() {
        JsonNode contract = start("AGENT");
        long id = contract.path("id").asLong();
        assertInvalidFields(as("supervisor").post("/api/contracts/" + id + "/termination", Map.of()),
                "requestedBy", "reason");
        assertProblem(as("supervisor").post("/api/contracts/" + id + "/termination",
                Map.of("requestedBy", "COMPANY", "reason", "信用下滑")), 409);
        assertProblem(as("supervisor").post("/api/contracts/999999999/termination",
                Map.of("requestedBy", "COMPANY", "reason", "信用下滑")), 404);
        assertProblem(as("supervisor").get("/api/contracts/999999999"), 404);
    }

    @Test
    void onlyTheCustomersSpecialistSupervisorsAndManagersAskForATermination() {
        JsonNode contract = start("AGENT");
        long id = contract.path("id").asLong();
        Map<String, String> terminate = Map.of("requestedBy", "COMPANY", "reason", "信用下滑");

        assertProblem(as("agent").post("/api/contracts/" + id + "/termination", terminate), 403);
        assertProblem(as("tech").post("/api/contracts/" + id + "/termination", terminate), 403);
        assertThat(contractService.find(id).getTerminationProcessId()).isNull();
        // a supervisor passes the check and is told why this one cannot end yet
        assertProblem(as("supervisor").post("/api/contracts/" + id + "/termination", terminate), 409);
    }

    @Autowired
    ContractService contractService;
}
