package io.kefu.complaint;

import io.kefu.customer.PersonalData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A complaint as the API shows it; the complainant's phone is masked for users not entitled to it. */
public record ComplaintView(Long id, String caseNo, Long customerId, String customerCode, String customerName,
        String complainantName, String complainantPhone, Channel channel, ComplaintCategory category,
        String categoryLabel, Severity severity, String description, String customerRequest, String ownerId,
        ComplaintStatus status, String statusLabel, String priority, Instant responseDue, Instant resolutionDue,
        Instant returnVisitDue, Instant respondedAt, Instant resolvedAt, Instant closedAt, boolean overdue,
        boolean repeatComplaint, String repeatReason, Boolean valid, String validityReason, String invalidReply,
        String department, String causeType, String findings, String responsiblePerson, List<String> solutionOptions,
        Integer chosenOption, String implementationNotes, Boolean customerAccepted, String acceptanceMethod,
        Satisfaction satisfaction, String visitRemarks, int reopenCount, ComplaintCategory closingCategory,
        String closingSummary, List<BreachView> breaches, List<NoteView> notes, String processInstanceId,
        boolean personalDataMasked, Instant createdAt, long version) {

    public record BreachView(BreachType type, String label, Instant deadline, Instant detectedAt) {
    }

    public record NoteView(String kind, String author, String text, Instant createdAt) {
    }

    static ComplaintView of(Complaint c, boolean unmasked, Instant now) {
        List<String> options = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            if (c.optionText(i) != null) {
                options.add(c.optionText(i));
            }
        }
        return new ComplaintView(c.getId(), c.getCaseNo(), c.getCustomer().getId(), c.getCustomer().getCode(),
                c.getCustomer().getName(), unmasked ? c.getComplainantName() : PersonalData.maskName(c.getComplainantName()),
                unmasked ? c.getComplainantPhone() : PersonalData.maskPhone(c.getComplainantPhone()), c.getChannel(),
                c.getCategory(), c.getCategory().label(), c.getSeverity(), c.getDescription(), c.getCustomerRequest(),
                c.getOwnerId(), c.getStatus(), c.getStatus().label(), c.getPriority(), c.getResponseDue(),
                c.getResolutionDue(), c.getReturnVisitDue(), c.getRespondedAt(), c.getResolvedAt(), c.getClosedAt(),
                c.isOverdue(now), c.isRepeatComplaint(), c.getRepeatReason(), c.getValid(), c.getValidityReason(),
                c.getInvalidReply(), c.getDepartment(), c.getCauseType(), c.getFindings(), c.getResponsiblePerson(),
                options, c.getChosenOption(), c.getImplementationNotes(), c.getCustomerAccepted(),
                c.getAcceptanceMethod(), c.getSatisfaction(), c.getVisitRemarks(), c.getReopenCount(),
                c.getClosingCategory(), c.getClosingSummary(),
                c.getBreaches().stream().map(b -> new BreachView(b.getType(), b.getType().label(), b.getDeadline(),
                        b.getDetectedAt())).toList(),
                c.getNotes().stream().map(n -> new NoteView(n.getKind(), n.getAuthor(), n.getText(), n.getCreatedAt()))
                        .toList(),
                c.getProcessInstanceId(), !unmasked, c.getCreatedAt(), c.getVersion());
    }
}
