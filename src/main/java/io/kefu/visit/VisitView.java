package io.kefu.visit;

import io.kefu.customer.Contact;
import io.kefu.customer.CustomerDetails;
import io.kefu.customer.PersonalData;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A visit as the API shows it; the contact is masked for users who may not read the customer's personal data. */
public record VisitView(long id, String visitNo, String customerCode, String customerName, String contactName,
        String contactPhone, String kind, String visitorRole, String mode, String visitorId, String visitorGroup,
        String status, boolean overdue, LocalDate dueDate, Instant deadline, Instant appointmentAt,
        int rescheduleCount, String occasion, Long campaignId, String orderNo, String satisfaction,
        String improvement, String suggestions, Long complaintId, String matterDepartment, String matterStatus,
        Instant completedAt, String completedBy, Boolean onTime, String cancelReason, String processInstanceId,
        List<Note> notes, String channel, String remarks, LocalDate nextMeeting) {

    public record Note(String kind, String author, String text, Instant at) {
    }

    static VisitView of(Visit v, CustomerDetails customer, boolean unmasked, Instant now) {
        Contact contact = customer.firstContact();
        String name = contact == null ? null : unmasked ? contact.getName() : PersonalData.maskName(contact.getName());
        String phone = contact == null ? null : unmasked ? contact.getPhone() : PersonalData.maskPhone(contact.getPhone());
        return new VisitView(v.getId(), v.getVisitNo(), customer.code(), customer.name(), name, phone,
                v.getKind().name(), v.getVisitorRole().name(), v.getMode().name(), v.getVisitorId(),
                v.getVisitorGroup(), v.getStatus().name(), v.isOverdue() || v.isOverdueAt(now), v.getDueDate(),
                v.getDeadline(), v.getAppointmentAt(), v.getRescheduleCount(), v.getOccasion(), v.getCampaignId(),
                v.getOrderNo(), v.getSatisfaction() == null ? null : v.getSatisfaction().name(), v.getImprovement(),
                v.getSuggestions(), v.getComplaintId(), v.getMatterDepartment(),
                v.getMatterStatus() == null ? null : v.getMatterStatus().name(), v.getCompletedAt(), v.getCompletedBy(),
                v.getCompletedAt() == null ? null : v.isOnTime(), v.getCancelReason(), v.getProcessInstanceId(),
                v.getNotes().stream().map(n -> new Note(n.getKind(), n.getAuthor(), n.getText(), n.getCreatedAt())).toList(),
                v.getChannel(), v.getRemarks(), v.getNextMeeting());
    }
}
