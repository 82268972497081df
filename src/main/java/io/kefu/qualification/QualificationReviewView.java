package io.kefu.qualification;

import io.kefu.customer.CustomerTier;
import java.time.Instant;
import java.time.LocalDate;

/** A qualification review as the API shows it (no personal data: the customer by id and code). */
public record QualificationReviewView(Long id, String reviewNo, Long customerId, String customerCode,
        CustomerClass customerClass, String customerClassLabel, CustomerTier tierBefore, CustomerTier tierAfter,
        boolean tierChanged, String tierChangeReason, int cycleMonths, LocalDate dueOn, String openedBy,
        Instant openedAt, ReviewStatus status, String statusLabel, Long meetingVisitId, Integer satisfaction,
        Integer contribution, Integer credit, Integer previousCredit, Integer totalScore, CustomerTier grade,
        boolean creditDeclined, String scoreNote, String scoredBy, Instant scoredAt, Boolean stopCooperation,
        String decisionNote, String decidedBy, Instant decidedAt, Long terminationContractId, LocalDate nextReviewOn,
        Instant closedAt, long version) {

    static QualificationReviewView of(QualificationReview r, String customerCode) {
        return new QualificationReviewView(r.getId(), r.getReviewNo(), r.getCustomerId(),
                customerCode, r.getCustomerClass(), r.getCustomerClass().label(), r.getTierBefore(),
                r.getTierAfter(), r.isTierChanged(), r.getTierChangeReason(), r.getCycleMonths(), r.getDueOn(),
                r.getOpenedBy(), r.getOpenedAt(), r.getStatus(), r.getStatus().label(), r.getMeetingVisitId(),
                r.getSatisfaction(), r.getContribution(), r.getCredit(), r.getPreviousCredit(), r.getTotalScore(),
                r.getGrade(), r.isCreditDeclined(), r.getScoreNote(), r.getScoredBy(), r.getScoredAt(),
                r.getStopCooperation(), r.getDecisionNote(), r.getDecidedBy(), r.getDecidedAt(),
                r.getTerminationContractId(), r.getNextReviewOn(), r.getClosedAt(), r.getVersion());
    }
}
