package io.kefu.shared.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import org.springframework.stereotype.Component;

/** Adds working time to an instant: "8 working hours after the complaint came in" on the configured hours. */
@Component
public class BusinessCalendar {

    private final WorkingHours hours;
    private final Clock clock;

    public BusinessCalendar(WorkingHours hours, Clock clock) {
        this.hours = hours;
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }

    /** The instant at which {@code workingTime} of working hours will have passed since {@code from}. */
    public Instant addWorkingTime(Instant from, Duration workingTime) {
        if (workingTime.isNegative()) {
            throw new IllegalArgumentException("working time must not be negative");
        }
        LocalDateTime cursor = LocalDateTime.ofInstant(from, hours.zone());
        Duration left = workingTime;
        int guard = 0;
        while (true) {
            LocalDate day = cursor.toLocalDate();
            if (hours.isWorkingDay(day)) {
                LocalDateTime open = day.atTime(hours.start());
                LocalDateTime close = day.atTime(hours.end());
                if (cursor.isBefore(open)) {
                    cursor = open;
                }
                if (cursor.isBefore(close)) {
                    Duration available = Duration.between(cursor, close);
                    if (left.compareTo(available) <= 0) {
                        return ZonedDateTime.of(cursor.plus(left), hours.zone()).toInstant();
                    }
                    left = left.minus(available);
                }
            }
            cursor = day.plusDays(1).atStartOfDay();
            if (++guard > 3660) {
                throw new IllegalStateException("no working day within ten years: check kefu.working-hours");
            }
        }
    }

    /** The end of the working day {@code days} working days after the day of {@code from}. */
    public Instant addWorkingDays(Instant from, int days) {
        LocalDate day = LocalDateTime.ofInstant(from, hours.zone()).toLocalDate();
        int counted = 0;
        while (counted < days) {
            day = day.plusDays(1);
            if (hours.isWorkingDay(day)) {
                counted++;
            }
        }
        return ZonedDateTime.of(day.atTime(hours.end()), hours.zone()).toInstant();
    }
}
