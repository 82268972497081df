package io.kefu.archive;

import io.kefu.shared.ConflictException;
import io.kefu.shared.time.Now;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import org.hibernate.envers.Audited;

/**
 * One line of the loan register (借阅登记册 / 外借登记簿): who borrows which file, how many pieces, why, when, until
 * when, who approved and handed it out, and how it came back. Returning cancels the loan (注销), never deletes it.
 */
@Entity
@Table(name = "archive_loan")
@Audited
public class ArchiveLoan {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** 借阅编号, e.g. JY2026-00007: the process business key. */
    @Column(name = "loan_no", length = 20, unique = true)
    private String loanNo;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "entry_id", nullable = false, updatable = false)
    private ArchiveEntry entry;

    @Column(name = "borrower", length = 64, nullable = false, updatable = false)
    private String borrower;

    @Column(name = "borrower_department", length = 30)
    private String borrowerDepartment;

    @Enumerated(EnumType.STRING)
    @Column(name = "loan_kind", length = 30, nullable = false)
    private LoanKind loanKind;

    /** 份数. */
    @Column(name = "pieces", nullable = false)
    private int pieces;

    @Column(name = "purpose", nullable = false, columnDefinition = "text")
    private String purpose;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 20, nullable = false)
    private LoanStatus status;

    @Column(name = "requested_at", nullable = false, updatable = false)
    private Instant requestedAt;

    @Column(name = "max_days")
    private Integer maxDays;

    @Column(name = "approver_group", length = 64)
    private String approverGroup;

    /** The signed 客户借阅申请表 a department loan needs (its number or scan reference). */
    @Column(name = "signed_request_ref", length = 200)
    private String signedRequestRef;

    @Column(name = "decided_by", length = 64)
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decision_note", columnDefinition = "text")
    private String decisionNote;

    @Column(name = "lent_by", length = 64)
    private String lentBy;

    /** The signed register line's number (借阅登记编号), when no photo or scan of it was attached. */
    @Column(name = "hand_out_reference", length = 200)
    private String handOutReference;

    @Column(name = "lent_at")
    private Instant lentAt;

    @Column(name = "due_at")
    private Instant dueAt;

    @Column(name = "reminders", nullable = false)
    private int reminders;

    @Column(name = "last_reminded_at")
    private Instant lastRemindedAt;

    @Column(name = "escalated_at")
    private Instant escalatedAt;

    /** What the manager did about an overdue loan (逾期督办). */
    @Column(name = "supervision_note", columnDefinition = "text")
    private String supervisionNote;

    @Column(name = "returned_to", length = 64)
    private String returnedTo;

    @Column(name = "returned_at")
    private Instant returnedAt;

    /** 归还状况: INTACT, DAMAGED, INCOMPLETE. */
    @Column(name = "return_condition", length = 20)
    private String returnCondition;

    @Column(name = "return_note", columnDefinition = "text")
    private String returnNote;

    @Column(name = "process_instance_id", length = 64)
    private String processInstanceId;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected ArchiveLoan() {
    }

    ArchiveLoan(ArchiveEntry entry, String borrower, String borrowerDepartment, LoanKind loanKind, int pieces,
            String purpose, String signedRequestRef) {
        this.entry = entry;
        this.borrower = borrower;
        this.borrowerDepartment = borrowerDepartment;
        this.loanKind = loanKind;
        this.pieces = pieces;
        this.purpose = purpose;
        this.signedRequestRef = signedRequestRef;
        this.status = LoanStatus.REQUESTED;
    }

    @PrePersist
    @PreUpdate
    void touch() {
        updatedAt = Now.instant();
        if (requestedAt == null) {
            requestedAt = updatedAt;
        }
    }

    void numberFromId() {
        if (loanNo == null) {
            int year = requestedAt.atZone(Now.zone()).getYear();
            loanNo = String.format("JY%d-%05d", year, id);
        }
    }

    void applyRule(int maxDays, String approverGroup) {
        this.maxDays = maxDays;
        this.approverGroup = approverGroup;
    }

    /** Binds the record to its process, once: a record another process already handles is not taken over. */
    void linkProcess(String processInstanceId) {
        if (this.processInstanceId != null && !this.processInstanceId.equals(processInstanceId)) {
            throw new ConflictException("借阅记录 " + loanNo + " 已由另一流程实例处理,不能再关联");
        }
        this.processInstanceId = processInstanceId;
    }

    /** Refused at request: 机密 files are never lent out (or the rule table allows no such loan). */
    void refuse(String reason) {
        status = LoanStatus.REFUSED;
        decisionNote = reason;
        decidedBy = "system";
        decidedAt = Now.instant();
    }

    void decide(boolean approved, String approver, String note) {
        requireStatus(LoanStatus.REQUESTED);
        if (approver.equals(borrower)) {
            throw new IllegalArgumentException("borrower cannot approve own loan");
        }
        status = approved ? LoanStatus.APPROVED : LoanStatus.REJECTED;
        decidedBy = approver;
        decidedAt = Now.instant();
        decisionNote = note;
    }

    void handOut(String archivist, String reference) {
        requireStatus(LoanStatus.APPROVED);
        lentBy = archivist;
        handOutReference = reference;
        lentAt = Now.instant();
        dueAt = lentAt.plus(Duration.ofDays(maxDays));
        entry.lendOut();
        status = LoanStatus.LENT;
    }

    void remind() {
        reminders++;
        lastRemindedAt = Now.instant();
    }

    void escalate() {
        if (escalatedAt == null) {
            escalatedAt = Now.instant();
        }
    }

    void noteSupervision(String manager, String note) {
        supervisionNote = (supervisionNote == null ? "" : supervisionNote + "\n") + manager + ": " + note;
    }

    void registerReturn(String archivist, String condition, String note) {
        requireStatus(LoanStatus.LENT);
        returnedTo = archivist;
        returnedAt = Now.instant();
        returnCondition = condition;
        returnNote = note;
        entry.takeBack();
        status = LoanStatus.RETURNED;
    }

    public boolean isOverdue(Instant now) {
        return status == LoanStatus.LENT && dueAt != null && dueAt.isBefore(now);
    }

    private void requireStatus(LoanStatus expected) {
        if (status != expected) {
            throw new IllegalStateException("loan " + loanNo + " is " + status + ", not " + expected);
        }
    }

    public Long getId() { return id; }
    public String getLoanNo() { return loanNo; }
    public ArchiveEntry getEntry() { return entry; }
    public String getBorrower() { return borrower; }
    public String getBorrowerDepartment() { return borrowerDepartment; }
    public LoanKind getLoanKind() { return loanKind; }
    public int getPieces() { return pieces; }
    public String getPurpose() { return purpose; }
    public LoanStatus getStatus() { return status; }
    public Instant getRequestedAt() { return requestedAt; }
    public Integer getMaxDays() { return maxDays; }
    public String getApproverGroup() { return approverGroup; }
    public String getSignedRequestRef() { return signedRequestRef; }
    public String getDecidedBy() { return decidedBy; }
    public Instant getDecidedAt() { return decidedAt; }
    public String getDecisionNote() { return decisionNote; }
    public String getLentBy() { return lentBy; }
    public Instant getLentAt() { return lentAt; }
    public String getHandOutReference() { return handOutReference; }
    public Instant getDueAt() { return dueAt; }
    public int getReminders() { return reminders; }
    public Instant getLastRemindedAt() { return lastRemindedAt; }
    public Instant getEscalatedAt() { return escalatedAt; }
    public String getSupervisionNote() { return supervisionNote; }
    public String getReturnedTo() { return returnedTo; }
    public Instant getReturnedAt() { return returnedAt; }
    public String getReturnCondition() { return returnCondition; }
    public String getReturnNote() { return returnNote; }
    public String getProcessInstanceId() { return processInstanceId; }
}
