package io.kefu.shared.time;

import java.time.Instant;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The current instant on the process engine's clock, and the service center's configured zone
 * ({@code KEFU_TIME_ZONE}), for entities and value types that cannot have them injected. Beans take the {@code Clock}
 * and {@code ZoneId} beans instead.
 */
public final class Now {

    /** Until the application has started: the default of {@code kefu.working-hours.zone}. */
    static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    private static volatile ZoneId zone = DEFAULT_ZONE;

    public static Instant instant() {
        return ClockUtil.now().toInstant();
    }

    /** The configured zone: case numbers' years, dates and times shown to people. */
    public static ZoneId zone() {
        return zone;
    }

    static void configure(ZoneId configured) {
        zone = configured;
    }

    private Now() {
    }
}
