package io.kefu.report;

import static io.kefu.report.ReportJson.kpis;
import static io.kefu.report.ReportJson.row;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kefu.support.HttpApiTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 派工统计 against a known data set: work orders written straight into the table in May 1997, a month no other test
 * uses; whatever an earlier run left in 1997 is this class's own and is removed first.
 */
class DispatchReportTests extends HttpApiTest {

    @Autowired
    JdbcTemplate jdbc;

    private static boolean loaded;
    private final String query = "?month=1997-05";

    @BeforeEach
    void knownDataSet() {
        if (loaded) {
            return;
        }
        jdbc.update("delete from work_order where opened_at >= ? and opened_at < ?", LocalDateTime.of(1997, 1, 1, 0, 0),
                LocalDateTime.of(1998, 1, 1, 0, 0));
        long customer = registerCustomer().path("id").asLong();
        // day, kind, status, technician, served, late, out of warranty fee, finance confirmed
        order(customer, 1, "REPAIR", "CLOSED", "tech", true, false, "120.5", true);
        order(customer, 2, "REPAIR", "AWAITING_FINANCE", "tech", true, false, "80.00", false);
        order(customer, 3, "REPAIR", "CLOSED", "tech2", true, true, null, false);
        order(customer, 10, "INSTALLATION", "ASSIGNED", "tech2", false, true, null, false);
        order(customer, 20, "INSTALLATION", "SUBMITTED", null, false, false, null, false);
        order(customer, 31, "INSTALLATION", "REJECTED", null, false, false, null, false);
        // outside the month
        order(customer, 0, "REPAIR", "CLOSED", "tech", true, false, "50.00", true);
        order(customer, 32, "REPAIR", "CLOSED", "tech", true, false, null, false);
        loaded = true;
    }

    @Test
    void theHeadlineFiguresCountTheMonthsWorkOrdersTheirPunctualityAndFees() {
        JsonNode report = as("manager").get("/api/reports/dispatch" + query).json();

        assertThat(report.path("title").asText()).isEqualTo("派工统计");
        assertThat(kpis(report)).containsEntry("派工单数", "6").containsEntry("安装任务派工单", "3")
                .containsEntry("维修服务单", "3").containsEntry("已完成", "2").containsEntry("未完成", "3")
                .containsEntry("按时上门率", "50.0").containsEntry("保外维修单", "2")
                .containsEntry("保外零部件费用", "200.5").containsEntry("财务已确认费用", "120.5");
    }

    @Test
    void theTablesCountByKindStatusAndTechnician() {
        JsonNode tables = as("auditor").get("/api/reports/dispatch" + query).json().path("tables");

        assertThat(money(row(tables.get(0), "维修服务单"))).containsExactly("维修服务单", "3", "3", "2", "66.7", "2", "200.5",
                "120.5");
        assertThat(money(row(tables.get(0), "安装任务派工单"))).containsExactly("安装任务派工单", "3", "1", "0", "0.0", "0", "0",
                "0");
        assertThat(money(row(tables.get(0), "合计"))).containsExactly("合计", "6", "4", "2", "50.0", "2", "200.5", "120.5");
        assertThat(row(tables.get(1), "已完成")).containsExactly("已完成", "0", "2", "2");
        assertThat(row(tables.get(1), "待审批")).containsExactly("待审批", "1", "0", "1");
        assertThat(row(tables.get(1), "已出发")).containsExactly("已出发", "0", "0", "0");
        assertThat(money(row(tables.get(2), "tech"))).containsExactly("tech", "2", "2", "2", "100.0", "2", "200.5", "120.5");
        assertThat(money(row(tables.get(2), "tech2"))).containsExactly("tech2", "2", "2", "0", "0.0", "0", "0", "0");
        assertThat(money(row(tables.get(2), "未派工"))).containsExactly("未派工", "2", "0", "0", "null", "0", "0", "0");
    }

    @Test
    void theReportIsExportedAndReadOnlyByManagersSupervisorsAndAuditors() {
        assertThat(as("supervisor").get("/api/reports").json().findValuesAsText("key")).contains("dispatch");
        Response csv = as("manager").get("/api/reports/dispatch.csv" + query);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).contains("派工单数,6,单").contains("按时上门率,50.0,%");
        assertThat(as("manager").get("/api/reports/dispatch.xlsx" + query).status()).isEqualTo(200);
        assertProblem(as("agent").get("/api/reports/dispatch" + query), 403);
        assertProblem(as("tech").get("/api/reports/dispatch" + query), 403);
    }

    /** The row with its two fee cells as plain numbers (JSON writes 200.50 as 200.5, 0.00 as 0.0 or 0). */
    private static List<String> money(List<String> row) {
        List<String> cells = new ArrayList<>(row);
        for (int i = cells.size() - 2; i < cells.size(); i++) {
            cells.set(i, new BigDecimal(cells.get(i)).stripTrailingZeros().toPlainString());
        }
        return cells;
    }

    /** One work order opened at 10:00 Beijing time on {@code day} of May 1997 (0 = 30 April). */
    private void order(long customer, int day, String kind, String status, String technician, boolean served,
            boolean late, String fee, boolean confirmed) {
        LocalDateTime opened = LocalDate.of(1997, 5, 1).plusDays(day - 1).atTime(2, 0);
        jdbc.update("""
                insert into work_order (kind, customer_id, contact_name, contact_phone, address, product_model,
                  requested_by, status, opened_at, appointment_at, late_at, technician, returned_to_workshop,
                  sim_replaced, out_of_warranty, parts_fee, serviced_at, finance_confirmed_by, finance_confirmed_at,
                  version)
                values (?, ?, '测试联系人', '13800001111', '测试地址', 'GPS-100', 'agent', ?, ?, ?, ?, ?, false, false,
                  ?, ?, ?, ?, ?, 0)""",
                kind, customer, status, opened, opened.plusDays(1), late ? opened.plusDays(1).plusHours(1) : null,
                technician, fee != null, fee == null ? null : new BigDecimal(fee),
                served ? opened.plusDays(1).plusHours(2) : null, confirmed ? "finance" : null,
                confirmed ? opened.plusDays(2) : null);
    }
}
