package io.kefu.staffreview;

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
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.envers.Audited;

/**
 * 违规记录: a prohibited behaviour of one employee, with its evidence, the how-manieth offence of that kind it is and
 * the consequence the table gave. Any violation makes the month's grade C (当月考核C).
 */
@Entity
@Table(name = "staff_violation")
@Audited
public class StaffViolation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** 违规编号, e.g. WG2026-00003. */
    @Column(name = "violation_no", length = 20, unique = true)
    private String violationNo;

    @Column(name = "employee", length = 64, nullable = false, updatable = false)
    private String employee;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", length = 30, nullable = false, updatable = false)
    private ViolationKind kind;

    @Column(name = "occurred_on", nullable = false, updatable = false)
    private LocalDate occurredOn;

    @Column(name = "description", nullable = false, columnDefinition = "text")
    private String description;

    /** 证据: what shows it happened (call recording number, witness, case number, photo reference). */
    @Column(name = "evidence", nullable = false, columnDefinition = "text")
    private String evidence;

    @Column(name = "offence_no", nullable = false)
    private int offenceNo;

    @Column(name = "consequence", length = 200, nullable = false)
    private String consequence;

    @Column(name = "fine_amount", precision = 10, scale = 2)
    private BigDecimal fineAmount;

    @Column(name = "dismissal", nullable = false)
    private boolean dismissal;

    @Column(name = "recorded_by", length = 64, nullable = false, updatable = false)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    @Version
    private long version;

    protected StaffViolation() {
    }

    StaffViolation(String employee, ViolationKind kind, LocalDate occurredOn, String description, String evidence,
            int offenceNo, Consequence consequence, String recordedBy) {
        this.employee = employee;
        this.kind = kind;
        this.occurredOn = occurredOn;
        this.description = description;
        this.evidence = evidence;
        this.offenceNo = offenceNo;
        this.consequence = consequence.text();
        this.fineAmount = consequence.fineAmount();
        this.dismissal = consequence.dismissal();
        this.recordedBy = recordedBy;
        this.recordedAt = Now.instant();
    }

    /** What the table decided for an offence. */
    public record Consequence(String text, BigDecimal fineAmount, boolean dismissal) {
    }

    void numberFromId() {
        if (violationNo == null) {
            violationNo = String.format("WG%d-%05d", occurredOn.getYear(), id);
        }
    }

    public Long getId() {
        return id;
    }

    public String getViolationNo() {
        return violationNo;
    }

    public String getEmployee() {
        return employee;
    }

    public ViolationKind getKind() {
        return kind;
    }

    public LocalDate getOccurredOn() {
        return occurredOn;
    }

    public String getDescription() {
        return description;
    }

    public String getEvidence() {
        return evidence;
    }

    public int getOffenceNo() {
        return offenceNo;
    }

    public String getConsequence() {
        return consequence;
    }

    public BigDecimal getFineAmount() {
        return fineAmount;
    }

    public boolean isDismissal() {
        return dismissal;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }
}
