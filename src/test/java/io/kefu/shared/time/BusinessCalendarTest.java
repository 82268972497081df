package io.kefu.shared.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Working-time arithmetic for SLA deadlines, without Spring: the calendar is plain code. */
class BusinessCalendarTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Set<DayOfWeek> MONDAY_TO_FRIDAY = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    static final Set<DayOfWeek> EVERY_DAY = EnumSet.allOf(DayOfWeek.class);

    // 2026-11-20 is a Friday, 2026-11-21 a Saturday, 2026-11-23 a Monday.
    static final LocalDate FRIDAY = LocalDate.of(2026, 11, 20);
    static final LocalDate SATURDAY = LocalDate.of(2026, 11, 21);
    static final LocalDate SUNDAY = LocalDate.of(2026, 11, 22);
    static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
    static final LocalDate TUESDAY = LocalDate.of(2026, 11, 24);

    static Instant shanghai(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).atZone(SHANGHAI).toInstant();
    }

    static LocalDateTime inShanghai(Instant instant) {
        return LocalDateTime.ofInstant(instant, SHANGHAI);
    }

    static BusinessCalendar calendar(Set<DayOfWeek> days, int startHour, int endHour, LocalDate... holidays) {
        WorkingHours hours = new WorkingHours(SHANGHAI, days, LocalTime.of(startHour, 0), LocalTime.of(endHour, 0),
                List.of(holidays));
        return new BusinessCalendar(hours, Clock.fixed(Instant.parse("2026-11-20T01:00:00Z"), ZoneOffset.UTC));
    }

    @Nested
    class MondayToFridayNineToSix {

        final BusinessCalendar calendar = calendar(MONDAY_TO_FRIDAY, 9, 18);

        @Test
        void twoWorkingHoursFromFridayFivePmEndOnMondayAtTen() {
            Instant due = calendar.addWorkingTime(shanghai(FRIDAY, 17, 0), Duration.ofHours(2));

            assertThat(inShanghai(due)).isEqualTo(MONDAY.atTime(10, 0));
        }

        @Test
        void theInputIsAnInstantAndTheWorkingDayIsShanghais() {
            // Friday 17:00 in Shanghai is Friday 09:00 UTC: still inside the working day, one hour before closing.
            Instant due = calendar.addWorkingTime(Instant.parse("2026-11-20T09:00:00Z"), Duration.ofHours(2));

            assertThat(due).isEqualTo(Instant.parse("2026-11-23T02:00:00Z"));
        }

        @Test
        void workStartingOnSaturdayStartsOnMondayAtNine() {
            assertThat(inShanghai(calendar.addWorkingTime(shanghai(SATURDAY, 11, 30), Duration.ZERO)))
                    .isEqualTo(MONDAY.atTime(9, 0));
            assertThat(inShanghai(calendar.addWorkingTime(shanghai(SUNDAY, 23, 0), Duration.ofHours(1))))
                    .isEqualTo(MONDAY.atTime(10, 0));
        }

        @Test
        void workBeforeOpeningStartsAtOpening() {
            assertThat(inShanghai(calendar.addWorkingTime(shanghai(MONDAY, 7, 15), Duration.ofMinutes(90))))
                    .isEqualTo(MONDAY.atTime(10, 30));
        }

        @Test
        void workAfterClosingContinuesTheNextWorkingDay() {
            assertThat(inShanghai(calendar.addWorkingTime(shanghai(MONDAY, 19, 0), Duration.ofHours(1))))
                    .isEqualTo(TUESDAY.atTime(10, 0));
        }

        @Test
        void aDeadlineMayFallExactlyOnClosingTime() {
            assertThat(inShanghai(calendar.addWorkingTime(shanghai(MONDAY, 9, 0), Duration.ofHours(9))))
                    .isEqualTo(MONDAY.atTime(18, 0));
            assertThat(inShanghai(calendar.addWorkingTime(shanghai(MONDAY, 9, 0), Duration.ofHours(9).plusMinutes(1))))
                    .isEqualTo(TUESDAY.atTime(9, 1));
        }

        @Test
        void fortyWorkingHoursSpanTheWorkingWeek() {
            // 9 hours a day: Monday to Thursday make 36, the last 4 end Friday at 13:00
            assertThat(inShanghai(calendar.addWorkingTime(shanghai(MONDAY, 9, 0), Duration.ofHours(40))))
                    .isEqualTo(LocalDate.of(2026, 11, 27).atTime(13, 0));
        }

        @Test
        void zeroWorkingTimeDuringWorkingHoursIsNow() {
            Instant now = shanghai(MONDAY, 14, 27);

            assertThat(calendar.addWorkingTime(now, Duration.ZERO)).isEqualTo(now);
        }

        @Test
        void negativeWorkingTimeIsRefused() {
            assertThatThrownBy(() -> calendar.addWorkingTime(shanghai(MONDAY, 10, 0), Duration.ofHours(-1)))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void addWorkingDaysEndsAtClosingTimeOfTheWorkingDayThatManyWorkingDaysLater() {
            assertThat(inShanghai(calendar.addWorkingDays(shanghai(FRIDAY, 10, 0), 1))).isEqualTo(MONDAY.atTime(18, 0));
            assertThat(inShanghai(calendar.addWorkingDays(shanghai(MONDAY, 10, 0), 3)))
                    .isEqualTo(LocalDate.of(2026, 11, 26).atTime(18, 0));
            assertThat(inShanghai(calendar.addWorkingDays(shanghai(SATURDAY, 10, 0), 1))).isEqualTo(MONDAY.atTime(18, 0));
        }

        @Test
        void nowIsTheClocksInstant() {
            assertThat(calendar.now()).isEqualTo(Instant.parse("2026-11-20T01:00:00Z"));
        }
    }

    @Nested
    class Holidays {

        // National Day: 2026-10-01 (Thursday) to 2026-10-07; 2026-09-30 is a Wednesday, 2026-10-08 a Thursday
        final LocalDate[] nationalDay = LocalDate.of(2026, 10, 1).datesUntil(LocalDate.of(2026, 10, 8))
                .toArray(LocalDate[]::new);
        final BusinessCalendar calendar = calendar(MONDAY_TO_FRIDAY, 9, 18, nationalDay);

        @Test
        void holidaysAreSkippedLikeWeekends() {
            Instant due = calendar.addWorkingTime(shanghai(LocalDate.of(2026, 9, 30), 17, 0), Duration.ofHours(2));

            assertThat(inShanghai(due)).isEqualTo(LocalDate.of(2026, 10, 8).atTime(10, 0));
        }

        @Test
        void workStartingOnAHolidayStartsOnTheNextWorkingDay() {
            assertThat(inShanghai(calendar.addWorkingTime(shanghai(LocalDate.of(2026, 10, 2), 10, 0), Duration.ofHours(1))))
                    .isEqualTo(LocalDate.of(2026, 10, 8).atTime(10, 0));
        }

        @Test
        void addWorkingDaysSkipsHolidays() {
            assertThat(inShanghai(calendar.addWorkingDays(shanghai(LocalDate.of(2026, 9, 30), 12, 0), 2)))
                    .isEqualTo(LocalDate.of(2026, 10, 9).atTime(18, 0));
        }

        @Test
        void aHolidayOnAWeekendChangesNothing() {
            BusinessCalendar withSaturdayHoliday = calendar(MONDAY_TO_FRIDAY, 9, 18, SATURDAY);

            assertThat(withSaturdayHoliday.addWorkingTime(shanghai(FRIDAY, 17, 0), Duration.ofHours(2)))
                    .isEqualTo(calendar(MONDAY_TO_FRIDAY, 9, 18).addWorkingTime(shanghai(FRIDAY, 17, 0), Duration.ofHours(2)));
        }
    }

    @Nested
    class EveryDayNineToNine {

        final BusinessCalendar calendar = calendar(EVERY_DAY, 9, 21);

        @Test
        void weekendsAreWorkingDays() {
            assertThat(inShanghai(calendar.addWorkingTime(shanghai(FRIDAY, 17, 0), Duration.ofHours(2))))
                    .isEqualTo(FRIDAY.atTime(19, 0));
            assertThat(inShanghai(calendar.addWorkingTime(shanghai(SATURDAY, 20, 0), Duration.ofHours(2))))
                    .isEqualTo(SUNDAY.atTime(10, 0));
        }

        @Test
        void eightWorkingHoursFromTheEveningEndTheNextAfternoon() {
            // 20:00–21:00 is one hour, the other seven run from 09:00 to 16:00
            assertThat(inShanghai(calendar.addWorkingTime(shanghai(SATURDAY, 20, 0), Duration.ofHours(8))))
                    .isEqualTo(SUNDAY.atTime(16, 0));
        }

        @Test
        void addWorkingDaysCountsEveryDay() {
            assertThat(inShanghai(calendar.addWorkingDays(shanghai(FRIDAY, 10, 0), 2))).isEqualTo(SUNDAY.atTime(21, 0));
        }

        @Test
        void holidaysStillApply() {
            BusinessCalendar withHoliday = calendar(EVERY_DAY, 9, 21, SATURDAY);

            assertThat(inShanghai(withHoliday.addWorkingTime(shanghai(FRIDAY, 20, 0), Duration.ofHours(2))))
                    .isEqualTo(SUNDAY.atTime(10, 0));
        }
    }

    @Nested
    class Configuration {

        @Test
        void workingHoursNeedAWorkingDay() {
            assertThatThrownBy(() -> new WorkingHours(SHANGHAI, Set.of(), LocalTime.of(9, 0), LocalTime.of(18, 0), null))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void workingHoursMustStartBeforeTheyEnd() {
            assertThatThrownBy(() -> new WorkingHours(SHANGHAI, MONDAY_TO_FRIDAY, LocalTime.of(18, 0), LocalTime.of(9, 0),
                    null)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void theZoneDefaultsToShanghaiAndHolidaysToNone() {
            WorkingHours hours = new WorkingHours(null, MONDAY_TO_FRIDAY, LocalTime.of(9, 0), LocalTime.of(18, 0), null);

            assertThat(hours.zone()).isEqualTo(SHANGHAI);
            assertThat(hours.holidays()).isEmpty();
            assertThat(hours.isWorkingDay(FRIDAY)).isTrue();
            assertThat(hours.isWorkingDay(SATURDAY)).isFalse();
        }
    }
}
