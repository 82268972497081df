package io.kefu.escalation;

import io.kefu.shared.time.Now;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.envers.Audited;

/**
 * 请示报告: a matter a staff member raises upward with one of the mandatory triggers; it goes level by level (or, when
 * urgent, straight to the deciding level with an after-report to the levels skipped) until a level decides.
 */
@Entity
@Table(name = "escalation_report")
@Audited
public class EscalationReport {

    /** What the report is at. */
    public enum Status {
        OPEN("逐级请示中"), DECIDED("已批示"), CLOSED("已办结");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** 请示编号, e.g. QS2026-00004: the process business key. */
    @Column(name = "report_no", length = 20, unique = true)
    private String reportNo;

    @Enumerated(EnumType.STRING)
    @Column(name = "trigger_kind", length = 20, nullable = false, updatable = false)
    private EscalationTrigger trigger;

    @Column(name = "subject", length = 100, nullable = false)
    private String subject;

    @Column(name = "details", nullable = false, columnDefinition = "text")
    private String details;

    @Column(name = "related_case", length = 64)
    private String relatedCase;

    @Column(name = "urgent", nullable = false)
    private boolean urgent;

    @Column(name = "reporter", length = 64, nullable = false, updatable = false)
    private String reporter;

    @Enumerated(EnumType.STRING)
    @Column(name = "reporter_level", length = 20, nullable = false, updatable = false)
    private EscalationLevel reporterLevel;

    @Enumerated(EnumType.STRING)
    @Column(name = "deciding_level", length = 20)
    private EscalationLevel decidingLevel;

    @Enumerated(EnumType.STRING)
    @Column(name = "current_level", length = 20)
    private EscalationLevel currentLevel;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 20, nullable = false)
    private Status status;

    @Column(name = "decided_by", length = 64)
    private String decidedBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "decided_level", length = 20)
    private EscalationLevel decidedLevel;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decision", columnDefinition = "text")
    private String decision;

    @Column(name = "after_report", columnDefinition = "text")
    private String afterReport;

    @Column(name = "after_reported_at")
    private Instant afterReportedAt;

    @Column(name = "raised_at", nullable = false, updatable = false)
    private Instant raisedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "process_instance_id", length = 64)
    private String processInstanceId;

    @Version
    private long version;

    protected EscalationReport() {
    }

    EscalationReport(EscalationTrigger trigger, String subject, String details, String relatedCase, boolean urgent,
            String reporter, EscalationLevel reporterLevel) {
        this.trigger = trigger;
        this.subject = subject;
        this.details = details;
        this.relatedCase = relatedCase;
        this.urgent = urgent;
        this.reporter = reporter;
        this.reporterLevel = reporterLevel;
        this.status = Status.OPEN;
        this.raisedAt = Now.instant();
    }

    void numberFromId() {
        if (reportNo == null) {
            reportNo = String.format("QS%d-%05d", raisedAt.atZone(Now.zone()).getYear(), id);
        }
    }

    void linkProcess(String processInstanceId) {
        if (this.processInstanceId != null && !this.processInstanceId.equals(processInstanceId)) {
            throw new IllegalStateException("请示 " + reportNo + " 已由另一个流程处理");
        }
        this.processInstanceId = processInstanceId;
    }

    void route(EscalationLevel decidingLevel, EscalationLevel firstLevel) {
        this.decidingLevel = decidingLevel;
        this.currentLevel = firstLevel;
    }

    void forwardTo(EscalationLevel level) {
        this.currentLevel = level;
    }

    void decide(String by, EscalationLevel level, String decision) {
        this.decidedBy = by;
        this.decidedLevel = level;
        this.decision = decision;
        this.decidedAt = Now.instant();
        this.status = Status.DECIDED;
    }

    void afterReport(String text) {
        this.afterReport = text;
        this.afterReportedAt = Now.instant();
    }

    void close() {
        this.status = Status.CLOSED;
        this.closedAt = Now.instant();
    }

    public Long getId() {
        return id;
    }

    public String getReportNo() {
        return reportNo;
    }

    public EscalationTrigger getTrigger() {
        return trigger;
    }

    public String getSubject() {
        return subject;
    }

    public String getDetails() {
        return details;
    }

    public String getRelatedCase() {
        return relatedCase;
    }

    public boolean isUrgent() {
        return urgent;
    }

    public String getReporter() {
        return reporter;
    }

    public EscalationLevel getReporterLevel() {
        return reporterLevel;
    }

    public EscalationLevel getDecidingLevel() {
        return decidingLevel;
    }

    public EscalationLevel getCurrentLevel() {
        return currentLevel;
    }

    public Status getStatus() {
        return status;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public EscalationLevel getDecidedLevel() {
        return decidedLevel;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getDecision() {
        return decision;
    }

    public String getAfterReport() {
        return afterReport;
    }

    public Instant getAfterReportedAt() {
        return afterReportedAt;
    }

    public Instant getRaisedAt() {
        return raisedAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public long getVersion() {
        return version;
    }
}
