package io.kefu.notification;

import java.util.Map;

/**
 * A notice that code (not a BPMN send task) wants sent: the template, who to ({@code customer} with
 * {@code customerId}, or {@code user:<id>}), optionally a forced channel, the case it belongs to and the placeholders
 * the template needs beyond the generic ones ({@link NoticePlaceholders}).
 */
public record NoticeRequest(String template, String to, Long customerId, NoticeChannel channel, String caseKey,
        Map<String, String> placeholders) {

    public NoticeRequest {
        placeholders = placeholders == null ? Map.of() : Map.copyOf(placeholders);
    }

    public static NoticeRequest toCustomer(String template, long customerId, String caseKey,
            Map<String, String> placeholders) {
        return new NoticeRequest(template, Recipients.CUSTOMER, customerId, null, caseKey, placeholders);
    }

    public static NoticeRequest toUser(String template, String userId, String caseKey, Map<String, String> placeholders) {
        return new NoticeRequest(template, Recipients.USER_PREFIX + userId, null, null, caseKey, placeholders);
    }

    /** The same notice by another channel (customers only: EMAIL, SMS or WECHAT). */
    public NoticeRequest by(NoticeChannel channel) {
        return new NoticeRequest(template, to, customerId, channel, caseKey, placeholders);
    }
}
