package io.kefu.escalation;

import io.kefu.shared.time.Now;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** 失泄密事件登记: opened when a report of a leak is raised, handled with the deciding level's measures. */
@Entity
@Table(name = "confidentiality_breach")
public class ConfidentialityBreach {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "report_id", nullable = false, updatable = false, unique = true)
    private Long reportId;

    @Column(name = "opened_at", nullable = false, updatable = false)
    private Instant openedAt;

    @Column(name = "opened_by", length = 64, nullable = false, updatable = false)
    private String openedBy;

    /** OPEN (待处理) or HANDLED (已处理). */
    @Column(name = "status", length = 20, nullable = false)
    private String status;

    @Column(name = "measures", columnDefinition = "text")
    private String measures;

    @Column(name = "handled_by", length = 64)
    private String handledBy;

    @Column(name = "handled_at")
    private Instant handledAt;

    protected ConfidentialityBreach() {
    }

    ConfidentialityBreach(Long reportId, String openedBy) {
        this.reportId = reportId;
        this.openedBy = openedBy;
        this.openedAt = Now.instant();
        this.status = "OPEN";
    }

    void handle(String by, String measures) {
        this.handledBy = by;
        this.measures = measures;
        this.handledAt = Now.instant();
        this.status = "HANDLED";
    }

    public boolean isHandled() {
        return "HANDLED".equals(status);
    }

    public String statusLabel() {
        return isHandled() ? "已处理" : "待处理";
    }

    public Long getId() {
        return id;
    }

    public Long getReportId() {
        return reportId;
    }

    public Instant getOpenedAt() {
        return openedAt;
    }

    public String getOpenedBy() {
        return openedBy;
    }

    public String getStatus() {
        return status;
    }

    public String getMeasures() {
        return measures;
    }

    public String getHandledBy() {
        return handledBy;
    }

    public Instant getHandledAt() {
        return handledAt;
    }
}
