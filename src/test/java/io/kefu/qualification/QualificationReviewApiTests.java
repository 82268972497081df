package io.kefu.qualification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kefu.identity.KefuGroups;
import io.kefu.qualification.process.QualificationProcess;
import io.kefu.support.HttpApiTest;
import io.kefu.support.TestUsers;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
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

    /**
     * As in Tasklist: a 业务部 user opens a review with the start form and scores it through the engine's API, logged in
     * to the engine. Kefu's rule tables (review cycle, grade) are evaluated for the domain, so this needs no right to
     * evaluate decisions through the engine REST API (which nobody has).
     */
    @Test
    void aBusinessUserOpensAndScoresAReviewThroughTheEnginesApiAsTasklistDoes() {
        TestUsers.ensure(identityService, "business", KefuGroups.Department.BUSINESS.groupId());
        String code = registerCustomer().path("code").asText();

        Response started = as("business").post("/engine-rest/process-definition/key/"
                + QualificationProcess.KEY + "/submit-form", Map.of("variables",
                        Map.of("customerCode", Map.of("value", code, "type", "String"))));
        assertThat(started.status()).as("%s", started).isEqualTo(200);
        String processId = started.json().path("id").asText();
        String taskId = taskService.createTaskQuery().processInstanceId(processId)
                .taskDefinitionKey(QualificationProcess.TASK_SCORE).singleResult().getId();

        assertThat(as("business").post("/engine-rest/task/" + taskId + "/claim", Map.of("userId", "business"))
                .status()).isEqualTo(204);
        Response scored = as("business").post("/engine-rest/task/" + taskId + "/submit-form", Map.of("variables",
                Map.of("satisfaction", Map.of("value", "4"), "contribution", Map.of("value", "4"),
                        "credit", Map.of("value", "4"), "newTier", Map.of("value", "B"),
                        "scoreNote", Map.of("value", "合作稳定"))));
        assertThat(scored.status()).as("%s", scored).isEqualTo(204);

        JsonNode review = as("business").get("/api/qualification-reviews?size=200").json().path("content");
        assertThat(review.findValuesAsText("customerCode")).contains(code);
        assertThat(as("business").post("/engine-rest/decision-definition/key/review-cycle/evaluate",
                Map.of("variables", Map.of())).status()).as("evaluating a rule table directly stays refused")
                .isIn(403, 404);
    }

    @Autowired
    QualificationService reviews;
    @Autowired
    TransactionTemplate transaction;

    /** Kefu's code acting for a logged-in 业务部 user outside an engine command (the demo data does this). */
    @Test
    void kefuOpensAReviewForALoggedInBusinessUserWithoutTheRightToEvaluateDecisions() {
        TestUsers.ensure(identityService, "business", KefuGroups.Department.BUSINESS.groupId());
        String code = registerCustomer().path("code").asText();
        identityService.setAuthentication("business", List.of(KefuGroups.Department.BUSINESS.groupId()));
        try {
            QualificationReview review = transaction.execute(s -> reviews.openAndStart(code, "business"));
            assertThat(review.getCycleMonths()).isPositive();
        } finally {
            identityService.clearAuthentication();
        }
    }
}
