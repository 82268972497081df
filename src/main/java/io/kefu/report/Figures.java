package io.kefu.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Small arithmetic the reports share: parameters as Kefu stores instants, ratios and averages that tolerate zero. */
public final class Figures {

    /** Kefu's tables hold instants as UTC wall time (hibernate.jdbc.time_zone: UTC); bind them the same way. */
    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static long count(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    /** part / whole in percent with one decimal; null when the whole is zero (nothing to measure). */
    public static BigDecimal percent(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part * 100.0 / whole).setScale(1, RoundingMode.HALF_UP);
    }

    /** A sum of seconds over a count, in hours with one decimal; null when the count is zero. */
    static BigDecimal hours(long seconds, long count) {
        return count == 0 ? null : BigDecimal.valueOf(seconds / 3600.0 / count).setScale(1, RoundingMode.HALF_UP);
    }

    private Figures() {
    }
}
