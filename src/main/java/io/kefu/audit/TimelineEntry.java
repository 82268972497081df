package io.kefu.audit;

import java.time.Instant;

/**
 * One line of a case's timeline: when, from which source, what kind of event, who, and what happened — in words.
 *
 * @param detail     what happened, with coded values shown by their labels (as the forms show them)
 * @param code       the same detail with the stored codes ({@code warehouse → tech}), when it differs from
 *                   {@code detail}; the CSV keeps both
 * @param activityId the BPMN element the event belongs to, when it belongs to one (the diagram links to it)
 * @param technical  a step of the model's plumbing (gateway, start or end event, join, intermediate event) rather than
 *                   of the case's story: hidden unless all steps are asked for
 * @param round      the round of handling (处理轮次) of a reopened complaint the entry belongs to, 1 for the first;
 *                   null for entries of no round: those before the first round began, reads and exports of the case,
 *                   migrations, and every entry of a case that has no rounds
 */
public record TimelineEntry(Instant at, Source source, String kind, String actor, String summary, String detail,
        String code, String activityId, boolean technical, Integer round) {

    public TimelineEntry(Instant at, Source source, String kind, String actor, String summary, String detail,
            String activityId) {
        this(at, source, kind, actor, summary, detail, null, activityId, false, null);
    }

    /** Where an entry comes from: the process engine's history, the case's own record, or the access log. */
    public enum Source {
        PROCESS("流程"),
        RECORD("案件记录"),
        ACCESS("资料查阅");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public static TimelineEntry record(Instant at, String kind, String actor, String summary, String detail) {
        return new TimelineEntry(at, Source.RECORD, kind, actor, summary, detail, null);
    }

    /** This entry with its detail's stored codes (null when they read the same as the detail). */
    public TimelineEntry withCode(String code) {
        return new TimelineEntry(at, source, kind, actor, summary, detail, code, activityId, technical, round);
    }

    /** This entry as part of the given round of handling. */
    public TimelineEntry inRound(Integer round) {
        return new TimelineEntry(at, source, kind, actor, summary, detail, code, activityId, technical, round);
    }

    /**
     * Whether this entry opens a round: the creation of the round's own record ({@code RECORD_CREATED} with a round).
     * Every entry after it in the case's order belongs to that round until the next one opens.
     */
    public boolean opensRound() {
        return round != null && "RECORD_CREATED".equals(kind);
    }

    TimelineEntry asTechnical() {
        return new TimelineEntry(at, source, kind, actor, summary, detail, code, activityId, true, round);
    }
}
