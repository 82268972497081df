package io.kefu.staffreview;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A violation as its readers see it. */
public record ViolationView(Long id, String violationNo, String employee, ViolationKind kind, String kindLabel,
        LocalDate occurredOn, String description, String evidence, int offenceNo, String consequence,
        BigDecimal fineAmount, boolean dismissal, String recordedBy, Instant recordedAt) {

    static ViolationView of(StaffViolation v) {
        return new ViolationView(v.getId(), v.getViolationNo(), v.getEmployee(), v.getKind(), v.getKind().label(),
                v.getOccurredOn(), v.getDescription(), v.getEvidence(), v.getOffenceNo(), v.getConsequence(),
                v.getFineAmount(), v.isDismissal(), v.getRecordedBy(), v.getRecordedAt());
    }
}
