package io.kefu.shared.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The service center's working hours, against which SLA deadlines are counted. Configuration, not code: the
 * rulebooks disagree (Mon–Fri 9–18 vs every day 9–21).
 */
@ConfigurationProperties("kefu.working-hours")
public record WorkingHours(ZoneId zone, Set<DayOfWeek> days, LocalTime start, LocalTime end, List<LocalDate> holidays) {

    public WorkingHours {
        if (days == null || days.isEmpty()) {
            throw new IllegalArgumentException("kefu.working-hours.days must name at least one working day");
        }
        if (start == null || end == null || !start.isBefore(end)) {
            throw new IllegalArgumentException("kefu.working-hours.start must be before kefu.working-hours.end");
        }
        zone = zone == null ? Now.DEFAULT_ZONE : zone;
        holidays = holidays == null ? List.of() : List.copyOf(holidays);
        days = Set.copyOf(days);
    }

    public boolean isWorkingDay(LocalDate date) {
        return days.contains(date.getDayOfWeek()) && !holidays.contains(date);
    }
}
