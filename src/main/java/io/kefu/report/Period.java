package io.kefu.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

/** A report period: whole days from {@code from} to {@code to} inclusive, in Kefu's time zone; [start, end) as instants. */
public record Period(LocalDate from, LocalDate to, Instant start, Instant end) {

    public static Period of(LocalDate from, LocalDate to, ZoneId zone) {
        return new Period(from, to, from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant());
    }

    public static Period month(YearMonth month, ZoneId zone) {
        return of(month.atDay(1), month.atEndOfMonth(), zone);
    }

    public String label() {
        return from + " 至 " + to;
    }
}
