package io.kefu.qualification;

import io.kefu.customer.CustomerDetails;
import io.kefu.customer.CustomerService;
import io.kefu.report.Report;
import io.kefu.report.Period;
import io.kefu.report.ReportResult;
import static io.kefu.report.Figures.count;
import static io.kefu.report.Figures.utc;

import io.kefu.report.ReportResult.Chart;
import io.kefu.report.ReportResult.Kpi;
import io.kefu.report.ReportResult.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * 客户资质评级表 (P16, monthly): the qualification reviews scored in the period — per customer class the reviews, the
 * average scores and the grades; the tier changes (from → to); the decisions on customers whose credit declined; and
 * the rating sheet itself, one line per review (a month holds a few dozen reviews: each customer once per cycle; the
 * sheet is capped at {@value #MAX_SHEET_ROWS} lines). Customers by code only. Formulas: docs/kpis.md.
 */
@Component
class QualificationReport implements Report {

    static final int MAX_SHEET_ROWS = 500;
    private static final String IN_PERIOD = " from qualification_review r where r.scored_at >= ? and r.scored_at < ?";

    private final JdbcTemplate jdbc;
    private final CustomerService customers;

    QualificationReport(JdbcTemplate jdbc, CustomerService customers) {
        this.customers = customers;
        this.jdbc = jdbc;
    }

    @Override
    public String key() {
        return "qualification";
    }

    @Override
    public String title() {
        return "客户资质评级表";
    }

    @Override
    public int order() {
        return 60;
    }

    /** Per class: reviews, sums of the three scores and the total, grades A/B/C, tier changes, credit declines. */
    private record ClassFigures(long reviews, long satisfaction, long contribution, long credit, long total, long gradeA,
            long gradeB, long gradeC, long changed, long declined) {

        static final ClassFigures NONE = new ClassFigures(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

        ClassFigures plus(ClassFigures o) {
            return new ClassFigures(reviews + o.reviews, satisfaction + o.satisfaction, contribution + o.contribution,
                    credit + o.credit, total + o.total, gradeA + o.gradeA, gradeB + o.gradeB, gradeC + o.gradeC,
                    changed + o.changed, declined + o.declined);
        }
    }

    @Override
    public ReportResult run(Period period) {
        Map<CustomerClass, ClassFigures> byClass = new EnumMap<>(CustomerClass.class);
        jdbc.query("select r.customer_class, count(*), sum(r.satisfaction), sum(r.contribution), sum(r.credit),"
                + " sum(r.total_score), sum(case when r.grade = 'A' then 1 else 0 end),"
                + " sum(case when r.grade = 'B' then 1 else 0 end), sum(case when r.grade = 'C' then 1 else 0 end),"
                + " sum(case when r.tier_after <> r.tier_before then 1 else 0 end),"
                + " sum(case when r.credit_declined then 1 else 0 end)" + IN_PERIOD + " group by r.customer_class",
                rs -> {
                    byClass.put(CustomerClass.valueOf(rs.getString(1)), new ClassFigures(count(rs.getObject(2)),
                            count(rs.getObject(3)), count(rs.getObject(4)), count(rs.getObject(5)),
                            count(rs.getObject(6)), count(rs.getObject(7)), count(rs.getObject(8)),
                            count(rs.getObject(9)), count(rs.getObject(10)), count(rs.getObject(11))));
                }, utc(period.start()), utc(period.end()));
        ClassFigures all = byClass.values().stream().reduce(ClassFigures.NONE, ClassFigures::plus);
        List<List<Object>> changes = new ArrayList<>();
        long[] upDown = new long[2];
        jdbc.query("select r.tier_before, r.tier_after, count(*)" + IN_PERIOD
                + " and r.tier_after <> r.tier_before group by r.tier_before, r.tier_after"
                + " order by r.tier_before, r.tier_after", rs -> {
                    String before = rs.getString(1);
                    String after = rs.getString(2);
                    long n = count(rs.getObject(3));
                    upDown[after.compareTo(before) < 0 ? 0 : 1] += n;
                    changes.add(Arrays.asList(before + " 类 → " + after + " 类", after.compareTo(before) < 0 ? "上调"
                            : "下调", n));
                }, utc(period.start()), utc(period.end()));
        changes.add(Arrays.asList("合计", "", upDown[0] + upDown[1]));
        long[] decisions = new long[3];
        jdbc.query("select r.status, count(*)" + IN_PERIOD + " and r.credit_declined group by r.status", rs -> {
            String status = rs.getString(1);
            long n = count(rs.getObject(2));
            decisions[status.equals("TERMINATION_STARTED") ? 0 : status.equals("COOPERATION_KEPT") ? 1 : 2] += n;
        }, utc(period.start()), utc(period.end()));
        Long opened = jdbc.queryForObject("select count(*) from qualification_review r"
                + " where r.opened_at >= ? and r.opened_at < ?", Long.class, utc(period.start()), utc(period.end()));

        List<Kpi> kpis = List.of(
                new Kpi("本月发起审核", opened == null ? 0 : opened, "次", "qualification-reviews-opened"),
                new Kpi("本月完成评级", all.reviews(), "次", "qualification-reviews-scored"),
                new Kpi("平均满意度", average(all.satisfaction(), all.reviews()), "分", "qualification-average-satisfaction"),
                new Kpi("平均业务贡献", average(all.contribution(), all.reviews()), "分",
                        "qualification-average-contribution"),
                new Kpi("平均信用", average(all.credit(), all.reviews()), "分", "qualification-average-credit"),
                new Kpi("等级调整", upDown[0] + upDown[1], "个", "qualification-tier-changes"),
                new Kpi("等级上调", upDown[0], "个", "qualification-tier-raised"),
                new Kpi("等级下调", upDown[1], "个", "qualification-tier-lowered"),
                new Kpi("信用下降", all.declined(), "个", "qualification-credit-declined"),
                new Kpi("决定终止合作", decisions[0], "个", "qualification-cooperation-stopped"),
                new Kpi("决定继续合作", decisions[1], "个", "qualification-cooperation-kept"));
        List<Table> tables = List.of(classes(byClass, all),
                new Table("等级调整", List.of("等级变化", "方向", "客户数"), changes),
                new Table("信用下降的处理", List.of("处理结果", "客户数"), List.of(
                        Arrays.asList("终止合作(已发起解约)", decisions[0]),
                        Arrays.asList("继续合作", decisions[1]),
                        Arrays.asList("待经理决定", decisions[2]),
                        Arrays.asList("合计", all.declined()))),
                sheet(period));
        List<Chart> charts = List.of(new Chart("各类客户评级分布", "bar", 0, 0, List.of(7, 8, 9)));
        return new ReportResult(key(), title(), period, kpis, tables, charts);
    }

    private static Table classes(Map<CustomerClass, ClassFigures> byClass, ClassFigures all) {
        List<List<Object>> rows = new ArrayList<>();
        for (CustomerClass c : CustomerClass.values()) {
            rows.add(classRow(c.label(), byClass.getOrDefault(c, ClassFigures.NONE)));
        }
        rows.add(classRow("合计", all));
        return new Table("按客户分类", List.of("客户分类", "评级数", "平均满意度", "平均业务贡献", "平均信用", "平均总分",
                "等级调整", "评为A类", "评为B类", "评为C类", "信用下降"), rows);
    }

    private static List<Object> classRow(String label, ClassFigures f) {
        return Arrays.asList(label, f.reviews(), average(f.satisfaction(), f.reviews()),
                average(f.contribution(), f.reviews()), average(f.credit(), f.reviews()),
                average(f.total(), f.reviews()), f.changed(), f.gradeA(), f.gradeB(), f.gradeC(), f.declined());
    }

    /** 客户资质评级表 itself: one line per review scored in the period, in the order they were scored. */
    private Table sheet(Period period) {
        List<Long> customerIds = new ArrayList<>();
        List<List<Object>> scores = new ArrayList<>();
        jdbc.query("select r.review_no, r.customer_id, r.customer_class, r.satisfaction, r.contribution, r.credit,"
                + " r.total_score, r.grade, r.tier_before, r.tier_after, r.credit_declined, r.status"
                + " from qualification_review r"
                + " where r.scored_at >= ? and r.scored_at < ? order by r.scored_at, r.id limit " + MAX_SHEET_ROWS,
                rs -> {
                    customerIds.add(rs.getLong(2));
                    scores.add(Arrays.asList(rs.getString(1),
                            CustomerClass.valueOf(rs.getString(3)).label(), rs.getInt(4), rs.getInt(5), rs.getInt(6),
                            rs.getInt(7), rs.getString(8), rs.getString(9), rs.getString(10),
                            rs.getBoolean(11) ? "是" : "否",
                            ReviewStatus.valueOf(rs.getString(12)).label()));
                }, utc(period.start()), utc(period.end()));
        // each review's customer code from the customer registry, all in one query
        Map<Long, CustomerDetails> customers = this.customers.byIdsMap(customerIds);
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < scores.size(); i++) {
            CustomerDetails customer = customers.get(customerIds.get(i));
            List<Object> row = new ArrayList<>(scores.get(i));
            row.add(1, customer == null ? null : customer.code());
            rows.add(row);
        }
        return new Table("评级明细", List.of("审核编号", "客户编号", "客户分类", "满意度", "业务贡献", "信用", "总分", "评级",
                "原等级", "现等级", "信用下降", "结果"), rows);
    }

    private static BigDecimal average(long sum, long count) {
        return count == 0 ? null : BigDecimal.valueOf(sum * 1.0 / count).setScale(1, RoundingMode.HALF_UP);
    }
}
