package io.kefu.report;

import static io.kefu.report.ReportJson.kpis;
import static io.kefu.report.ReportJson.labels;
import static io.kefu.report.ReportJson.row;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kefu.support.HttpApiTest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 客户资质评级表 against a known data set: reviews written straight into the table in March 1997, before any other
 * test's data (the other report tests keep to 1998-2000). Whatever an earlier run left before 1998 is removed first.
 */
class QualificationReportTests extends HttpApiTest {

    private static final int YEAR = 1997;
    private static boolean loaded;
    private final String query = "?from=" + LocalDate.of(YEAR, 3, 1) + "&to=" + LocalDate.of(YEAR, 3, 31);

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void knownDataSet() {
        if (loaded) {
            return;
        }
        jdbc.update("delete from qualification_review where opened_at < ?", LocalDateTime.of(YEAR + 1, 1, 1, 0, 0));
        long customer = registerCustomer().path("id").asLong();
        review(customer, "ZS1997-90001", 3, "CORE", "B", "B", 4, 4, 4, "B", false, "CLOSED");
        review(customer, "ZS1997-90002", 10, "CORE", "B", "A", 5, 5, 5, "A", false, "CLOSED");
        review(customer, "ZS1997-90003", 15, "GENERAL", "C", "C", 3, 3, 2, "C", true, "TERMINATION_STARTED");
        review(customer, "ZS1997-90004", 31, "IMPORTANT", "B", "C", 3, 3, 3, "B", true, "COOPERATION_KEPT");
        // scored the day after the period; opened in it but not scored yet
        review(customer, "ZS1997-90005", 32, "CORE", "A", "A", 5, 5, 5, "A", false, "CLOSED");
        jdbc.update("""
                insert into qualification_review (review_no, customer_id, customer_class, tier_before, cycle_months,
                  due_on, opened_by, opened_at, status, credit_declined, version)
                values ('ZS1997-90006', ?, 'CORE', 'A', 6, ?, 'system', ?, 'OPEN', false, 0)""",
                customer, LocalDate.of(YEAR, 3, 20), LocalDateTime.of(YEAR, 3, 20, 2, 0));
        loaded = true;
    }

    @Test
    void theHeadlineFiguresCountTheReviewsScoredTheirScoresTierChangesAndDecisions() {
        JsonNode report = as("manager").get("/api/reports/qualification" + query).json();

        assertThat(report.path("title").asText()).isEqualTo("客户资质评级表");
        assertThat(kpis(report)).containsEntry("本月发起审核", "5").containsEntry("本月完成评级", "4")
                .containsEntry("平均满意度", "3.8").containsEntry("平均业务贡献", "3.8").containsEntry("平均信用", "3.5")
                .containsEntry("等级调整", "2").containsEntry("等级上调", "1").containsEntry("等级下调", "1")
                .containsEntry("信用下降", "2").containsEntry("决定终止合作", "1").containsEntry("决定继续合作", "1");
    }

    @Test
    void theTablesShowEachClassTheTierChangesTheDecisionsAndTheRatingSheet() {
        JsonNode tables = as("auditor").get("/api/reports/qualification" + query).json().path("tables");

        assertThat(row(tables.get(0), "核心客户")).containsExactly("核心客户", "2", "4.5", "4.5", "4.5", "13.5", "1", "1",
                "1", "0", "0");
        assertThat(row(tables.get(0), "一般客户")).containsExactly("一般客户", "1", "3.0", "3.0", "2.0", "8.0", "0", "0",
                "0", "1", "1");
        assertThat(row(tables.get(0), "合计")).containsExactly("合计", "4", "3.8", "3.8", "3.5", "11.0", "2", "1", "2",
                "1", "2");
        assertThat(labels(tables.get(1))).containsExactly("B 类 → A 类", "B 类 → C 类", "合计");
        assertThat(row(tables.get(1), "B 类 → A 类")).containsExactly("B 类 → A 类", "上调", "1");
        assertThat(row(tables.get(1), "B 类 → C 类")).containsExactly("B 类 → C 类", "下调", "1");
        assertThat(row(tables.get(2), "终止合作(已发起解约)")).containsExactly("终止合作(已发起解约)", "1");
        assertThat(row(tables.get(2), "合计")).containsExactly("合计", "2");
        assertThat(labels(tables.get(3))).containsExactly("ZS1997-90001", "ZS1997-90002", "ZS1997-90003",
                "ZS1997-90004");
        assertThat(row(tables.get(3), "ZS1997-90004")).endsWith("3", "3", "3", "9", "B", "B", "C", "是", "继续合作");
    }

    @Test
    void theReportIsListedExportedAndReadOnlyByManagersSupervisorsAndAuditors() {
        assertThat(as("supervisor").get("/api/reports").json().findValuesAsText("key")).contains("qualification");
        Response csv = as("manager").get("/api/reports/qualification.csv" + query);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).contains("本月完成评级,4,次").contains("ZS1997-90002");
        Response xlsx = as("manager").get("/api/reports/qualification.xlsx" + query);
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.body()).startsWith("PK");
        assertProblem(as("agent").get("/api/reports/qualification" + query), 403);
    }

    /** One review opened and scored at 10:00 Beijing time on {@code day} of March (32 = 1 April). */
    private void review(long customer, String no, int day, String customerClass, String before, String after,
            int satisfaction, int contribution, int credit, String grade, boolean declined, String status) {
        LocalDateTime utc = LocalDate.of(YEAR, 3, 1).plusDays(day - 1).atTime(2, 0);
        jdbc.update("""
                insert into qualification_review (review_no, customer_id, customer_class, tier_before, tier_after,
                  cycle_months, due_on, opened_by, opened_at, status, satisfaction, contribution, credit, total_score,
                  grade, credit_declined, scored_by, scored_at, version)
                values (?, ?, ?, ?, ?, 12, ?, 'system', ?, ?, ?, ?, ?, ?, ?, ?, 'business', ?, 0)""",
                no, customer, customerClass, before, after, utc.toLocalDate(), utc, status, satisfaction, contribution,
                credit, satisfaction + contribution + credit, grade, declined, utc);
    }
}
