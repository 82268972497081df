package io.kefu.notification;

/** Where a notice stands. */
public enum NoticeStatus {
    /** Recorded, not yet delivered (its job has not run yet). */
    QUEUED("待发送"),
    /** The mail server or the gateway accepted it. */
    SENT("已发送"),
    /** The last attempt failed; the engine retries the job and raises an incident after the last retry. */
    FAILED("发送失败"),
    /** Recorded and archived, but not sent: its channel is switched off in the configuration. */
    CHANNEL_OFF("渠道未开通");

    private final String label;

    NoticeStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** A notice in a final state is never sent (again) by its job. */
    public boolean isFinal() {
        return this == SENT || this == CHANNEL_OFF;
    }
}
