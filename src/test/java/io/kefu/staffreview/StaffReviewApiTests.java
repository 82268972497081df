package io.kefu.staffreview;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kefu.shared.time.Now;
import io.kefu.staffreview.process.StaffReviewProcess;
import io.kefu.support.HttpApiTest;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;

/**
 * 员工月度考评 and 违规记录 over every door: the fields named, who starts and records, and who reads — the employee
 * concerned, managers and auditors; another employee and a supervisor get 404 from /api and see nothing through
 * /engine-rest or Tasklist's /camunda/api/engine; scores never reach the engine. The scorecard report with its exports.
 */
class StaffReviewApiTests extends HttpApiTest {

    private static String monthsAgo(int months) {
        return YearMonth.from(Now.instant().atZone(ZoneId.of("Asia/Shanghai"))).minusMonths(months).toString();
    }

    @Test
    void aReviewIsReadByTheEmployeeManagersAndAuditorsOnlyThroughEveryDoor() {
        String month = monthsAgo(3);
        assertInvalidFields(as("manager").post("/api/staff-reviews", Map.of()), "employee", "month");
        assertInvalidFields(as("manager").post("/api/staff-reviews", Map.of("employee", "nobody-here",
                "month", "2026/11")), "employee", "month");
        assertProblem(as("agent2").post("/api/staff-reviews", Map.of("employee", "agent", "month", month)), 403);
        assertProblem(as("supervisor").post("/api/staff-reviews", Map.of("employee", "agent", "month", month)), 403);

        var started = as("manager").post("/api/staff-reviews", Map.of("employee", "agent", "month", month));
        assertThat(started.status()).as("%s", started).isEqualTo(201);
        JsonNode review = started.json();
        assertThat(review.path("reviewNo").asText()).startsWith("KP");
        assertThat(review.path("statusLabel").asText()).isEqualTo("待经理评分");
        long id = review.path("id").asLong();
        assertInvalidFields(as("manager").post("/api/staff-reviews", Map.of("employee", "agent", "month", month)),
                "month");

        for (String reader : List.of("agent", "manager", "auditor")) {
            assertThat(as(reader).get("/api/staff-reviews/" + id).status()).as(reader).isEqualTo(200);
        }
        for (String stranger : List.of("agent2", "supervisor", "tech")) {
            assertProblem(as(stranger).get("/api/staff-reviews/" + id), 404);
        }
        assertThat(ids(as("agent2").get("/api/staff-reviews?size=100"))).doesNotContain(id);
        assertThat(ids(as("auditor").get("/api/staff-reviews?size=100&month=" + month))).contains(id);
        assertThat(ids(as("agent").get("/api/staff-reviews?size=100"))).contains(id);
        assertInvalidFields(as("agent").get("/api/staff-reviews?month=last"), "month");

        // the manager scores in Tasklist; the acknowledgement is the employee's task alone
        String instance = runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(review.path("reviewNo").asText()).singleResult().getId();
        Task score = taskService.createTaskQuery().processInstanceId(instance).singleResult();
        taskService.claim(score.getId(), "manager");
        taskService.complete(score.getId(), Map.of("scoreWorkload", "4", "scoreTimeliness", "3",
                "scoreEffectiveness", "3", "scoreCooperation", "4", "scoreAttitude", "4", "managerComment", "稳定"));
        assertThat(as("agent").get("/api/staff-reviews/" + id).json().path("grade").asText()).isEqualTo("B");

        var page = as("agent").get("/console/staff-reviews/" + id);
        assertThat(page.status()).as("%s", page).isEqualTo(200);
        assertThat(page.body()).contains(review.path("reviewNo").asText(), "稳定", "员工月度计分卡");
        assertThat(as("agent2").get("/console/staff-reviews/" + id).status()).isEqualTo(404);
        assertThat(as("agent2").get("/console/staff-reviews").body()).doesNotContain(review.path("reviewNo").asText());

        String tasks = "/engine-rest/task?processInstanceId=" + instance;
        assertThat(as("agent").get(tasks).json()).hasSize(1);
        assertThat(as("auditor").get(tasks).json()).hasSize(1);
        assertThat(as("agent2").get(tasks).json()).isEmpty();
        assertThat(as("tech").get(tasks).json()).isEmpty();
        var tasklist = rest.exchange("/camunda/api/engine/engine/default/task?processInstanceId=" + instance,
                HttpMethod.GET, new HttpEntity<>(tasklistSession("agent2")), String.class);
        assertThat(tasklist.getStatusCode().value()).isEqualTo(200);
        assertThat(tasklist.getBody()).isEqualTo("[]");

        List<String> names = new ArrayList<>();
        as("auditor").get("/engine-rest/history/variable-instance?processInstanceId=" + instance).json()
                .forEach(v -> names.add(v.path("name").asText()));
        assertThat(names).contains(StaffReviewProcess.REVIEW_ID)
                .doesNotContain("scoreWorkload", "scoreAttitude", "managerComment", "objection");
        assertThat(as("auditor").get("/engine-rest/history/detail?processInstanceId=" + instance).body())
                .doesNotContain("稳定").doesNotContain("scoreWorkload");
    }

    @Test
    void violationsTakeTheTablesConsequenceByOffenceAndAreReadOnlyByTheEmployeeManagersAndAuditors() {
        String month = monthsAgo(4);
        Map<String, Object> leak = Map.of("employee", "agent2", "kind", "CUSTOMER_DATA_LEAK",
                "occurredOn", month + "-05", "description", "将客户名单发到个人邮箱", "evidence", "邮件网关日志截图");
        assertProblem(as("agent").post("/api/violations", leak), 403);
        assertProblem(as("auditor").post("/api/violations", leak), 403);
        assertInvalidFields(as("supervisor").post("/api/violations", Map.of()), "employee", "kind", "occurredOn",
                "description", "evidence");
        assertInvalidFields(as("supervisor").post("/api/violations", Map.of("employee", "agent2",
                "kind", "CUSTOMER_DATA_LEAK", "occurredOn", "2999-01-01", "description", "x", "evidence", "y")),
                "occurredOn");

        var first = as("supervisor").post("/api/violations", leak);
        assertThat(first.status()).as("%s", first).isEqualTo(201);
        JsonNode violation = first.json();
        int offence = violation.path("offenceNo").asInt();
        assertThat(violation.path("violationNo").asText()).startsWith("WG");
        assertThat(violation.path("kindLabel").asText()).isEqualTo("泄露客户资料或隐私");
        var second = as("manager").post("/api/violations", leak).json();
        assertThat(second.path("offenceNo").asInt()).isEqualTo(offence + 1);
        if (offence == 1) {
            assertThat(violation.path("consequence").asText()).startsWith("警告");
            assertThat(second.path("consequence").asText()).startsWith("停职一周");
        }
        long id = violation.path("id").asLong();
        for (String reader : List.of("agent2", "manager", "auditor")) {
            assertThat(as(reader).get("/api/violations/" + id).status()).as(reader).isEqualTo(200);
        }
        for (String stranger : List.of("agent", "supervisor", "tech")) {
            assertProblem(as(stranger).get("/api/violations/" + id), 404);
        }
        assertThat(ids(as("agent").get("/api/violations?size=100"))).doesNotContain(id);
        assertThat(ids(as("auditor").get("/api/violations?size=100&employee=agent2"))).contains(id);
    }

    @Test
    void theScorecardReportIsForManagersAndAuditorsWithItsExports() {
        String month = monthsAgo(5);
        assertThat(as("supervisor").post("/api/violations", Map.of("employee", "agent", "kind", "PRIVATE_MATTERS",
                "occurredOn", month + "-12", "description", "值班时看与工作无关的视频", "evidence", "巡查记录"))
                .status()).isEqualTo(201);
        JsonNode review = as("manager").post("/api/staff-reviews", Map.of("employee", "agent", "month", month))
                .json();
        assertThat(review.path("figures").path("violations").asInt()).isEqualTo(1);

        var report = as("manager").get("/api/reports/staff-scorecard?month=" + month);
        assertThat(report.status()).as("%s", report).isEqualTo(200);
        JsonNode rows = report.json().path("tables").path(0).path("rows");
        JsonNode row = null;
        for (JsonNode r : rows) {
            if (r.path(2).asText().equals(review.path("reviewNo").asText())) {
                row = r;
            }
        }
        assertThat(row).as("%s", rows).isNotNull();
        assertThat(row.path(1).asText()).isEqualTo("agent");
        assertThat(row.path(12).asInt()).isEqualTo(1);
        assertThat(row.path(3).asText()).isEqualTo("待经理评分");

        assertProblem(as("supervisor").get("/api/reports/staff-scorecard?month=" + month), 403);
        assertThat(as("supervisor").get("/api/reports").body()).doesNotContain("staff-scorecard");
        assertThat(as("manager").get("/api/reports").body()).contains("staff-scorecard");
        var csv = as("auditor").get("/api/reports/staff-scorecard.csv?month=" + month);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).contains("员工计分卡", review.path("reviewNo").asText());
        assertThat(as("auditor").get("/api/reports/staff-scorecard.xlsx?month=" + month).status()).isEqualTo(200);
    }

    private static List<Long> ids(Response page) {
        assertThat(page.status()).as("%s", page).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        page.json().path("content").forEach(n -> ids.add(n.path("id").asLong()));
        return ids;
    }
}
