package io.kefu.shared.time;

import java.time.Instant;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** The current instant on the process engine's clock, for entities that stamp their own timestamps. */
public final class Now {

    public static Instant instant() {
        return ClockUtil.now().toInstant();
    }

    private Now() {
    }
}
