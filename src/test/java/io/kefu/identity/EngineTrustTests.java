package io.kefu.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kefu.support.HttpApiTest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What a hostile logged-in user tries through the engine REST API: rewriting the variables that bind a task to its
 * case, smuggling undeclared fields into a form submission, locking other people out with wrong passwords.
 */
class EngineTrustTests extends HttpApiTest {

    @Autowired
    RepositoryService repositoryService;

    @Test
    void anAssigneeCannotWriteTheirTasksVariables() {
        JsonNode own = fileComplaint("agent", registerCustomer().path("code").asText());
        JsonNode foreign = fileComplaint("agent2", registerCustomer().path("code").asText());
        Task task = assessmentTask(own);

        for (String variable : new String[] {"complaintId", "ownerId", "recusedUser"}) {
            Response put = as("agent").put("/engine-rest/task/" + task.getId() + "/variables/" + variable,
                    Map.of("value", variable.equals("complaintId") ? foreign.path("id").asLong() : "agent2",
                            "type", variable.equals("complaintId") ? "Long" : "String"),
                    new org.springframework.http.HttpHeaders());
            assertThat(put.status()).as("PUT %s: %s", variable, put).isEqualTo(403);
        }
        Response modify = as("agent").post("/engine-rest/task/" + task.getId() + "/variables",
                Map.of("modifications", Map.of("complaintId", Map.of("value", foreign.path("id").asLong()))));
        assertThat(modify.status()).as("%s", modify).isEqualTo(403);

        assertThat(((Number) taskService.getVariable(task.getId(), "complaintId")).longValue())
                .isEqualTo(own.path("id").asLong());
    }

    @Test
    void aFormSubmissionWithFieldsTheFormDoesNotDeclareIsRefusedAndChangesNothing() {
        JsonNode own = fileComplaint("agent", registerCustomer().path("code").asText());
        JsonNode foreign = fileComplaint("agent2", registerCustomer().path("code").asText());
        Task task = assessmentTask(own);

        Map<String, Object> variables = new LinkedHashMap<>();
        invalidAssessment().forEach((name, value) -> variables.put(name, Map.of("value", value)));
        variables.put("complaintId", Map.of("value", foreign.path("id").asLong(), "type", "Long"));
        variables.put("ownerId", Map.of("value", "agent2"));

        for (String action : new String[] {"submit-form", "complete"}) {
            Response submit = as("agent").post("/engine-rest/task/" + task.getId() + "/" + action,
                    Map.of("variables", variables));
            assertThat(submit.status()).as("%s: %s", action, submit).isEqualTo(400);
            assertThat(submit.json().path("message").asText()).contains("complaintId").contains("ownerId")
                    .doesNotContain("complaintValid");
        }

        assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult()).isNotNull();
        assertThat(as("supervisor").get("/api/complaints/" + foreign.path("id").asLong()).json().path("status")
                .asText()).isEqualTo("REGISTERED");
        assertThat(as("supervisor").get("/api/complaints/" + own.path("id").asLong()).json().path("status")
                .asText()).isEqualTo("REGISTERED");

        // the declared fields alone go through as before
        Map<String, Object> declared = new LinkedHashMap<>(variables);
        declared.remove("complaintId");
        declared.remove("ownerId");
        Response submit = as("agent").post("/engine-rest/task/" + task.getId() + "/submit-form",
                Map.of("variables", declared));
        assertThat(submit.status()).as("%s", submit).isEqualTo(204);
    }

    @Test
    void aStartFormWithUndeclaredFieldsIsRefused() {
        long before = historicComplaintProcesses();
        Response start = as("agent").post("/engine-rest/process-definition/key/complaint-handling/submit-form",
                Map.of("variables", Map.of("ownerId", Map.of("value", "agent2"),
                        "recusedUser", Map.of("value", "supervisor"))));

        assertThat(start.status()).as("%s", start).isEqualTo(400);
        assertThat(start.json().path("message").asText()).contains("ownerId").contains("recusedUser");
        assertThat(historicComplaintProcesses()).isEqualTo(before);
    }

    /** Tasklist starts a case through the definition's id, not its key: the same rule holds there. */
    @Test
    void aStartFormSubmittedByDefinitionIdAsTasklistDoesStartsTheCaseWithItsDeclaredFieldsOnly() {
        String definitionId = repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey("complaint-handling").latestVersion().singleResult().getId();
        String path = "/engine-rest/process-definition/" + definitionId + "/submit-form";
        long before = historicComplaintProcesses();

        Response smuggled = as("agent").post(path, Map.of("variables", Map.of("ownerId", Map.of("value", "agent2"))));
        assertThat(smuggled.status()).as("%s", smuggled).isEqualTo(400);
        assertThat(historicComplaintProcesses()).isEqualTo(before);

        Map<String, Object> declared = new LinkedHashMap<>();
        complaintRequest(registerCustomer().path("code").asText())
                .forEach((name, value) -> declared.put(name, Map.of("value", value)));
        Response started = as("agent").post(path, Map.of("variables", declared));
        assertThat(started.status()).as("%s", started).isEqualTo(200);
        assertThat(historicComplaintProcesses()).isEqualTo(before + 1);
    }

    @Test
    void wrongPasswordsSlowLoginsDownButNeverLockAnAccountForGood() {
        String id = unique("lockout").replace("-", "");
        User user = identityService.newUser(id);
        user.setPassword("right-" + id);
        identityService.saveUser(user);
        try {
            long now = System.currentTimeMillis();
            for (int attempt = 1; attempt <= 15; attempt++) {
                assertThat(identityService.checkPassword(id, "wrong")).isFalse();
                // each failure delays the next login (at most a minute); wait it out on the engine clock
                now += 61_000;
                ClockUtil.setCurrentTime(new java.util.Date(now));
            }
            assertThat(identityService.checkPassword(id, "right-" + id))
                    .as("the right password after 15 failures, once the delay has passed").isTrue();
        } finally {
            ClockUtil.reset();
            identityService.deleteUser(id);
        }
    }
}
