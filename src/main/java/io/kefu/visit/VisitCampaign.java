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

/** A satisfaction-survey campaign (满意度调查) over a chosen set of customers; each customer gets one survey visit. */
@Entity
@Table(name = "visit_campaign")
public class VisitCampaign {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "name", length = 200, nullable = false)
    private String name;

    /** How the customers were chosen, as users read it (types, tiers or a list of codes). */
    @Column(name = "selection", length = 1000, nullable = false)
    private String selection;

    @Column(name = "created_by", length = 64, nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "due_date", nullable = false)
    private LocalDate dueDate;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected VisitCampaign() {
    }

    VisitCampaign(String name, String selection, String createdBy, LocalDate dueDate) {
        this.name = name;
        this.selection = selection;
        this.createdBy = createdBy;
        this.dueDate = dueDate;
    }

    @PrePersist
    void stamp() {
        createdAt = Now.instant();
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public String getSelection() { return selection; }
    public String getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public LocalDate getDueDate() { return dueDate; }
}
