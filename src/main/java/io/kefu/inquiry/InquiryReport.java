package io.kefu.inquiry;

import static io.kefu.report.Figures.count;
import static io.kefu.report.Figures.percent;

import io.kefu.report.Report;
import io.kefu.report.Period;
import io.kefu.report.ReportResult;
import io.kefu.report.ReportResult.Chart;
import io.kefu.report.ReportResult.Kpi;
import io.kefu.report.ReportResult.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * 热线招商加盟咨询统计: the inquiries received in the period (by the day they came in, Kefu's time zone) by category,
 * channel, outcome and region, per day and week, and how many franchise inquiries became prospects. Every figure is a
 * group by over a range of {@code idx_inquiry_report} / {@code idx_inquiry_region} (V8). Formulas: docs/kpis.md.
 */
@Component
public class InquiryReport implements Report {

    /** Regions shown one by one; the rest add up to 其他地区. */
    static final int TOP_REGIONS = 10;

    private final JdbcTemplate jdbc;

    InquiryReport(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String key() {
        return "inquiries";
    }

    @Override
    public String title() {
        return "热线招商加盟咨询统计";
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public ReportResult run(Period period) {
        // one grouped query (at most categories × channels × outcomes rows), rolled up in every direction below
        Map<InquiryCategory, Map<InquiryOutcome, Long>> byCategory = new EnumMap<>(InquiryCategory.class);
        Map<InquiryChannel, long[]> byChannel = new EnumMap<>(InquiryChannel.class);
        Map<InquiryOutcome, Long> byOutcome = new EnumMap<>(InquiryOutcome.class);
        jdbc.query("select category, channel, outcome, count(*) from inquiry where received_on >= ? and received_on <= ?"
                + " group by category, channel, outcome", rs -> {
                    InquiryCategory category = InquiryCategory.valueOf(rs.getString(1));
                    InquiryChannel channel = InquiryChannel.valueOf(rs.getString(2));
                    InquiryOutcome outcome = InquiryOutcome.valueOf(rs.getString(3));
                    long n = count(rs.getObject(4));
                    byCategory.computeIfAbsent(category, c -> new EnumMap<>(InquiryOutcome.class))
                            .merge(outcome, n, Long::sum);
                    long[] c = byChannel.computeIfAbsent(channel, k -> new long[2]);
                    c[0] += n;
                    c[1] += category == InquiryCategory.FRANCHISE ? n : 0;
                    byOutcome.merge(outcome, n, Long::sum);
                }, period.from(), period.to());
        long total = byOutcome.values().stream().mapToLong(Long::longValue).sum();
        Map<InquiryOutcome, Long> franchise = byCategory.getOrDefault(InquiryCategory.FRANCHISE, Map.of());
        long franchiseTotal = sum(franchise);
        long franchiseProspects = franchise.getOrDefault(InquiryOutcome.PROSPECT, 0L);
        Map<InquiryOutcome, Long> agency = byCategory.getOrDefault(InquiryCategory.AGENCY, Map.of());
        long hotline = byChannel.getOrDefault(InquiryChannel.HOTLINE, new long[2])[0];
        long dayCount = ChronoUnit.DAYS.between(period.from(), period.to()) + 1;

        List<Kpi> kpis = List.of(
                new Kpi("咨询总数", total, "次", "inquiries-received"),
                new Kpi("招商加盟咨询", franchiseTotal, "次", "franchise-inquiries"),
                new Kpi("代理咨询", sum(agency), "次", "agency-inquiries"),
                new Kpi("热线来电", hotline, "次", "hotline-inquiries"),
                new Kpi("日均咨询", BigDecimal.valueOf(total * 1.0 / dayCount).setScale(1, RoundingMode.HALF_UP), "次/天",
                        "inquiries-per-day"),
                new Kpi("加盟咨询转为意向客户", franchiseProspects, "个", "franchise-prospects"),
                new Kpi("加盟咨询转化率", percent(franchiseProspects, franchiseTotal), "%", "franchise-conversion"),
                new Kpi("代理咨询转化率", percent(agency.getOrDefault(InquiryOutcome.PROSPECT, 0L), sum(agency)), "%",
                        "agency-conversion"),
                new Kpi("转交部门", byOutcome.getOrDefault(InquiryOutcome.REFERRED, 0L), "次", "inquiries-referred"),
                new Kpi("转为投诉", byOutcome.getOrDefault(InquiryOutcome.COMPLAINT, 0L), "次", "inquiries-to-complaints"),
                new Kpi("转为个案", byOutcome.getOrDefault(InquiryOutcome.CASE, 0L), "次", "inquiries-to-cases"));

        Map<LocalDate, long[]> days = days(period);
        List<Table> tables = List.of(categories(byCategory, total), channels(byChannel, total),
                outcomes(byOutcome, total), regions(period, total), perDay(period, days), perWeek(period, days));
        List<Chart> charts = List.of(
                new Chart("各类咨询数与转为意向客户", "bar", 0, 0, List.of(1, 6)),
                new Chart("咨询渠道分布", "doughnut", 1, 0, List.of(1)),
                new Chart("每日咨询数(其中招商加盟)", "line", 4, 0, List.of(1, 2)),
                new Chart("咨询较多的地区", "bar", 3, 0, List.of(1)));
        return new ReportResult(key(), title(), period, kpis, tables, charts);
    }

    private static Table categories(Map<InquiryCategory, Map<InquiryOutcome, Long>> byCategory, long total) {
        List<List<Object>> rows = new ArrayList<>();
        Map<InquiryOutcome, Long> all = new EnumMap<>(InquiryOutcome.class);
        for (InquiryCategory category : InquiryCategory.values()) {
            Map<InquiryOutcome, Long> outcomes = byCategory.getOrDefault(category, Map.of());
            outcomes.forEach((o, n) -> all.merge(o, n, Long::sum));
            rows.add(categoryRow(category.label(), outcomes, total));
        }
        rows.add(categoryRow("合计", all, total));
        List<String> columns = new ArrayList<>(List.of("咨询类别", "咨询数", "占比%"));
        Arrays.stream(InquiryOutcome.values()).map(InquiryOutcome::label).forEach(columns::add);
        columns.add("转化率%");
        return new Table("按咨询类别", columns, rows);
    }

    private static List<Object> categoryRow(String label, Map<InquiryOutcome, Long> outcomes, long total) {
        long n = sum(outcomes);
        List<Object> row = new ArrayList<>(Arrays.asList(label, n, percent(n, total)));
        for (InquiryOutcome outcome : InquiryOutcome.values()) {
            row.add(outcomes.getOrDefault(outcome, 0L));
        }
        row.add(percent(outcomes.getOrDefault(InquiryOutcome.PROSPECT, 0L), n));
        return row;
    }

    private static Table channels(Map<InquiryChannel, long[]> byChannel, long total) {
        List<List<Object>> rows = new ArrayList<>();
        long franchise = 0;
        for (InquiryChannel channel : InquiryChannel.values()) {
            long[] c = byChannel.getOrDefault(channel, new long[2]);
            franchise += c[1];
            rows.add(Arrays.asList(channel.label(), c[0], percent(c[0], total), c[1]));
        }
        rows.add(Arrays.asList("合计", total, percent(total, total), franchise));
        return new Table("按咨询渠道", List.of("渠道", "咨询数", "占比%", "其中招商加盟"), rows);
    }

    private static Table outcomes(Map<InquiryOutcome, Long> byOutcome, long total) {
        List<List<Object>> rows = new ArrayList<>();
        for (InquiryOutcome outcome : InquiryOutcome.values()) {
            long n = byOutcome.getOrDefault(outcome, 0L);
            rows.add(Arrays.asList(outcome.label(), n, percent(n, total)));
        }
        rows.add(Arrays.asList("合计", total, percent(total, total)));
        return new Table("按处理结果", List.of("处理结果", "咨询数", "占比%"), rows);
    }

    /** The regions with the most inquiries, most first; the rest as 其他地区, no region given as 未填写. */
    private Table regions(Period period, long total) {
        List<List<Object>> rows = new ArrayList<>();
        long[] shown = new long[1];
        jdbc.query("select region, count(*) from inquiry where received_on >= ? and received_on <= ?"
                + " and region is not null group by region order by count(*) desc, region limit " + TOP_REGIONS, rs -> {
                    long n = count(rs.getObject(2));
                    shown[0] += n;
                    rows.add(Arrays.asList(rs.getString(1), n, percent(n, total)));
                }, period.from(), period.to());
        Long unnamed = jdbc.queryForObject("select count(*) from inquiry where received_on >= ? and received_on <= ?"
                + " and region is null", Long.class, period.from(), period.to());
        long none = unnamed == null ? 0 : unnamed;
        long others = total - shown[0] - none;
        if (others > 0) {
            rows.add(Arrays.asList("其他地区", others, percent(others, total)));
        }
        if (none > 0) {
            rows.add(Arrays.asList("未填写", none, percent(none, total)));
        }
        rows.add(Arrays.asList("合计", total, percent(total, total)));
        return new Table("按地区(前 " + TOP_REGIONS + " 名)", List.of("地区", "咨询数", "占比%"), rows);
    }

    /** Inquiries and franchise inquiries per day received, one aggregated row per day that had any. */
    private Map<LocalDate, long[]> days(Period period) {
        Map<LocalDate, long[]> days = new LinkedHashMap<>();
        jdbc.query("select received_on, count(*), sum(case when category = 'FRANCHISE' then 1 else 0 end)"
                + " from inquiry where received_on >= ? and received_on <= ? group by received_on", rs -> {
                    days.put(rs.getObject(1, LocalDate.class),
                            new long[] {count(rs.getObject(2)), count(rs.getObject(3))});
                }, period.from(), period.to());
        return days;
    }

    private static Table perDay(Period period, Map<LocalDate, long[]> days) {
        List<List<Object>> rows = new ArrayList<>();
        for (LocalDate d = period.from(); !d.isAfter(period.to()); d = d.plusDays(1)) {
            long[] n = days.getOrDefault(d, new long[2]);
            rows.add(Arrays.asList(d.toString(), n[0], n[1]));
        }
        return new Table("按日", List.of("日期", "咨询数", "其中招商加盟"), rows);
    }

    /** Weeks from Monday (the first and last may be cut by the period), rolled up from the days. */
    private static Table perWeek(Period period, Map<LocalDate, long[]> days) {
        Map<LocalDate, long[]> weeks = new LinkedHashMap<>();
        for (LocalDate d = period.from(); !d.isAfter(period.to()); d = d.plusDays(1)) {
            weeks.computeIfAbsent(weekOf(d, period), w -> new long[2]);
        }
        days.forEach((day, n) -> {
            long[] w = weeks.get(weekOf(day, period));
            w[0] += n[0];
            w[1] += n[1];
        });
        List<List<Object>> rows = new ArrayList<>();
        weeks.forEach((start, n) -> {
            LocalDate end = start.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
            rows.add(Arrays.asList(start + " 至 " + (end.isAfter(period.to()) ? period.to() : end), n[0], n[1]));
        });
        return new Table("按周", List.of("周", "咨询数", "其中招商加盟"), rows);
    }

    private static LocalDate weekOf(LocalDate day, Period period) {
        LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return monday.isBefore(period.from()) ? period.from() : monday;
    }

    private static long sum(Map<InquiryOutcome, Long> outcomes) {
        return outcomes.values().stream().mapToLong(Long::longValue).sum();
    }
}
