package io.kefu.report;

import static io.kefu.report.ReportJson.kpis;
import static io.kefu.report.ReportJson.labels;
import static io.kefu.report.ReportJson.row;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kefu.support.BrowserSession;
import io.kefu.support.HttpApiTest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 服务监督汇总 over the first half of 1996, a period no other test uses: the monthly 服务监督报告 records with 业务部's
 * grades, weekly reports, and work orders written straight into the tables; the summary's figures must be those of
 * the monthly reports of the same months, and its grades and weekly counts those of the records.
 */
class SupervisionSummaryReportTests extends HttpApiTest {

    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    private static boolean loaded;
    private final String halfYear = "?from=1996-01-01&to=1996-06-30";

    @BeforeEach
    void knownDataSet() {
        if (loaded) {
            return;
        }
        jdbc.update("delete from supervision_report where period_from >= ? and period_from < ?",
                LocalDate.of(1996, 1, 1), LocalDate.of(1997, 1, 1));
        jdbc.update("delete from work_order where opened_at >= ? and opened_at < ?", LocalDateTime.of(1996, 1, 1, 0, 0),
                LocalDateTime.of(1997, 1, 1, 0, 0));
        monthly("1996-01-01", "1996-01-31", "GOOD", "EXCELLENT", "DONE");
        monthly("1996-02-01", "1996-02-29", "FAIR", "GOOD", "ASSESSED");
        monthly("1996-03-01", "1996-03-31", null, null, "OPEN");
        weekly("1996-01-08", "tech", "DONE", 2, 1);
        weekly("1996-01-15", "tech", "OPEN", 1, 0);
        weekly("1996-01-08", "tech2", "DONE", 3, 3);
        long customer = registerCustomer().path("id").asLong();
        workOrder(customer, "1996-01-10", true, false);
        workOrder(customer, "1996-01-20", true, true);
        workOrder(customer, "1996-04-02", true, false);
        loaded = true;
    }

    @Test
    void eachMonthCarriesTheMonthlyReportsFiguresAndTheBusinessDepartmentsGrades() {
        JsonNode report = as("manager").get("/api/reports/supervision" + halfYear).json();
        JsonNode months = report.path("tables").get(0);

        assertThat(labels(months)).containsExactly("1996-01", "1996-02", "1996-03", "1996-04", "1996-05", "1996-06",
                "合计");
        // figures reconcile with 派工统计 of the same month, which reconciles with the work orders (DispatchReportTests)
        Map<String, String> january = kpis(as("manager").get("/api/reports/dispatch?month=1996-01").json());
        assertThat(january).containsEntry("派工单数", "2").containsEntry("按时上门率", "50.0");
        assertThat(row(months, "1996-01").subList(10, 15)).containsExactly("2", "50.0", "良", "优", "已阅");
        assertThat(row(months, "1996-02").subList(12, 15)).containsExactly("中", "良", "未阅");
        assertThat(row(months, "1996-03").subList(12, 15)).containsExactly("—", "—", "未阅");
        assertThat(row(months, "1996-04").subList(10, 15)).containsExactly("1", "100.0", "—", "—", "—");
        assertThat(row(months, "合计").subList(10, 12)).containsExactly("3", "66.7");
        assertThat(kpis(report)).containsEntry("派工单数", "3").containsEntry("按时上门率", "66.7")
                .containsEntry("服务监督报告已考核", "2").containsEntry("总经理已阅", "1")
                .containsEntry("月度考核完成率", "33.3").containsEntry("每周服务状况报告提交率", "66.7");
        Map<String, String> complaints = kpis(as("manager").get("/api/reports/complaints" + halfYear).json());
        assertThat(row(months, "合计").get(1)).isEqualTo(complaints.get("受理投诉数"));
    }

    @Test
    void theWeeklyReportsAndGradesAreCounted() {
        JsonNode tables = as("auditor").get("/api/reports/supervision" + halfYear).json().path("tables");

        assertThat(row(tables.get(1), "tech")).containsExactly("tech", "2", "1", "50.0", "3", "1");
        assertThat(row(tables.get(1), "tech2")).containsExactly("tech2", "1", "1", "100.0", "3", "3");
        assertThat(row(tables.get(1), "合计")).containsExactly("合计", "3", "2", "66.7", "6", "4");
        assertThat(row(tables.get(2), "良")).containsExactly("良", "1", "1");
        assertThat(row(tables.get(2), "优")).containsExactly("优", "0", "1");
        assertThat(row(tables.get(2), "中")).containsExactly("中", "1", "0");
    }

    @Test
    void theSummaryIsExportedAndReadOnlyByManagersSupervisorsAndAuditors() {
        Response csv = as("supervisor").get("/api/reports/supervision.csv?from=1996-01-01&to=1996-12-31");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).contains("服务监督报告已考核,2,个月").contains("1996-12");
        assertThat(as("manager").get("/api/reports/supervision.xlsx" + halfYear).status()).isEqualTo(200);
        assertProblem(as("agent").get("/api/reports/supervision" + halfYear), 403);
        assertProblem(as("tech").get("/api/reports/supervision" + halfYear), 403);
        assertThat(BrowserSession.loggedIn(port, "manager")
                .get("/console/reports?report=supervision&from=1996-01-01&to=1996-06-30").getBody())
                .contains("服务监督汇总", "各月服务监督数据与业务部考核", "/api/reports/supervision.xlsx");
    }

    private void monthly(String from, String to, String acceptance, String maintenance, String status) {
        insert("JD" + from, "MONTHLY", from, to, null, status, acceptance, maintenance, null, null);
    }

    private void weekly(String monday, String staff, String status, long ownOrders, long ownOnTime) {
        insert("ZB" + monday + "-" + staff, "WEEKLY", monday, LocalDate.parse(monday).plusDays(4).toString(), staff,
                status, null, null, ownOrders, ownOnTime);
    }

    private void insert(String no, String kind, String from, String to, String staff, String status, String acceptance,
            String maintenance, Long ownOrders, Long ownOnTime) {
        jdbc.update("""
                insert into supervision_report (report_no, kind, period_from, period_to, staff_id, status,
                  complaints_received, complaints_closed, resolution_breaches, inquiries, inquiries_referred,
                  inquiries_to_cases, visits_due, visits_done, work_orders, own_work_orders, own_visits_on_time,
                  acceptance_grade, maintenance_grade, created_at, version)
                values (?, ?, ?, ?, ?, ?, 0, 0, 0, 0, 0, 0, 0, 0, 0, ?, ?, ?, ?, ?, 0)""",
                no, kind, LocalDate.parse(from), LocalDate.parse(to), staff, status, ownOrders, ownOnTime, acceptance,
                maintenance, LocalDateTime.of(1996, 7, 1, 0, 0));
    }

    /** A work order opened at 10:00 Beijing time, served, late or not. */
    private void workOrder(long customer, String day, boolean served, boolean late) {
        LocalDateTime opened = LocalDate.parse(day).atTime(2, 0);
        jdbc.update("""
                insert into work_order (kind, customer_id, contact_name, contact_phone, address, product_model,
                  requested_by, status, opened_at, appointment_at, late_at, technician, returned_to_workshop,
                  sim_replaced, out_of_warranty, serviced_at, version)
                values ('REPAIR', ?, '测试联系人', '13800001111', '测试地址', 'GPS-100', 'agent', 'CLOSED', ?, ?, ?, 'tech',
                  false, false, false, ?, 0)""",
                customer, opened, opened.plusDays(1), late ? opened.plusDays(1).plusHours(1) : null,
                served ? opened.plusDays(1).plusHours(2) : null);
    }
}
