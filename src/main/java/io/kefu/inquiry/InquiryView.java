package io.kefu.inquiry;

import io.kefu.customer.PersonalData;
import io.kefu.identity.KefuGroups.Department;
import java.time.Instant;
import java.time.LocalDate;

/** An inquiry as the API shows it; the caller's name and phone are masked for users not entitled to them. */
public record InquiryView(Long id, Instant receivedAt, LocalDate receivedOn, InquiryChannel channel,
        String channelLabel, InquiryCategory category, String categoryLabel, String callerName, String callerPhone,
        String region, Long customerId, String customerCode, String summary, InquiryOutcome outcome,
        String outcomeLabel, String department, String departmentLabel, String takenBy, boolean personalDataMasked,
        Instant createdAt, long version) {

    static InquiryView of(Inquiry i, String customerCode, boolean unmasked) {
        return new InquiryView(i.getId(), i.getReceivedAt(), i.getReceivedOn(), i.getChannel(), i.getChannel().label(),
                i.getCategory(), i.getCategory().label(),
                unmasked ? i.getCallerName() : PersonalData.maskName(i.getCallerName()),
                unmasked ? i.getCallerPhone() : PersonalData.maskPhone(i.getCallerPhone()), i.getRegion(),
                i.getCustomerId(),
                customerCode, i.getSummary(), i.getOutcome(),
                i.getOutcome().label(), i.getDepartment(),
                i.getDepartment() == null ? null
                        : Department.fromCode(i.getDepartment()).map(Department::label).orElse(i.getDepartment()),
                i.getTakenBy(), !unmasked, i.getCreatedAt(), i.getVersion());
    }
}
