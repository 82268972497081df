package io.kefu.staffreview;

import java.time.LocalDate;

/** A violation as a supervisor or manager records it: who, what kind, when, what happened, the evidence. */
public record ViolationRequest(String employee, ViolationKind kind, LocalDate occurredOn, String description,
        String evidence) {
}
