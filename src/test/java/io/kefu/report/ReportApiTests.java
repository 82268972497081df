package io.kefu.report;

import static io.kefu.report.ReportJson.kpis;
import static io.kefu.report.ReportJson.row;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kefu.support.HttpApiTest;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * Every report figure against a known data set: customers and complaints written straight into the tables in March
 * 1999, long before any other test's data, so the period holds exactly this data set. Whatever an earlier run left
 * before 2001 (a database kept between runs) is this class's own and is removed first.
 */
class ReportApiTests extends HttpApiTest {

    @Autowired
    JdbcTemplate jdbc;

    private static final int YEAR = 1999;
    private static final LocalDateTime OURS_UNTIL = LocalDateTime.of(2001, 1, 1, 0, 0);
    private static boolean loaded;
    private final String query = "?from=" + LocalDate.of(YEAR, 3, 1) + "&to=" + LocalDate.of(YEAR, 3, 31);

    @BeforeEach
    void knownDataSet() {
        if (loaded) {
            return;
        }
        removeEarlierRuns();
        long c1 = customer("FRANCHISEE", "A", 3, at(1, 15, 0), "ACTIVE");
        long c2 = customer("FRANCHISEE", "B", 1, at(1, 15, 0), "ACTIVE");
        long c3 = customer("AGENT", "A", 0, at(1, 15, 0), "ACTIVE");
        customer("DEALER", "C", 2, at(3, 10, 0), "ACTIVE");            // new in the period
        long c5 = customer("MEMBER", "B", 5, at(1, 15, 0), "TERMINATED"); // lost in the period
        terminated(c5, at(3, 20, 12));
        customer("AGENT", "C", 4, at(4, 5, 0), "ACTIVE");              // after the period

        // k1: answered and resolved in time, closed, satisfied
        long k1 = complaint(c1, "PRODUCT_QUALITY", "MINOR", "tech", at(3, 2, 1), 2, 24, "CLOSED", false, "SATISFIED", true);
        rounds(k1, at(3, 3, 2), "SATISFIED");
        // k2: answered and resolved late, a repeat complaint, closed, neutral; both breaches recorded
        long k2 = complaint(c1, "PRODUCT_QUALITY", "MAJOR", "tech", at(3, 5, 1), 6, 72, "CLOSED", true, "NEUTRAL", true);
        breach(k2, 0, "RESPONSE", at(3, 5, 5));
        breach(k2, 1, "RESOLUTION", at(3, 7, 1));
        // ... after a first return visit 不满意 and a second round: each round keeps its visit
        rounds(k2, at(3, 6, 2), "DISSATISFIED", "NEUTRAL");
        // k3: answered in time, still being investigated
        complaint(c2, "DELIVERY", "CRITICAL", "warehouse", at(3, 10, 0), 1, null, "INVESTIGATING", false, null, null);
        // k4: judged invalid (no department), answered in time
        complaint(c3, "SERVICE_ATTITUDE", "MINOR", null, at(3, 20, 0), 3, null, "REJECTED", false, null, null);
        // k6: resolved in time, dissatisfied at the return visit: reopened (acceptance cleared)
        long k6 = complaint(c2, "DELIVERY", "MINOR", "warehouse", at(3, 25, 0), 2, 10, "REOPENED", false, "DISSATISFIED",
                null);
        rounds(k6, at(3, 25, 11), "DISSATISFIED", null);
        // visits: on time, late, a delivery follow-up that found a problem, one still open, one cancelled, one later
        visit(c1, "SCHEDULED", 5, "DONE", 6, false, "SATISFIED", null);
        visit(c2, "SCHEDULED", 10, "DONE", 15, true, "NEUTRAL", null);
        visit(c3, "DELIVERY", 12, "DONE", 13, false, "DISSATISFIED", "warehouse");
        visit(c3, "DELIVERY", 20, "OPEN", null, true, null, null);
        visit(c1, "SURVEY", 25, "CANCELLED", null, false, null, null);
        visit(c2, "SCHEDULED", 33, "DONE", 34, false, "SATISFIED", null);
        // contracts: in force all along, new in the period, terminated in the period, effective only after it
        contract(c1, "FRANCHISEE", "ACTIVE", 3, LocalDate.of(YEAR, 1, 20), null);
        contract(c2, "FRANCHISEE", "ACTIVE", 1, LocalDate.of(YEAR, 3, 15), null);
        contract(c3, "AGENT", "TERMINATED", 2, LocalDate.of(YEAR - 1, 6, 1), LocalDate.of(YEAR, 3, 20));
        contract(c1, "DEALER", "ACTIVE", 2, LocalDate.of(YEAR, 4, 10), null);
        // outside the period (Beijing time 1 April)
        complaint(c1, "PRODUCT_QUALITY", "MINOR", "tech", at(3, 31, 16), 1, 2, "CLOSED", false, "SATISFIED", true);
        loaded = true;
    }

    @Test
    void theComplaintReportCountsTimesAndComplianceOfThePeriod() {
        JsonNode report = as("manager").get("/api/reports/complaints" + query).json();

        Map<String, String> kpis = kpis(report);
        assertThat(kpis).containsEntry("受理投诉数", "5").containsEntry("已结案", "3")
                .containsEntry("平均响应时长", "2.8").containsEntry("平均解决时长", "35.3")
                .containsEntry("响应及时率", "80.0").containsEntry("解决及时率", "66.7")
                .containsEntry("重复投诉", "1").containsEntry("重复投诉率", "20.0")
                .containsEntry("客诉率(每百家客户)", "125.0");
        JsonNode byCategory = report.path("tables").get(0);
        assertThat(byCategory.path("title").asText()).contains("顾客投诉分类统计表");
        assertThat(row(byCategory, "产品质量")).containsExactly("产品质量", "2", "40.0", "2", "1", "4.0", "48.0", "50.0", "50.0");
        assertThat(row(byCategory, "配送物流")).containsExactly("配送物流", "2", "40.0", "0", "0", "1.5", "10.0", "100.0", "100.0");
        assertThat(row(byCategory, "服务态度")).containsExactly("服务态度", "1", "20.0", "1", "0", "3.0", "null", "100.0", "null");
        assertThat(row(byCategory, "其他")).containsExactly("其他", "0", "0.0", "0", "0", "null", "null", "null", "null");
        assertThat(row(byCategory, "合计")).containsExactly("合计", "5", "100.0", "3", "1", "2.8", "35.3", "80.0", "66.7");
        assertThat(row(report.path("tables").get(1), "严重").get(1)).isEqualTo("1");
        assertThat(row(report.path("tables").get(1), "一般").get(1)).isEqualTo("3");
        assertThat(row(report.path("tables").get(2), "技术部").get(1)).isEqualTo("2");
        assertThat(row(report.path("tables").get(2), "仓储部").get(1)).isEqualTo("2");
        assertThat(row(report.path("tables").get(2), "未指定(未判定或不成立)").get(1)).isEqualTo("1");
        assertThat(row(report.path("tables").get(3), "响应超时")).containsExactly("响应超时", "1", "1");
        assertThat(row(report.path("tables").get(3), "解决超时")).containsExactly("解决超时", "1", "1");
        assertThat(row(report.path("tables").get(3), "回访超时")).containsExactly("回访超时", "0", "0");
        assertThat(kpis).containsEntry("解决超时投诉", "1");
    }

    @Test
    void theCustomerReportCountsCustomersAndStoresWithNewAndLost() {
        JsonNode report = as("manager").get("/api/reports/customers" + query).json();

        assertThat(kpis(report)).containsEntry("期初客户数", "4").containsEntry("新增客户", "1")
                .containsEntry("流失客户(解约)", "1").containsEntry("期末客户数", "4").containsEntry("净增减", "0")
                .containsEntry("流失率", "20.0").containsEntry("期末店数(客户登记)", "6");
        JsonNode byType = report.path("tables").get(0);
        assertThat(row(byType, "加盟商")).containsExactly("加盟商", "2", "0", "0", "2", "0", "4");
        assertThat(row(byType, "经销商")).containsExactly("经销商", "0", "1", "0", "1", "1", "2");
        assertThat(row(byType, "会员客户")).containsExactly("会员客户", "1", "0", "1", "0", "-1", "0");
    }

    @Test
    void theVisitReportCountsVisitsDueDoneOnTimeAndCustomersCovered() {
        JsonNode report = as("manager").get("/api/reports/visits" + query).json();

        assertThat(kpis(report)).containsEntry("应回访", "4").containsEntry("已回访", "3")
                .containsEntry("回访率(按时)", "50.0").containsEntry("回访完成率", "75.0")
                .containsEntry("客户覆盖率", "100.0").containsEntry("回访满意率", "33.3")
                .containsEntry("配送回访(已访/应访)", "1").containsEntry("配送回访发现问题", "1");
        JsonNode byKind = report.path("tables").get(0);
        assertThat(row(byKind, "定期回访")).containsExactly("定期回访", "2", "2", "1", "1", "1", "2", "0", "50.0", "100.0");
        assertThat(row(byKind, "配送回访")).containsExactly("配送回访", "2", "1", "1", "1", "0", "1", "1", "50.0", "50.0");
        assertThat(row(byKind, "合计")).containsExactly("合计", "4", "3", "2", "2", "1", "3", "1", "50.0", "75.0");
        assertThat(row(report.path("tables").get(1), "仓储部")).containsExactly("仓储部", "1");
    }

    @Test
    void theCustomerReportCountsContractsAndTheirStores() {
        JsonNode report = as("manager").get("/api/reports/customers" + query).json();

        assertThat(kpis(report)).containsEntry("期末有效合同", "2").containsEntry("期末店数(按合同)", "4")
                .containsEntry("本期新生效合同", "1").containsEntry("本期解约合同", "1");
        JsonNode byContract = report.path("tables").get(2);
        assertThat(row(byContract, "加盟商")).containsExactly("加盟商", "2", "4", "1", "0");
        assertThat(row(byContract, "代理商")).containsExactly("代理商", "0", "0", "0", "1");
        assertThat(row(byContract, "经销商")).containsExactly("经销商", "0", "0", "0", "0");
    }

    @Test
    void theSatisfactionReportCountsEveryReturnVisitAndEachComplaintsLatestAnswer() {
        JsonNode report = as("auditor").get("/api/reports/satisfaction" + query).json();

        // per visit: k1 满意; k2 不满意 then 一般; k6 不满意 — the 不满意 k2 turned around still counts
        assertThat(kpis(report)).containsEntry("回访答复数", "4").containsEntry("满意率", "25.0")
                .containsEntry("不满意率", "50.0").containsEntry("已回访投诉", "3")
                .containsEntry("满意率(按件,最后一次回访)", "33.3").containsEntry("曾不满意的投诉", "2")
                .containsEntry("投诉回访率", "100.0").containsEntry("回访与调查满意率", "33.3");
        assertThat(row(report.path("tables").get(0), "不满意")).containsExactly("不满意", "2", "50.0", "1", "33.3");
        assertThat(row(report.path("tables").get(0), "合计")).containsExactly("合计", "4", "100.0", "3", "100.0");
    }

    @Test
    void aMonthIsTheSameAsItsDateRange() {
        JsonNode byMonth = as("manager").get("/api/reports/complaints?month=" + YEAR + "-03").json();

        assertThat(kpis(byMonth)).containsEntry("受理投诉数", "5");
        assertThat(byMonth.path("period").path("from").asText()).isEqualTo(YEAR + "-03-01");
        assertThat(byMonth.path("period").path("to").asText()).isEqualTo(YEAR + "-03-31");
    }

    @Test
    void reportsExportAsCsvAndExcelWithTheSameFigures() throws Exception {
        Response csv = as("manager").get("/api/reports/complaints.csv" + query);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).startsWith("\uFEFF").contains("受理投诉数,5,件").contains("合计,5,100.0,3,1,2.8,35.3,80.0,66.7");

        var xlsx = rest.withBasicAuth("manager", "manager").exchange("/api/reports/complaints.xlsx" + query,
                HttpMethod.GET, new HttpEntity<>(new HttpHeaders()), byte[].class);
        assertThat(xlsx.getStatusCode().value()).isEqualTo(200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
            Sheet kpis = workbook.getSheet("指标");
            assertThat(kpis.getRow(2).getCell(0).getStringCellValue()).isEqualTo("受理投诉数");
            assertThat(kpis.getRow(2).getCell(1).getNumericCellValue()).isEqualTo(5.0);
            assertThat(workbook.getNumberOfSheets()).isEqualTo(5);
        }
    }

    @Test
    void onlyManagersSupervisorsAndAuditorsReadReportsAndBadPeriodsAreNamed() {
        assertProblem(as("agent").get("/api/reports/complaints" + query), 403);
        assertProblem(as("tech").get("/api/reports/complaints.xlsx" + query), 403);
        assertProblem(anonymous().get("/api/reports/complaints"), 401);
        assertThat(as("supervisor").get("/api/reports/complaints" + query).status()).isEqualTo(200);
        assertProblem(as("manager").get("/api/reports/nothing" + query), 404);
        assertInvalidFields(as("manager").get("/api/reports/complaints?month=2026-13"), "month");
        assertInvalidFields(as("manager").get("/api/reports/complaints?from=2026-10-31&to=2026-10-01"), "to");
        assertInvalidFields(as("manager").get("/api/reports/complaints?from=2026-10-01"), "to");
        assertThat(as("manager").get("/api/reports").json().findValuesAsText("key"))
                .contains("complaints", "customers", "satisfaction");
    }

    private void removeEarlierRuns() {
        jdbc.update("delete from complaint_breach where complaint_id in (select id from complaint where created_at < ?)",
                OURS_UNTIL);
        jdbc.update("delete from complaint_aud where id in (select id from complaint where created_at < ?)", OURS_UNTIL);
        jdbc.update("delete from complaint_round where complaint_id in (select id from complaint where created_at < ?)",
                OURS_UNTIL);
        jdbc.update("delete from complaint where created_at < ?", OURS_UNTIL);
        jdbc.update("delete from visit where created_at < ?", OURS_UNTIL);
        jdbc.update("delete from contract where created_at < ?", OURS_UNTIL);
        jdbc.update("delete from customer_aud where id in (select id from customer where created_at < ?)", OURS_UNTIL);
        jdbc.update("delete from revinfo where revtstmp < ?", OURS_UNTIL.toInstant(ZoneOffset.UTC).toEpochMilli());
        jdbc.update("delete from customer where created_at < ?", OURS_UNTIL);
    }

    // ---- the data set --------------------------------------------------------------------------------------

    /** UTC wall time, as Kefu stores instants. */
    private LocalDateTime at(int month, int day, int hour) {
        return LocalDateTime.of(YEAR, month, day, hour, 0);
    }

    private long customer(String type, String tier, int stores, LocalDateTime created, String status) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(con -> {
            var ps = con.prepareStatement("""
                    insert into customer (name, type, tier, status, store_count, created_at, updated_at, version)
                    values (?, ?, ?, ?, ?, ?, ?, 0)""", new String[] {"id"});
            ps.setString(1, unique("报表客户"));
            ps.setString(2, type);
            ps.setString(3, tier);
            ps.setString(4, status);
            ps.setInt(5, stores);
            ps.setObject(6, created);
            ps.setObject(7, created);
            return ps;
        }, key);
        return key.getKey().longValue();
    }

    /** The Envers revision that shows the customer terminated. */
    private void terminated(long customerId, LocalDateTime when) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(con -> {
            var ps = con.prepareStatement("insert into revinfo (revtstmp, username) values (?, 'manager')",
                    new String[] {"rev"});
            ps.setLong(1, when.toInstant(ZoneOffset.UTC).toEpochMilli());
            return ps;
        }, key);
        jdbc.update("insert into customer_aud (id, rev, revtype, status) values (?, ?, 1, 'TERMINATED')", customerId,
                key.getKey().longValue());
    }

    private long complaint(long customerId, String category, String severity, String department, LocalDateTime created,
            int respondedAfterHours, Integer resolvedAfterHours, String status, boolean repeat, String satisfaction,
            Boolean accepted) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(con -> {
            var ps = con.prepareStatement("""
                    insert into complaint (case_no, customer_id, complainant_name, complainant_phone, channel, category,
                      severity, description, owner_id, status, notify_manager, manager_approval, repeat_complaint,
                      reopen_count, department, response_due, responded_at, resolution_due, resolved_at, satisfaction,
                      customer_accepted, created_at, updated_at, version)
                    values (?, ?, '张三', '13800000000', 'HOTLINE', ?, ?, '报表测试', 'agent', ?, false, false, ?, 0, ?,
                      ?, ?, ?, ?, ?, ?, ?, ?, 0)""", new String[] {"id"});
            ps.setString(1, unique("RP"));
            ps.setLong(2, customerId);
            ps.setString(3, category);
            ps.setString(4, severity);
            ps.setString(5, status);
            ps.setBoolean(6, repeat);
            ps.setString(7, department);
            ps.setObject(8, created.plusHours(4));
            ps.setObject(9, created.plusHours(respondedAfterHours));
            ps.setObject(10, created.plusHours(48));
            ps.setObject(11, resolvedAfterHours == null ? null : created.plusHours(resolvedAfterHours));
            ps.setString(12, satisfaction);
            ps.setObject(13, accepted);
            ps.setObject(14, created);
            ps.setObject(15, created);
            return ps;
        }, key);
        long id = key.getKey().longValue();
        jdbc.update("insert into complaint_round (complaint_id, round_no, opened_at, department, version) values (?, 1, ?, ?, 0)",
                id, created, department);
        return id;
    }

    /** A visit due on day {@code dueDay} of March (33 = 2 April), deadline three days later. */
    private void visit(long customerId, String kind, int dueDay, String status, Integer completedDay, boolean overdue,
            String satisfaction, String matterDepartment) {
        LocalDate due = LocalDate.of(YEAR, 3, 1).plusDays(dueDay - 1);
        jdbc.update("""
                insert into visit (visit_no, customer_id, kind, visitor_role, plan_key, mode, plan_approval, status,
                  due_date, deadline, reschedule_count, overdue, satisfaction, matter_department, completed_at,
                  created_at, updated_at, version)
                values (?, ?, ?, 'ACCOUNT_MANAGER', ?, 'PHONE', false, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, 0)""",
                unique("HF"), customerId, kind, unique("report-test"), status, due, due.plusDays(3).atStartOfDay(), overdue, satisfaction,
                matterDepartment,
                completedDay == null ? null : LocalDate.of(YEAR, 3, 1).plusDays(completedDay - 1).atTime(10, 0),
                at(1, 1, 0), at(1, 1, 0));
    }

    private void contract(long customerId, String type, String status, int stores, LocalDate activated,
            LocalDate terminated) {
        jdbc.update("""
                insert into contract (contract_no, type, customer_id, status, secrecy, store_count, activated_on,
                  terminated_on, created_by, created_at, updated_at, version)
                values (?, ?, ?, ?, 'SECRET', ?, ?, ?, 'manager', ?, ?, 0)""",
                unique("HT"), type, customerId, status, stores, activated, terminated, at(1, 1, 0), at(1, 1, 0));
    }

    /**
     * The return visits of a complaint's rounds, a day apart from {@code firstVisit}: round 1 (every complaint has it)
     * gets the first answer, later rounds are added (null: the round is still being handled).
     */
    private void rounds(long complaintId, LocalDateTime firstVisit, String... answers) {
        for (int i = 0; i < answers.length; i++) {
            LocalDateTime visited = answers[i] == null ? null : firstVisit.plusDays(i);
            if (i == 0) {
                jdbc.update("""
                        update complaint_round set satisfaction = ?, visited_by = 'agent', visited_at = ?
                        where complaint_id = ? and round_no = 1""", answers[i], visited, complaintId);
            } else {
                jdbc.update("""
                        insert into complaint_round (complaint_id, round_no, opened_at, satisfaction, visited_by,
                          visited_at, version) values (?, ?, ?, ?, 'agent', ?, 0)""", complaintId, i + 1,
                        firstVisit.plusDays(i - 1), answers[i], visited);
            }
        }
    }

    private void breach(long complaintId, int position, String type, LocalDateTime detected) {
        jdbc.update("insert into complaint_breach (complaint_id, position, type, deadline, detected_at) values (?, ?, ?, ?, ?)",
                complaintId, position, type, detected, detected);
    }
}
