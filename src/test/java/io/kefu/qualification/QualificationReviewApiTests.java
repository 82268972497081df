package io.kefu.qualification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kefu.support.HttpApiTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** 资质审核 over HTTP: who opens a review, the fields a wrong request names, who reads it. */
class QualificationReviewApiTests extends HttpApiTest {

    @Test
    void aSupervisorOpensAReviewThatOthersReadOnlyIfEntitled() {
        String code = registerCustomer().path("code").asText();

        assertInvalidFields(as("supervisor").post("/api/qualification-reviews", Map.of()), "customerCode");
        assertInvalidFields(as("supervisor").post("/api/qualification-reviews",
                Map.of("customerCode", "X".repeat(21))), "customerCode");
        assertInvalidFields(as("supervisor").post("/api/qualification-reviews", Map.of("customerCode", "NOPE-1")),
                "customerCode");
        assertProblem(as("agent").post("/api/qualification-reviews", Map.of("customerCode", code)), 403);
        assertProblem(as("tech").post("/api/qualification-reviews", Map.of("customerCode", code)), 403);

        Response created = as("supervisor").post("/api/qualification-reviews", Map.of("customerCode", code));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        JsonNode review = created.json();
        String reviewNo = review.path("reviewNo").asText();
        assertThat(reviewNo).startsWith("ZS");
        assertThat(review.path("statusLabel").asText()).isEqualTo("待评分");
        assertThat(review.path("customerClassLabel").asText()).as("tier B suggests 重要客户").isEqualTo("重要客户");
        assertThat(review.path("cycleMonths").asInt()).isEqualTo(24);
        assertThat(review.path("meetingVisitId").isNumber()).as("the yearly meeting is planned").isTrue();
        long id = review.path("id").asLong();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reviewNo)
                .processDefinitionKey("qualification-review").count()).isEqualTo(1);

        // one open review per customer
        assertProblem(as("manager").post("/api/qualification-reviews", Map.of("customerCode", code)), 409);

        // an agent who took no part reads nothing of it; overseers and auditors read it
        assertProblem(as("agent").get("/api/qualification-reviews/" + id), 404);
        assertThat(as("agent").get("/api/qualification-reviews?size=100").body()).doesNotContain(reviewNo);
        assertThat(as("auditor").get("/api/qualification-reviews/" + id).json().path("reviewNo").asText())
                .isEqualTo(reviewNo);
        assertThat(as("manager").get("/api/qualification-reviews?status=OPEN&size=100").body()).contains(reviewNo);
        assertProblem(as("auditor").post("/api/qualification-reviews", Map.of("customerCode", code)), 403);
    }
}
