package io.kefu.staffreview;

import static io.kefu.report.Figures.percent;

import java.math.BigDecimal;
import java.time.Instant;

/** A review as its readers see it: the scorecard's figures and rates, the five scores, grade and acknowledgement. */
public record StaffReviewView(Long id, String reviewNo, String employee, String month, String status,
        String statusLabel, StaffReview.Figures figures, BigDecimal onTimeRate, BigDecimal complaintRate,
        BigDecimal visitSatisfaction, StaffReview.Scores scores, BigDecimal averageScore, String managerComment,
        String scoredBy, String grade, String gradeReason, String objection, boolean reconsidered,
        String acknowledgedBy, Instant acknowledgedAt, String startedBy, Instant completedAt) {

    public static StaffReviewView of(StaffReview r) {
        StaffReview.Figures f = r.getFigures();
        return new StaffReviewView(r.getId(), r.getReviewNo(), r.getEmployee(), r.getReviewMonth(),
                r.getStatus().name(), r.getStatus().label(), f, percent(f.tasksOnTime(), f.tasksCompleted()),
                percent(f.complaintsAgainst(), f.tasksCompleted()), percent(f.visitsSatisfied(), f.visitsRated()),
                r.getScores(), r.getScores().average(), r.getManagerComment(), r.getScoredBy(), r.getGrade(),
                r.getGradeReason(), r.getObjection(), r.isReconsidered(), r.getAcknowledgedBy(),
                r.getAcknowledgedAt(), r.getStartedBy(), r.getCompletedAt());
    }
}
