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
 * 热线招商加盟咨询统计 against a known data set: inquiries written straight into the table in March 1998, before any
 * other test's data (ReportApiTests keeps to 1999-2000), so the period holds exactly these. Whatever an earlier run
 * left in 1998 is this class's own and is removed first.
 */
class InquiryReportTests extends HttpApiTest {

    @Autowired
    JdbcTemplate jdbc;

    private static final int YEAR = 1998;
    private static boolean loaded;
    private final String query = "?from=" + LocalDate.of(YEAR, 3, 1) + "&to=" + LocalDate.of(YEAR, 3, 31);

    @BeforeEach
    void knownDataSet() {
        if (loaded) {
            return;
        }
        jdbc.update("delete from inquiry where received_on < ?", LocalDate.of(YEAR + 1, 1, 1));
        // 1 March is a Sunday: the first week of the period is that one day
        inquiry(1, "FRANCHISE", "WALK_IN", "REFERRED", "广东省广州市");
        inquiry(2, "FRANCHISE", "HOTLINE", "PROSPECT", "广东省广州市");
        inquiry(2, "FRANCHISE", "HOTLINE", "ANSWERED", "广东省广州市");
        inquiry(10, "FRANCHISE", "ONLINE", "PROSPECT", "广东省深圳市");
        inquiry(10, "AGENCY", "HOTLINE", "ANSWERED", "浙江省杭州市");
        inquiry(15, "AGENCY", "HOTLINE", "PROSPECT", null);
        inquiry(20, "PRODUCT", "ONLINE", "ANSWERED", "广东省深圳市");
        inquiry(31, "AFTER_SALES", "HOTLINE", "COMPLAINT", "广东省广州市");
        // outside the period: the day before, and the day after
        inquiry(0, "FRANCHISE", "HOTLINE", "PROSPECT", "广东省广州市");
        inquiry(32, "FRANCHISE", "HOTLINE", "PROSPECT", "广东省广州市");
        loaded = true;
    }

    @Test
    void theHeadlineFiguresCountTheInquiriesOfThePeriodAndTheFranchiseConversion() {
        JsonNode report = as("manager").get("/api/reports/inquiries" + query).json();

        assertThat(report.path("title").asText()).isEqualTo("热线招商加盟咨询统计");
        assertThat(kpis(report)).containsEntry("咨询总数", "8").containsEntry("招商加盟咨询", "4")
                .containsEntry("代理咨询", "2").containsEntry("热线来电", "5").containsEntry("日均咨询", "0.3")
                .containsEntry("加盟咨询转为意向客户", "2").containsEntry("加盟咨询转化率", "50.0")
                .containsEntry("代理咨询转化率", "50.0").containsEntry("转交部门", "1").containsEntry("转为投诉", "1")
                .containsEntry("转为个案", "0");
    }

    @Test
    void theTablesCountByCategoryChannelOutcomeAndRegion() {
        JsonNode tables = as("supervisor").get("/api/reports/inquiries" + query).json().path("tables");

        assertThat(row(tables.get(0), "招商加盟咨询")).containsExactly("招商加盟咨询", "4", "50.0", "1", "1", "0", "2", "0", "50.0");
        assertThat(row(tables.get(0), "售后咨询")).containsExactly("售后咨询", "1", "12.5", "0", "0", "1", "0", "0", "0.0");
        assertThat(row(tables.get(0), "其他")).containsExactly("其他", "0", "0.0", "0", "0", "0", "0", "0", "null");
        assertThat(row(tables.get(0), "合计")).containsExactly("合计", "8", "100.0", "3", "1", "1", "3", "0", "37.5");
        assertThat(row(tables.get(1), "热线电话")).containsExactly("热线电话", "5", "62.5", "2");
        assertThat(row(tables.get(1), "在线")).containsExactly("在线", "2", "25.0", "1");
        assertThat(row(tables.get(1), "来访")).containsExactly("来访", "1", "12.5", "1");
        assertThat(row(tables.get(2), "已答复")).containsExactly("已答复", "3", "37.5");
        assertThat(row(tables.get(2), "转为意向客户")).containsExactly("转为意向客户", "3", "37.5");
        assertThat(labels(tables.get(3))).containsExactly("广东省广州市", "广东省深圳市", "浙江省杭州市", "未填写", "合计");
        assertThat(row(tables.get(3), "广东省广州市")).containsExactly("广东省广州市", "4", "50.0");
        assertThat(row(tables.get(3), "未填写")).containsExactly("未填写", "1", "12.5");
    }

    @Test
    void inquiriesAreCountedPerDayAndPerWeekFromMonday() {
        JsonNode tables = as("auditor").get("/api/reports/inquiries" + query).json().path("tables");

        assertThat(tables.get(4).path("rows")).hasSize(31);
        assertThat(row(tables.get(4), "1998-03-02")).containsExactly("1998-03-02", "2", "2");
        assertThat(row(tables.get(4), "1998-03-10")).containsExactly("1998-03-10", "2", "1");
        assertThat(row(tables.get(4), "1998-03-11")).containsExactly("1998-03-11", "0", "0");
        assertThat(labels(tables.get(5))).containsExactly("1998-03-01 至 1998-03-01", "1998-03-02 至 1998-03-08",
                "1998-03-09 至 1998-03-15", "1998-03-16 至 1998-03-22", "1998-03-23 至 1998-03-29",
                "1998-03-30 至 1998-03-31");
        assertThat(row(tables.get(5), "1998-03-01 至 1998-03-01")).containsExactly("1998-03-01 至 1998-03-01", "1", "1");
        assertThat(row(tables.get(5), "1998-03-09 至 1998-03-15")).containsExactly("1998-03-09 至 1998-03-15", "3", "1");
        assertThat(row(tables.get(5), "1998-03-30 至 1998-03-31")).containsExactly("1998-03-30 至 1998-03-31", "1", "0");
    }

    @Test
    void theReportIsListedExportedAndReadOnlyByManagersSupervisorsAndAuditors() {
        assertThat(as("manager").get("/api/reports").json().findValuesAsText("key")).contains("inquiries");
        Response csv = as("manager").get("/api/reports/inquiries.csv" + query);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).contains("咨询总数,8,次").contains("加盟咨询转化率,50.0,%");
        assertThat(as("manager").get("/api/reports/inquiries.xlsx" + query).status()).isEqualTo(200);
        assertProblem(as("agent").get("/api/reports/inquiries" + query), 403);
    }

    /** One inquiry received at 10:00 Beijing time on {@code day} of March (0 = the last of February). */
    private void inquiry(int day, String category, String channel, String outcome, String region) {
        LocalDate on = LocalDate.of(YEAR, 3, 1).plusDays(day - 1);
        LocalDateTime utc = on.atTime(2, 0);
        jdbc.update("""
                insert into inquiry (received_at, received_on, channel, category, caller_name, caller_phone, region,
                  summary, outcome, department, taken_by, created_at, version)
                values (?, ?, ?, ?, '测试来电', '13800001111', ?, '报表测试', ?, ?, 'agent', ?, 0)""",
                utc, on, channel, category, region, outcome, "REFERRED".equals(outcome) ? "sales" : null, utc);
    }
}
