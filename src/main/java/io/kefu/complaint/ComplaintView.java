package io.kefu.complaint;

import io.kefu.customer.CustomerDetails;
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
        String closingSummary, List<BreachView> breaches, List<NoteView> notes, List<RoundView> rounds,
        String processInstanceId, boolean personalDataMasked, Instant createdAt, long version,
        List<String> warnings) {

    /**
     * One round of handling, oldest first (the last is current; the top-level investigation, options, decision,
     * implementation and visit fields are the current round's).
     */
    public record RoundView(int number, boolean current, Instant openedAt, String department, String causeType,
            String findings, String responsiblePerson, String investigatedBy, Instant investigatedAt,
            List<String> solutionOptions, String proposedBy, Instant proposedAt, Integer chosenOption,
            String decisionInstruction, String decidedBy, Instant decidedAt, String implementationNotes,
            String penalties, String implementedBy, Instant implementedAt, Boolean customerAccepted,
            String acceptanceMethod, String acceptanceReference, String confirmedBy, Instant confirmedAt,
            Satisfaction satisfaction, String visitRemarks, String visitedBy, Instant visitedAt) {

        static RoundView of(ComplaintRound r, boolean current) {
            return new RoundView(r.getNumber(), current, r.getOpenedAt(), r.getDepartment(), r.getCauseType(),
                    r.getFindings(), r.getResponsiblePerson(), r.getInvestigatedBy(), r.getInvestigatedAt(),
                    options(r), r.getProposedBy(), r.getProposedAt(), r.getChosenOption(), r.getDecisionInstruction(),
                    r.getDecidedBy(), r.getDecidedAt(), r.getImplementationNotes(), r.getPenalties(),
                    r.getImplementedBy(), r.getImplementedAt(), r.getCustomerAccepted(), r.getAcceptanceMethod(),
                    r.getAcceptanceReference(), r.getConfirmedBy(), r.getConfirmedAt(), r.getSatisfaction(),
                    r.getVisitRemarks(), r.getVisitedBy(), r.getVisitedAt());
        }
    }

    public record BreachView(BreachType type, String label, Instant deadline, Instant detectedAt) {
    }

    public record NoteView(String kind, String author, String text, Instant createdAt) {
    }

    static ComplaintView of(Complaint c, CustomerDetails customer, boolean unmasked, Instant now) {
        ComplaintRound round = c.currentRound();
        return new ComplaintView(c.getId(), c.getCaseNo(), c.getCustomerId(), customer.code(),
                customer.name(), unmasked ? c.getComplainantName() : PersonalData.maskName(c.getComplainantName()),
                unmasked ? c.getComplainantPhone() : PersonalData.maskPhone(c.getComplainantPhone()), c.getChannel(),
                c.getCategory(), c.getCategory().label(), c.getSeverity(), c.getDescription(), c.getCustomerRequest(),
                c.getOwnerId(), c.getStatus(), c.getStatus().label(), c.getPriority(), c.getResponseDue(),
                c.getResolutionDue(), c.getReturnVisitDue(), c.getRespondedAt(), c.getResolvedAt(), c.getClosedAt(),
                c.isOverdue(now), c.isRepeatComplaint(), c.getRepeatReason(), c.getValid(), c.getValidityReason(),
                c.getInvalidReply(), c.getDepartment(), round.getCauseType(), round.getFindings(),
                round.getResponsiblePerson(), options(round), round.getChosenOption(), round.getImplementationNotes(),
                c.getCustomerAccepted(), round.getAcceptanceMethod(), c.getSatisfaction(), round.getVisitRemarks(),
                c.getReopenCount(),
                c.getClosingCategory(), c.getClosingSummary(),
                c.getBreaches().stream().map(b -> new BreachView(b.getType(), b.getType().label(), b.getDeadline(),
                        b.getDetectedAt())).toList(),
                c.getNotes().stream().map(n -> new NoteView(n.getKind(), n.getAuthor(), n.getText(), n.getCreatedAt()))
                        .toList(),
                c.getRounds().stream().map(r -> RoundView.of(r, r == round)).toList(),
                c.getProcessInstanceId(), !unmasked, c.getCreatedAt(), c.getVersion(),
                // what the agent must know about the routing (recusal emptied a department), as the case notes say it
                c.getNotes().stream().filter(n -> ComplaintNoteKind.RECUSAL_ROUTING.name().equals(n.getKind()))
                        .map(n -> n.getText()).toList());
    }

    private static List<String> options(ComplaintRound round) {
        List<String> options = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            if (round.optionText(i) != null) {
                options.add(round.optionText(i));
            }
        }
        return options;
    }
}
