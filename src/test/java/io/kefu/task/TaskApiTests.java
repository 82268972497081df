package io.kefu.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kefu.complaint.process.ComplaintProcess;
import io.kefu.support.HttpApiTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/** The work list over HTTP: my tasks, and completing them with the form's values as the engine's user. */
class TaskApiTests extends HttpApiTest {

    @Test
    void theOwnerFindsTheAssessmentTaskInTheirListAndOthersDoNot() {
        JsonNode complaint = newCase();
        Task task = assessmentTask(complaint);

        Response mine = as("agent").get(NEWEST_TASKS);
        assertThat(mine.status()).as("%s", mine).isEqualTo(200);
        JsonNode listed = find(mine.json(), task.getId());
        assertThat(listed).as("task %s in %s", task.getId(), mine).isNotNull();
        assertThat(listed.path("taskKey").asText()).isEqualTo(ComplaintProcess.TASK_ASSESS_VALIDITY);
        assertThat(listed.path("assignee").asText()).isEqualTo("agent");
        assertThat(listed.path("processInstanceId").asText()).isEqualTo(complaint.path("processInstanceId").asText());
        assertThat(listed.path("businessKey").asText()).isEqualTo(complaint.path("caseNo").asText());

        for (String other : List.of("agent2", "tech", "auditor")) {
            assertThat(taskIds(as(other).get(NEWEST_TASKS).json())).as(other).doesNotContain(task.getId());
        }
    }

    @Test
    void anotherAgentCannotCompleteTheOwnersTask() {
        JsonNode complaint = newCase();
        Task task = assessmentTask(complaint);

        Response response = as("agent2").post("/api/tasks/" + task.getId() + "/complete", validAssessment("tech"));

        assertProblem(response, 403);
        assertStillOpenAndUnassessed(complaint, task);
    }

    @Test
    void aSupervisorWhoSeesTheTaskStillCannotCompleteATaskAssignedToTheOwner() {
        JsonNode complaint = newCase();
        Task task = assessmentTask(complaint);

        Response response = as("supervisor").post("/api/tasks/" + task.getId() + "/complete",
                validAssessment("tech"));

        assertProblem(response, 403);
        assertStillOpenAndUnassessed(complaint, task);
    }

    @Test
    void anAuditorCannotCompleteATask() {
        JsonNode complaint = newCase();
        Task task = assessmentTask(complaint);

        Response response = as("auditor").post("/api/tasks/" + task.getId() + "/complete", validAssessment("tech"));

        assertThat(response.status()).as("%s", response).isEqualTo(403);
        assertNoStackTrace(response);
        assertStillOpenAndUnassessed(complaint, task);
    }

    @Test
    void completingWithoutARequiredFieldIsAnswered400NamingItAndChangesNothing() {
        JsonNode complaint = newCase();
        Task task = assessmentTask(complaint);
        Map<String, Object> form = validAssessment("tech");
        form.remove("department");

        Response response = as("agent").post("/api/tasks/" + task.getId() + "/complete", form);

        assertInvalidFields(response, "department");
        assertStillOpenAndUnassessed(complaint, task);
        assertThat(runtimeService.getVariable(task.getProcessInstanceId(), "validityReason"))
                .as("nothing of the failed step is kept").isNull();
    }

    @Test
    void completingWithFieldsTheFormDoesNotDeclareIsAnswered400NamingThemAndChangesNothing() {
        JsonNode complaint = newCase();
        JsonNode other = newCase();
        Task task = assessmentTask(complaint);
        Map<String, Object> form = validAssessment("tech");
        form.put("complaintId", other.path("id").asLong());
        form.put("ownerId", "agent2");

        Response response = as("agent").post("/api/tasks/" + task.getId() + "/complete", form);

        assertInvalidFields(response, "complaintId", "ownerId");
        assertStillOpenAndUnassessed(complaint, task);
        assertThat(as("supervisor").get("/api/complaints/" + other.path("id").asLong()).json().path("status").asText())
                .isEqualTo("REGISTERED");
    }

    @Test
    void completingWithSeveralBadFieldsNamesEachOfThem() {
        JsonNode complaint = newCase();
        Task task = assessmentTask(complaint);
        Map<String, Object> form = Map.of("complaintValid", true, "department", "no-such-department");

        Response response = as("agent").post("/api/tasks/" + task.getId() + "/complete", form);

        assertInvalidFields(response, "validityReason", "department");
        assertStillOpenAndUnassessed(complaint, task);
    }

    @Test
    void completingWithoutSayingWhetherTheComplaintIsValidIsAnswered400() {
        JsonNode complaint = newCase();
        Task task = assessmentTask(complaint);

        Response response = as("agent").post("/api/tasks/" + task.getId() + "/complete",
                Map.of("validityReason", "?"));

        assertInvalidFields(response, "complaintValid");
        assertStillOpenAndUnassessed(complaint, task);
    }

    @Test
    void theOwnerCompletesTheAssessmentAndTheCaseMovesOnToTheDepartment() {
        JsonNode complaint = newCase();
        Task task = assessmentTask(complaint);

        Response response = as("agent").post("/api/tasks/" + task.getId() + "/complete", validAssessment("tech"));

        assertThat(response.status()).as("%s", response).isIn(200, 204);
        assertThat(response.body()).isEmpty();
        assertThat(openTask(complaint, ComplaintProcess.TASK_ASSESS_VALIDITY)).isNull();
        assertThat(openTask(complaint, ComplaintProcess.TASK_INVESTIGATE)).isNotNull();
        JsonNode assessed = as("agent").get("/api/complaints/" + complaint.path("id").asLong()).json();
        assertThat(assessed.path("status").asText()).isEqualTo("INVESTIGATING");
        assertThat(assessed.path("valid").asBoolean()).isTrue();
        assertThat(assessed.path("department").asText()).isEqualTo("tech");
        assertThat(assessed.path("validityReason").asText()).isEqualTo("货物确有破损,照片为证");
        assertThat(taskIds(as("agent").get(NEWEST_TASKS).json())).doesNotContain(task.getId());
    }

    @Test
    void completingATaskThatIsAlreadyCompletedIsAnswered409() {
        JsonNode complaint = newCase();
        Task task = assessmentTask(complaint);
        Response first = as("agent").post("/api/tasks/" + task.getId() + "/complete", invalidAssessment());
        assertThat(first.status()).as("%s", first).isIn(200, 204);
        assertThat(as("agent").get("/api/complaints/" + complaint.path("id").asLong()).json().path("status").asText())
                .isEqualTo("REJECTED");

        Response again = as("agent").post("/api/tasks/" + task.getId() + "/complete", invalidAssessment());

        assertProblem(again, 409);
    }

    @Test
    void anUnknownTaskIsAnswered404() {
        assertProblem(as("agent").post("/api/tasks/no-such-task/complete", Map.of()), 404);
        assertProblem(as("agent").post("/api/tasks/no-such-task/claim", null), 404);
    }

    @Test
    void malformedJsonForATaskIsAnswered400() {
        JsonNode complaint = newCase();
        Task task = assessmentTask(complaint);

        assertProblem(as("agent").post("/api/tasks/" + task.getId() + "/complete", "{\"complaintValid\": tru"), 400);
        assertStillOpenAndUnassessed(complaint, task);
    }

    /** A complaint agent filed, as it is stored (read back as the supervisor). */
    private JsonNode newCase() {
        long id = fileComplaint("agent", registerCustomer().path("code").asText()).path("id").asLong();
        return as("supervisor").get("/api/complaints/" + id).json();
    }

    /** The task is still open with its assignee, and the complaint as it was filed. */
    private void assertStillOpenAndUnassessed(JsonNode complaint, Task task) {
        Task stillOpen = taskService.createTaskQuery().taskId(task.getId()).singleResult();
        assertThat(stillOpen).as("task %s is still open", task.getId()).isNotNull();
        assertThat(stillOpen.getAssignee()).isEqualTo("agent");
        JsonNode now = as("supervisor").get("/api/complaints/" + complaint.path("id").asLong()).json();
        assertThat(now.path("status").asText()).isEqualTo("REGISTERED");
        assertThat(now.has("valid")).as("valid in %s", now).isFalse();
        assertThat(now.has("department")).as("department in %s", now).isFalse();
        assertThat(now.has("validityReason")).as("validityReason in %s", now).isFalse();
        assertThat(now.path("version").asLong()).isEqualTo(complaint.path("version").asLong());
    }

    /** My newest tasks, as many as a page holds. */
    private static final String NEWEST_TASKS = "/api/tasks?sort=created,desc&size=200";

    private static JsonNode find(JsonNode page, String taskId) {
        for (JsonNode task : page.path("content")) {
            if (taskId.equals(task.path("id").asText())) {
                return task;
            }
        }
        return null;
    }

    private static List<String> taskIds(JsonNode page) {
        assertThat(page.path("content").isArray()).as("a page: %s", page).isTrue();
        List<String> ids = new ArrayList<>();
        page.path("content").forEach(t -> ids.add(t.path("id").asText()));
        return ids;
    }
}
