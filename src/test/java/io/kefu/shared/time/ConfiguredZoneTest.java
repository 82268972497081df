package io.kefu.shared.time;

import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.shared.Markdown;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The zone configured in {@code KEFU_TIME_ZONE} is the one people read times in, not a zone written into the code. */
class ConfiguredZoneTest {

    static final Instant MIDNIGHT_UTC = Instant.parse("2026-01-10T23:30:00Z");

    @AfterEach
    void restoreTheDefaultZone() {
        Now.configure(Now.DEFAULT_ZONE);
    }

    @Test
    void aCaseCardShowsTimesInTheConfiguredZone() {
        ZoneId berlin = configure("Europe/Berlin");

        assertThat(berlin).isEqualTo(ZoneId.of("Europe/Berlin"));
        // the card builder used to write every time in Asia/Shanghai (2026-01-11 07:30)
        assertThat(Markdown.time(MIDNIGHT_UTC)).isEqualTo("2026-01-11 00:30");
        assertThat(TimeText.seconds(MIDNIGHT_UTC)).isEqualTo("2026-01-11 00:30:00");

        configure("America/New_York");
        assertThat(Markdown.time(MIDNIGHT_UTC)).isEqualTo("2026-01-10 18:30");
    }

    @Test
    void withoutAConfiguredZoneTheServiceCentersZoneIsUsed() {
        assertThat(new TimeConfig().zone(hours(null))).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(Markdown.time(MIDNIGHT_UTC)).isEqualTo("2026-01-11 07:30");
    }

    private static ZoneId configure(String zone) {
        return new TimeConfig().zone(hours(ZoneId.of(zone)));
    }

    private static WorkingHours hours(ZoneId zone) {
        return new WorkingHours(zone, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0),
                LocalTime.of(18, 0), List.of());
    }
}
