package io.kefu.complaint;

/**
 * What happened to a complaint, published by {@link ComplaintService} as Spring application events for whoever
 * wants to know (the metrics in {@code io.kefu.operations}), so that the complaint code depends on none of them.
 * Events are published inside the step's transaction; listeners that count should wait for the commit.
 */
public final class ComplaintEvents {

    /** A complaint was registered (from the API or the Tasklist start form). */
    public record Opened(long complaintId, String caseNo, ComplaintCategory category, Severity severity) {
    }

    /** A complaint was closed: resolved and closed by the supervisors ({@code valid}) or judged invalid. */
    public record Closed(long complaintId, String caseNo, boolean valid) {
    }

    /** A complaint missed one of its deadlines. */
    public record SlaBreached(long complaintId, String caseNo, BreachType type) {
    }

    private ComplaintEvents() {
    }
}
