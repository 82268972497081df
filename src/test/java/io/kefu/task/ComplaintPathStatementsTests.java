package io.kefu.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kefu.shared.sql.StatementCounter;
import io.kefu.shared.sql.StatementCounter.Counts;
import io.kefu.support.HttpApiTest;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.task.Task;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What one complaint costs the database along its happy path through Kefu's API (file, then the eight steps of a
 * minor complaint, each claimed where it is offered to a group and completed as Tasklist would): SQL statements and
 * commits per step, counted by {@link StatementCounter} under the DataSource, and the statements JPA prepared
 * (Hibernate's statistics). The bounds sit a little above today's counts (docs/benchmark.md, "Statements per case"):
 * work added to every task or to the start makes this test fail, and whoever adds it decides whether it is worth it.
 */
class ComplaintPathStatementsTests extends HttpApiTest {

    @Autowired
    EntityManagerFactory entityManagerFactory;

    record Step(String name, String taskKey, String user, Map<String, Object> form, int maxStatements,
            int maxCommits) {
    }

    @Test
    void aComplaintsHappyPathIssuesNoMoreStatementsAndCommitsThanItDid() {
        String customer = registerCustomer().path("code").asText();
        Statistics jpa = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        jpa.setStatisticsEnabled(true);
        List<Step> steps = List.of(
                new Step("start", null, "agent", null, 115, 6),
                new Step("assess", "Task_AssessValidity", "agent", validAssessment("tech"), 105, 5),
                new Step("investigate", "Task_InvestigateComplaint", "tech", Map.of("findings", "出库复核缺失",
                        "responsiblePerson", "仓储二组"), 80, 5),
                new Step("propose", "Task_ProposeSolutions", "tech", Map.of("solutionOption1", "补发并致歉",
                        "solutionOption2", "退款", "solutionOption3", "书面说明"), 78, 5),
                new Step("select", "Task_SelectSolution", "supervisor", Map.of("solutionDecision", "OPTION_1",
                        "leaderInstruction", "同意方案一"), 110, 9),
                new Step("implement", "Task_ImplementSolution", "tech", Map.of("implementationNotes", "已补发",
                        "penalties", "无"), 75, 5),
                new Step("confirm", "Task_ConfirmWithCustomer", "agent", Map.of("customerAccepted", true,
                        "acceptanceMethod", "PHONE_RECORDING"), 92, 5),
                new Step("visit", "Task_ReturnVisit", "agent", Map.of("satisfaction", "SATISFIED",
                        "visitRemarks", "客户对处理结果表示认可", "improvement", "加强出厂检验"), 86, 5),
                new Step("close", "Task_CloseComplaint", "supervisor", Map.of("closingCategory", "PRODUCT_QUALITY",
                        "closingSummary", "质量问题已闭环,纳入月度统计"), 124, 9));

        walk(steps, customer, jpa, new LinkedHashMap<>(), new LinkedHashMap<>()); // first of the JVM: caches fill
        Map<String, Counts> counted = new LinkedHashMap<>();
        Map<String, Long> jpaStatements = new LinkedHashMap<>();
        walk(steps, registerCustomer().path("code").asText(), jpa, counted, jpaStatements);

        print(counted, jpaStatements);
        List<String> over = new ArrayList<>();
        for (Step step : steps) {
            Counts c = counted.get(step.name());
            if (c.statements() > step.maxStatements() || c.commits() > step.maxCommits()) {
                over.add("%s: %d statements (at most %d), %d commits (at most %d)".formatted(step.name(),
                        c.statements(), step.maxStatements(), c.commits(), step.maxCommits()));
            }
        }
        assertThat(over).as("steps costing more than they did").isEmpty();
    }

    /** Files a complaint for the customer and walks it to its end, counting each step. */
    private void walk(List<Step> steps, String customer, Statistics jpa, Map<String, Counts> counted,
            Map<String, Long> jpaStatements) {
        JsonNode complaint = null;
        for (Step step : steps) {
            Task task = step.taskKey() == null ? null : openTask(complaint, step.taskKey());
            assertThat(step.taskKey() == null || task != null).as("open task %s", step.taskKey()).isTrue();
            jpa.clear();
            Counts before = StatementCounter.now();
            if (task == null) {
                complaint = fileComplaint(step.user(), customer);
            } else {
                if (task.getAssignee() == null) {
                    Response claimed = as(step.user()).post("/api/tasks/" + task.getId() + "/claim", Map.of());
                    assertThat(claimed.status()).as("claiming %s: %s", step.name(), claimed).isLessThan(300);
                }
                Response done = as(step.user()).post("/api/tasks/" + task.getId() + "/complete", step.form());
                assertThat(done.status()).as("completing %s: %s", step.name(), done).isEqualTo(200);
            }
            counted.put(step.name(), StatementCounter.now().minus(before));
            jpaStatements.put(step.name(), jpa.getPrepareStatementCount());
        }
        assertThat(runtimeService.createProcessInstanceQuery()
                .processInstanceId(complaint.path("processInstanceId").asText()).count())
                .as("the case has ended").isZero();
    }

    private static void print(Map<String, Counts> counted, Map<String, Long> jpaStatements) {
        StringBuilder table = new StringBuilder("\n| step | statements | commits | of them JPA |\n|---|---|---|---|\n");
        long statements = 0;
        long commits = 0;
        long jpa = 0;
        Map<String, Long> byTable = new TreeMap<>();
        for (var entry : counted.entrySet()) {
            Counts c = entry.getValue();
            table.append("| %s | %d | %d | %d |%n".formatted(entry.getKey(), c.statements(), c.commits(),
                    jpaStatements.get(entry.getKey())));
            statements += c.statements();
            commits += c.commits();
            jpa += jpaStatements.get(entry.getKey());
            c.byTable().forEach((t, n) -> byTable.merge(t, n, Long::sum));
        }
        table.append("| **case** | %d | %d | %d |%n%nBy kind and table (whole case):%n".formatted(statements,
                commits, jpa));
        byTable.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> table.append("  %5d  %s%n".formatted(e.getValue(), e.getKey())));
        System.out.println(table);
    }
}
