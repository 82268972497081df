package io.kefu.report;

import java.util.List;

/**
 * What a report shows: headline figures (each names its formula in docs/kpis.md), tables, and charts drawn from the
 * tables. Numbers are already aggregated; nothing here is a row of a case.
 */
public record ReportResult(String key, String title, Period period, List<Kpi> kpis, List<Table> tables,
        List<Chart> charts) {

    /** A headline figure; {@code value} is null when the period has nothing to measure (e.g. no complaint closed). */
    public record Kpi(String name, Number value, String unit, String formula) {
    }

    public record Table(String title, List<String> columns, List<List<Object>> rows) {
    }

    /**
     * A chart of one table: {@code labelColumn} gives the categories, {@code valueColumns} one series each.
     * {@code type} is a Chart.js type: bar, pie, doughnut, line.
     */
    public record Chart(String title, String type, int table, int labelColumn, List<Integer> valueColumns) {
    }
}
