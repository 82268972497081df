package io.kefu.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kefu.support.HttpApiTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/** Camunda's engine REST API ({@code /engine-rest}) logs in against the same users and applies Camunda's authorizations. */
class EngineRestAuthorizationTests extends HttpApiTest {

    @Test
    void theAssigneeSeesTheirTaskButAnotherAgentDoesNot() {
        JsonNode complaint = fileComplaint("agent", registerCustomer().path("code").asText());
        Task task = assessmentTask(complaint);
        String query = "/engine-rest/task?processInstanceId=" + task.getProcessInstanceId();

        Response asAgent = as("agent").get(query);
        assertThat(asAgent.status()).as("%s", asAgent).isEqualTo(200);
        assertThat(taskIds(asAgent.json())).containsExactly(task.getId());
        assertThat(taskIds(as("agent").get("/engine-rest/task?assignee=agent&maxResults=1000").json()))
                .contains(task.getId());

        Response asAgent2 = as("agent2").get(query);
        assertThat(asAgent2.status()).as("%s", asAgent2).isEqualTo(200);
        assertThat(taskIds(asAgent2.json())).isEmpty();
        assertThat(taskIds(as("agent2").get("/engine-rest/task?maxResults=1000").json())).doesNotContain(task.getId());
        assertThat(as("agent2").get("/engine-rest/task/" + task.getId()).status()).isIn(403, 404);
    }

    @Test
    void auditorsReadTasksButCannotCompleteThem() {
        JsonNode complaint = fileComplaint("agent", registerCustomer().path("code").asText());
        Task task = assessmentTask(complaint);

        Response read = as("auditor").get("/engine-rest/task?processInstanceId=" + task.getProcessInstanceId());
        assertThat(read.status()).as("%s", read).isEqualTo(200);
        assertThat(taskIds(read.json())).containsExactly(task.getId());

        Response complete = as("auditor").post("/engine-rest/task/" + task.getId() + "/complete",
                Map.of("variables", Map.of("complaintValid", Map.of("value", false))));

        assertThat(complete.status()).as("%s", complete).isEqualTo(403);
        assertNoEngineStackTrace(complete);
        assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult()).isNotNull();
        assertThat(as("supervisor").get("/api/complaints/" + complaint.path("id").asLong()).json().path("status")
                .asText()).isEqualTo("REGISTERED");
    }

    @Test
    void anotherAgentCannotCompleteTheTaskThroughTheEngineRestApi() {
        JsonNode complaint = fileComplaint("agent", registerCustomer().path("code").asText());
        Task task = assessmentTask(complaint);

        Response complete = as("agent2").post("/engine-rest/task/" + task.getId() + "/complete",
                Map.of("variables", Map.of("complaintValid", Map.of("value", false))));

        assertThat(complete.status()).as("%s", complete).isEqualTo(403);
        assertNoEngineStackTrace(complete);
        assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult()).isNotNull();
    }

    @Test
    void theEngineRestApiAnswers401WithoutOrWithWrongCredentials() {
        assertThat(anonymous().get("/engine-rest/task").status()).isEqualTo(401);
        assertThat(withPassword(GUESSED_USER, "wrong").get("/engine-rest/task").status()).isEqualTo(401);
        assertThat(withPassword(GUESSED_USER, "").get("/engine-rest/task").status()).isEqualTo(401);
        assertThat(withPassword("nobody", "nobody").get("/engine-rest/task").status()).isEqualTo(401);
    }

    /**
     * Camunda's engine REST API names the exception type in its error body ({@code "type": "AuthorizationException"},
     * its documented error format); what it must never send is a stack trace.
     */
    private static void assertNoEngineStackTrace(Response response) {
        assertThat(response.body()).as("%s", response)
                .doesNotContain("at io.kefu", "at org.", "at java.", "\tat ", ".java:", "stackTrace");
    }

    private static List<String> taskIds(JsonNode tasks) {
        assertThat(tasks.isArray()).as("a list: %s", tasks).isTrue();
        List<String> ids = new ArrayList<>();
        tasks.forEach(t -> ids.add(t.path("id").asText()));
        return ids;
    }
}
