package io.kefu.notification;

import io.kefu.customer.PersonalData;
import io.kefu.notification.Notice.RecipientType;
import java.time.Instant;

/** A notice as the API shows it; a customer's address is masked for users not entitled to the customer's data. */
public record NoticeView(Long id, String archiveNo, String template, NoticeChannel channel, String channelLabel,
        RecipientType recipientType, String recipientRef, String recipientName, String address, Long customerId,
        String subject, String body, String caseKey, String processKey, String processInstanceId, String activityId,
        NoticeStatus status, String statusLabel, int attempts, String lastError, Instant createdAt, Instant updatedAt,
        Instant sentAt, boolean personalDataMasked) {

    static NoticeView of(Notice n, boolean unmasked) {
        String address = unmasked ? n.getAddress()
                : n.getChannel() == NoticeChannel.EMAIL ? PersonalData.maskEmail(n.getAddress())
                : PersonalData.maskPhone(n.getAddress());
        return new NoticeView(n.getId(), n.getArchiveNo(), n.getTemplate(), n.getChannel(), n.getChannel().label(),
                n.getRecipientType(), n.getRecipientRef(), n.getRecipientName(), address, n.getCustomerId(),
                n.getSubject(), n.getBody(), n.getCaseKey(), n.getProcessKey(), n.getProcessInstanceId(),
                n.getActivityId(), n.getStatus(), n.getStatus().label(), n.getAttempts(), n.getLastError(),
                n.getCreatedAt(), n.getUpdatedAt(), n.getSentAt(), !unmasked);
    }
}
