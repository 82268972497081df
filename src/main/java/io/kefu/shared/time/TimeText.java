package io.kefu.shared.time;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * An instant as people read it, in the configured zone ({@code KEFU_TIME_ZONE}): cards, timelines, sections, CSVs
 * and notices all show times this one way. Empty (null) for no instant.
 */
public final class TimeText {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** {@code 2026-11-24 15:00}. */
    public static String minutes(Instant instant) {
        return instant == null ? null : MINUTES.withZone(Now.zone()).format(instant);
    }

    /** {@code 2026-11-24 15:00:07}, where the order of events within a minute matters (logs, CSV exports). */
    public static String seconds(Instant instant) {
        return instant == null ? null : SECONDS.withZone(Now.zone()).format(instant);
    }

    private TimeText() {
    }
}
