package io.kefu.inquiry;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Map;

/**
 * The console's inquiry form as the browser posts it: every field a string, so that whatever is typed comes back
 * into the form with its error. {@code receivedAt} is a {@code datetime-local} in Kefu's time zone (empty = now).
 */
record InquiryForm(String receivedAt, String channel, String category, String callerName, String callerPhone,
        String region, String customerCode, String summary, String outcome, String department) {

    static InquiryForm empty() {
        return new InquiryForm(null, null, null, null, null, null, null, null, null, null);
    }

    /** The request to record; what cannot even be read is put in {@code errors}. */
    InquiryRequest toRequest(ZoneId zone, Long customerId, Map<String, String> errors) {
        Instant at = null;
        if (receivedAt != null && !receivedAt.isBlank()) {
            try {
                at = LocalDateTime.parse(receivedAt.trim()).atZone(zone).toInstant();
            } catch (DateTimeParseException e) {
                errors.put("receivedAt", "咨询时间格式不正确");
            }
        }
        return new InquiryRequest(at, parse(InquiryChannel.class, channel), parse(InquiryCategory.class, category),
                callerName, callerPhone == null || callerPhone.isBlank() ? null : callerPhone.trim(), region, customerId,
                summary, parse(InquiryOutcome.class, outcome), department);
    }

    /** An unknown choice counts as none: the request's own "请选择…" message names it. */
    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(value)).findFirst().orElse(null);
    }
}
