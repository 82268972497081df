package io.kefu.phonecase;

import io.kefu.customer.PersonalData;
import io.kefu.identity.KefuGroups.Department;
import java.time.Instant;

/** A 个案 as the API shows it; the person and the contact are masked for readers not entitled to them. */
public record PhoneCaseView(Long id, String caseNo, Long inquiryId, Long customerId, String occurredWhen,
        String place, String person, String contact, String event, String department, String departmentLabel,
        String ownerId, PhoneCaseStatus status, String statusLabel, Instant openedAt, Instant resolutionDueAt,
        String solution, String solvedBy, Instant solvedAt, Instant callbackDueAt, int callbacks,
        String callbackNote, String leaderNote, String leaderBy, Instant breachedAt, Instant callbackBreachedAt,
        Instant closedAt,
        boolean personalDataMasked, long version) {

    static PhoneCaseView of(PhoneCase c, boolean unmasked) {
        return new PhoneCaseView(c.getId(), c.getCaseNo(), c.getInquiryId(),
                c.getCustomerId(), c.getOccurredWhen(), c.getPlace(),
                unmasked ? c.getPerson() : PersonalData.maskName(c.getPerson()),
                unmasked ? c.getContact() : maskContact(c.getContact()),
                unmasked ? c.getEvent() : PersonalData.maskPhoneNumbersIn(c.getEvent()), c.getDepartment(),
                Department.fromCode(c.getDepartment()).map(Department::label).orElse(c.getDepartment()),
                c.getOwnerId(), c.getStatus(), c.getStatus().label(), c.getOpenedAt(), c.getResolutionDueAt(),
                c.getSolution(), c.getSolvedBy(), c.getSolvedAt(), c.getCallbackDueAt(), c.getCallbacks(),
                c.getCallbackNote(), c.getLeaderNote(), c.getLeaderBy(), c.getBreachedAt(),
                c.getCallbackBreachedAt(), c.getClosedAt(),
                !unmasked, c.getVersion());
    }

    /** A phone, QQ number or e-mail address, masked as what it is. */
    public static String maskContact(String contact) {
        if (contact == null) {
            return null;
        }
        return contact.contains("@") ? PersonalData.maskEmail(contact) : PersonalData.maskPhone(contact);
    }
}
