package io.kefu.audit;

import java.time.Instant;

/**
 * One line of a case's timeline: when, from which source, what kind of event, who, and what happened.
 *
 * @param activityId the BPMN element the event belongs to, when it belongs to one (the diagram links to it)
 */
public record TimelineEntry(Instant at, Source source, String kind, String actor, String summary, String detail,
        String activityId) {

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
}
