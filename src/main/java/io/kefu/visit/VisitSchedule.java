package io.kefu.visit;

import io.kefu.shared.time.Now;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A customer's visit schedule: started when the customer is onboarded (its anchor date counts the months the schedule
 * rule reads), ended when the contract is terminated. Customers without one are planned from their business start.
 */
@Entity
@Table(name = "visit_schedule")
public class VisitSchedule {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "customer_id", nullable = false, unique = true)
    private Long customerId;

    @Column(name = "anchor_date", nullable = false)
    private LocalDate anchorDate;

    @Column(name = "active", nullable = false)
    private boolean active;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "end_reason", length = 500)
    private String endReason;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected VisitSchedule() {
    }

    VisitSchedule(Long customerId, LocalDate anchorDate) {
        this.customerId = customerId;
        this.anchorDate = anchorDate;
        this.active = true;
    }

    @PrePersist
    void stamp() {
        createdAt = Now.instant();
    }

    void restart(LocalDate anchorDate) {
        this.anchorDate = anchorDate;
        this.active = true;
        this.endedAt = null;
        this.endReason = null;
    }

    void end(String reason, Instant at) {
        this.active = false;
        this.endReason = reason;
        this.endedAt = at;
    }

    public Long getCustomerId() { return customerId; }
    public LocalDate getAnchorDate() { return anchorDate; }
    public boolean isActive() { return active; }
    public String getEndReason() { return endReason; }
}
