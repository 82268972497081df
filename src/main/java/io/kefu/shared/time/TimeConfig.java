package io.kefu.shared.time;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TimeConfig {

    /**
     * Kefu reads the time from the same clock as the process engine, so deadlines Kefu computes and the timers the
     * engine fires agree, also in tests that move the engine's clock.
     */
    @Bean
    Clock clock() {
        return new EngineClock();
    }

    /**
     * The service center's zone ({@code KEFU_TIME_ZONE}, {@code kefu.working-hours.zone}): every date and time Kefu
     * shows or counts in days is in it. Also handed to {@link Now} for entities.
     */
    @Bean
    ZoneId zone(WorkingHours hours) {
        Now.configure(hours.zone());
        return hours.zone();
    }

    static final class EngineClock extends Clock {

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(instant(), zone);
        }

        @Override
        public Instant instant() {
            return ClockUtil.now().toInstant();
        }
    }
}
