package io.kefu.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kefu.support.HttpApiTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** 请示报告 over HTTP: raising one, the fields named, who reads it, its breach record. */
class EscalationApiTests extends HttpApiTest {

    @Test
    void aDepartmentRaisesALeakWhichOpensTheBreachRecordAndOnlyItsReporterAndTheLevelsReadIt() {
        assertInvalidFields(as("tech").post("/api/escalation-reports", Map.of("urgent", true)),
                "trigger", "subject", "details");
        Response raised = as("tech").post("/api/escalation-reports", Map.of("trigger", "LEAK",
                "subject", "测试环境数据外泄", "details", "测试库含客户电话,被拷贝到个人电脑"));
        assertThat(raised.status()).as("%s", raised).isEqualTo(201);
        JsonNode report = raised.json();
        assertThat(report.path("reportNo").asText()).startsWith("QS");
        assertThat(report.path("triggerLabel").asText()).isEqualTo("失泄密");
        assertThat(report.path("decidingLevel").asText()).isEqualTo("总监");
        assertThat(report.path("currentLevel").asText()).isEqualTo("主管");
        assertThat(report.path("breach").path("status").asText()).isEqualTo("待处理");

        long id = report.path("id").asLong();
        assertThat(as("tech").get("/api/escalation-reports/" + id).status()).isEqualTo(200);
        assertThat(as("supervisor").get("/api/escalation-reports/" + id).status()).isEqualTo(200);
        assertThat(as("auditor").get("/api/escalation-reports/" + id).status()).isEqualTo(200);
        assertProblem(as("agent").get("/api/escalation-reports/" + id), 404);
        assertProblem(as("auditor").post("/api/escalation-reports", Map.of("trigger", "LEAK")), 403);
    }
}
