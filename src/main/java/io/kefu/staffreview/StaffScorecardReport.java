package io.kefu.staffreview;

import io.kefu.identity.CurrentUser;
import io.kefu.report.Figures;
import io.kefu.report.Period;
import io.kefu.report.Report;
import io.kefu.report.ReportResult;
import io.kefu.report.ReportResult.Chart;
import io.kefu.report.ReportResult.Kpi;
import io.kefu.report.ReportResult.Table;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * 员工月度计分卡: the reviews of the months the period touches, one row per employee and month — the figures counted
 * from the records, the five scores, the grade, violations and acknowledgement — and the grades' distribution. Only
 * managers and auditors run it (StaffRecords); each row is already a month's aggregate.
 */
@Component
class StaffScorecardReport implements Report {

    static final List<String> COLUMNS = List.of("月份", "员工", "考评编号", "状态", "完成任务", "按时完成",
            "按时完成率(%)", "期限超时", "被投诉", "投诉率(%)", "回访评价", "回访满意度(%)", "违规",
            "工作量", "及时性", "有效性", "协调配合", "工作态度", "平均分", "等级", "员工确认");

    private final JdbcTemplate jdbc;

    StaffScorecardReport(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String key() {
        return "staff-scorecard";
    }

    @Override
    public String title() {
        return "员工月度计分卡";
    }

    @Override
    public int order() {
        return 90;
    }

    @Override
    public boolean mayRead(CurrentUser user) {
        return StaffRecords.readsAll(user);
    }

    @Override
    public ReportResult run(Period period) {
        List<String> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(period.from()); !m.isAfter(YearMonth.from(period.to())); m = m.plusMonths(1)) {
            months.add(m.toString());
        }
        String in = String.join(",", months.stream().map(m -> "?").toList());
        List<List<Object>> rows = new ArrayList<>();
        Map<String, Long> grades = new LinkedHashMap<>(Map.of("A", 0L, "B", 0L, "C", 0L));
        long[] totals = new long[4];
        jdbc.query("""
                select review_month, employee, review_no, status, tasks_completed, tasks_on_time, sla_breaches,
                  complaints_against, visits_rated, visits_satisfied, violations, score_workload, score_timeliness,
                  score_effectiveness, score_cooperation, score_attitude, grade, acknowledged_by, objection
                from staff_review where review_month in (%s) order by review_month, employee""".formatted(in), rs -> {
                    int completed = rs.getInt("tasks_completed");
                    int onTime = rs.getInt("tasks_on_time");
                    int against = rs.getInt("complaints_against");
                    int rated = rs.getInt("visits_rated");
                    StaffReview.Scores scores = new StaffReview.Scores(score(rs, "score_workload"),
                            score(rs, "score_timeliness"), score(rs, "score_effectiveness"),
                            score(rs, "score_cooperation"), score(rs, "score_attitude"));
                    String grade = rs.getString("grade");
                    if (grade != null) {
                        grades.merge(grade, 1L, Long::sum);
                    }
                    String status = rs.getString("status");
                    String acknowledged = rs.getString("acknowledged_by") != null ? "已确认"
                            : rs.getString("objection") != null ? "有异议"
                            : "COMPLETED".equals(status) ? "—" : "待确认";
                    totals[0]++;
                    totals[1] += rs.getInt("violations") > 0 ? 1 : 0;
                    totals[2] += completed;
                    totals[3] += onTime;
                    List<Object> row = new ArrayList<>(List.of(rs.getString("review_month"), rs.getString("employee"),
                            rs.getString("review_no"), StaffReview.Status.valueOf(status).label(), completed, onTime));
                    row.add(Figures.percent(onTime, completed));
                    row.add(rs.getInt("sla_breaches"));
                    row.add(against);
                    row.add(Figures.percent(against, completed));
                    row.add(rated);
                    row.add(Figures.percent(rs.getInt("visits_satisfied"), rated));
                    row.add(rs.getInt("violations"));
                    row.addAll(scores.all());
                    row.add(scores.average());
                    row.add(grade);
                    row.add(acknowledged);
                    rows.add(row);
                }, months.toArray());
        List<List<Object>> gradeRows = new ArrayList<>();
        grades.forEach((grade, count) -> gradeRows.add(List.of(grade, count)));
        List<Kpi> kpis = List.of(
                new Kpi("考评人次", totals[0], "人次", "所选月份的员工月度考评数"),
                new Kpi("当月有违规的人次", totals[1], "人次", "违规次数 ≥ 1 的考评数(当月考核C)"),
                new Kpi("按时完成率", Figures.percent(totals[3], totals[2]), "%",
                        "按时完成的任务 / 完成的任务(被考评员工合计)"));
        return new ReportResult(key(), title(), period, kpis,
                List.of(new Table("员工计分卡", COLUMNS, rows), new Table("等级分布", List.of("等级", "人次"), gradeRows)),
                List.of(new Chart("等级分布", "bar", 1, 0, List.of(1))));
    }

    private static Integer score(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}
