package io.kefu.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kefu.shared.ConflictException;
import io.kefu.shared.NotFoundException;
import io.kefu.support.HttpApiTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A rule Kefu enforces while a task completes or a process starts through the engine REST API is the client's
 * mistake: 400 with Kefu's Chinese message alone (what Tasklist shows) and the fields, not Camunda's 500.
 */
class EngineRestProblemsTests extends HttpApiTest {

    private static final Map<String, Object> INCOMPLETE_ASSESSMENT =
            Map.of("variables", Map.of("complaintValid", Map.of("value", false)));

    @Test
    void aTaskFormKefuRefusesIsA400WithKefusMessageAndItsFields() {
        Task task = assessmentTask(fileComplaint("agent", registerCustomer().path("code").asText()));

        for (String action : List.of("submit-form", "complete")) {
            Response refused = as("agent").post("/engine-rest/task/" + task.getId() + "/" + action,
                    INCOMPLETE_ASSESSMENT);
            assertKefuRefusal(refused, action, "validityReason", "invalidReply");
        }
        assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult()).isNotNull();
    }

    @Test
    void aStartFormKefuRefusesIsA400Too() {
        long before = historicComplaintProcesses();
        Response refused = as("agent").post("/engine-rest/process-definition/key/complaint-handling/submit-form",
                Map.of("variables", Map.of("customerCode", Map.of("value", "C-NOPE"),
                        "complainantName", Map.of("value", ""))));
        JsonNode body = assertKefuRefusal(refused, "start", (String[]) null);
        assertThat(body.path("errors").size()).isPositive();
        assertThat(historicComplaintProcesses()).isEqualTo(before);
    }

    @Test
    void tasklistsEngineApiAnswersTheSameWay() {
        Task task = assessmentTask(fileComplaint("agent", registerCustomer().path("code").asText()));
        HttpHeaders session = tasklistSession("agent");
        session.setContentType(MediaType.APPLICATION_JSON);
        session.setAccept(List.of(MediaType.APPLICATION_JSON));
        ResponseEntity<byte[]> answer = rest.exchange(
                "/camunda/api/engine/engine/default/task/" + task.getId() + "/submit-form", HttpMethod.POST,
                new HttpEntity<>("{\"variables\":{\"complaintValid\":{\"value\":false}}}", session), byte[].class);
        Response refused = new Response(answer.getStatusCode().value(), answer.getHeaders(),
                new String(answer.getBody(), StandardCharsets.UTF_8));
        assertKefuRefusal(refused, "tasklist submit-form", "validityReason", "invalidReply");
    }

    @Test
    void badJsonAndWrongVariableTypesAreTheClientsMistakeToo() {
        Task task = assessmentTask(fileComplaint("agent", registerCustomer().path("code").asText()));
        String path = "/engine-rest/task/" + task.getId() + "/submit-form";
        for (String body : List.of("{\"variables\": ", "[1,2]", "{\"variables\": 42}",
                "{\"variables\":{\"complaintValid\":{\"value\":\"abc\",\"type\":\"Integer\"}}}",
                "{\"variables\":{\"complaintValid\":{\"value\":\"x\",\"type\":\"NoSuchType\"}}}",
                "{\"variables\":{\"complaintValid\":{\"value\":\"2020-13-45\",\"type\":\"Date\"}}}")) {
            Response response = as("agent").post(path, body);
            assertThat(response.status()).as("%s -> %s", body, response).isBetween(400, 499);
        }
        assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult()).isNotNull();
    }

    @Test
    void conflictsAndUnknownRecordsDeepInTheCauseChainAre409And404() {
        var conflict = EngineRestProblems.toResponse(new RestException(jakarta.ws.rs.core.Response.Status.INTERNAL_SERVER_ERROR,
                new ProcessEngineException("ENGINE-03051", new ConflictException("该投诉已由他人处理"))));
        assertThat(conflict.getStatus()).isEqualTo(409);
        assertThat(((Map<?, ?>) conflict.getEntity()).get("message")).isEqualTo("该投诉已由他人处理");

        var notFound = EngineRestProblems.toResponse(new ProcessEngineException("ENGINE-03051",
                new NotFoundException("投诉 9 不存在")));
        assertThat(notFound.getStatus()).isEqualTo(404);
        assertThat(((Map<?, ?>) notFound.getEntity()).get("type")).isEqualTo("NotFoundException");
    }

    private static JsonNode assertKefuRefusal(Response refused, String what, String... fields) {
        assertThat(refused.status()).as("%s: %s", what, refused).isEqualTo(400);
        assertThat(refused.contentType().isCompatibleWith(MediaType.APPLICATION_JSON)).as("%s", refused).isTrue();
        JsonNode body = refused.json();
        assertThat(body.path("type").asText()).isEqualTo("InvalidInputException");
        assertThat(body.path("message").asText()).as("%s", refused).startsWith("输入有误")
                .doesNotContain("ENGINE", "Exception", "Cannot", "validityReason");
        if (fields != null) {
            assertThat(refused.errorFields()).as("%s", refused).containsExactlyInAnyOrder(fields);
        }
        return body;
    }
}
