package io.kefu.complaint;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;

/** A deadline the case missed, recorded when its timer fired. */
@Embeddable
public class Breach {

    @Enumerated(EnumType.STRING)
    @Column(name = "type", length = 20, nullable = false)
    private BreachType type;

    @Column(name = "deadline", nullable = false)
    private Instant deadline;

    @Column(name = "detected_at", nullable = false)
    private Instant detectedAt;

    protected Breach() {
    }

    Breach(BreachType type, Instant deadline, Instant detectedAt) {
        this.type = type;
        this.deadline = deadline;
        this.detectedAt = detectedAt;
    }

    public BreachType getType() {
        return type;
    }

    public Instant getDeadline() {
        return deadline;
    }

    public Instant getDetectedAt() {
        return detectedAt;
    }
}
