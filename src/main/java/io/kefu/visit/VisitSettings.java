package io.kefu.visit;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Visit rules that are configuration rather than the schedule table (visit-schedule.dmn): when planning runs, the
 * 3-day limit, the customers' rest hours, holiday visits, when a store-opening survey is due.
 *
 * @param planningCycle       timer cycle of the visit-planning process (cron, server time zone)
 * @param deadlineWorkingDays a visit must happen within this many working days of its due date
 * @param restHours           the customers' rest hours ("12:00-14:00", "20:00-09:00"): no visit, no appointment then
 * @param holidays            holiday visits (节假日回访): every active customer is visited {@code leadDays} before
 * @param storeOpeningDaysAfter the store-opening survey is due this many days after the opening date
 * @param appointmentHour     the hour of day visits and surveys become due (a timer never fires in rest hours)
 */
@ConfigurationProperties("kefu.visit")
public record VisitSettings(String planningCycle, int deadlineWorkingDays, List<String> restHours,
        List<Holiday> holidays, int storeOpeningDaysAfter, LocalTime appointmentHour) {

    public record Holiday(LocalDate date, String campaign, int leadDays) {

        public LocalDate visitDate() {
            return date.minusDays(leadDays);
        }
    }

    /** A span of the day, which may run over midnight (20:00-09:00). */
    public record RestHours(LocalTime from, LocalTime to) {

        static RestHours parse(String text) {
            String[] parts = text.trim().split("-");
            if (parts.length != 2) {
                throw new IllegalArgumentException("kefu.visit.rest-hours entries look like 12:00-14:00, not " + text);
            }
            return new RestHours(LocalTime.parse(parts[0].trim()), LocalTime.parse(parts[1].trim()));
        }

        boolean contains(LocalTime time) {
            return from.isBefore(to)
                    ? !time.isBefore(from) && time.isBefore(to)
                    : !time.isBefore(from) || time.isBefore(to);
        }

        @Override
        public String toString() {
            return from + "–" + to;
        }
    }

    public VisitSettings {
        planningCycle = planningCycle == null ? "0 0 8 * * ?" : planningCycle;
        deadlineWorkingDays = deadlineWorkingDays <= 0 ? 3 : deadlineWorkingDays;
        restHours = restHours == null ? List.of() : List.copyOf(restHours);
        holidays = holidays == null ? List.of() : List.copyOf(holidays);
        appointmentHour = appointmentHour == null ? LocalTime.of(9, 0) : appointmentHour;
        restHours.forEach(RestHours::parse);
    }

    public List<RestHours> restSpans() {
        return restHours.stream().map(RestHours::parse).toList();
    }
}
