package io.kefu.report;

/**
 * One of the periodic reports (R6). Each is a Spring bean; the console and {@code /api/reports/{key}} list every bean
 * there is, so a feature adds its report (hotline inquiries, delivery follow-ups, visit coverage...) by adding one.
 * A report must aggregate in the database (count, sum, avg with group by) and never load the period's rows.
 */
public interface Report {

    /** The URL name, e.g. {@code complaints}. */
    String key();

    /** The title users read, e.g. 投诉统计. */
    String title();

    /** Order on the report page (lower first). */
    default int order() {
        return 100;
    }

    ReportResult run(Period period);

    /**
     * Whether this user may run this report, on top of {@link ReportService#mayRead}: a report over people's own
     * records (the staff scorecard) narrows it to those who read every such record.
     */
    default boolean mayRead(io.kefu.identity.CurrentUser user) {
        return true;
    }
}
