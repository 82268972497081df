package io.kefu.qualification;

import io.kefu.customer.CustomerTier;
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
import java.time.LocalDate;
import org.hibernate.envers.Audited;

/**
 * 资质审核 (P16): one periodic review of a customer within its class's cycle — the yearly meeting (a visit), the scores
 * (满意度、业务贡献、信用, 1–5), the grade, the tier before and after (a change is audited here and on the customer), and
 * when credit declined the decision whether to stop cooperation.
 */
@Entity
@Table(name = "qualification_review")
@Audited
public class QualificationReview {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** 审核编号, e.g. ZS2026-00007: the process business key. */
    @Column(name = "review_no", length = 20, unique = true)
    private String reviewNo;

    /** The customer (客户基础信息) the record is about: its id in the customer registry. */
    @Column(name = "customer_id", nullable = false, updatable = false)
    private Long customerId;

    @Enumerated(EnumType.STRING)
    @Column(name = "customer_class", length = 20, nullable = false)
    private CustomerClass customerClass;

    @Enumerated(EnumType.STRING)
    @Column(name = "tier_before", length = 1, nullable = false)
    private CustomerTier tierBefore;

    @Enumerated(EnumType.STRING)
    @Column(name = "tier_after", length = 1)
    private CustomerTier tierAfter;

    @Column(name = "cycle_months", nullable = false)
    private int cycleMonths;

    @Column(name = "due_on", nullable = false)
    private LocalDate dueOn;

    @Column(name = "opened_by", length = 64, nullable = false, updatable = false)
    private String openedBy;

    @Column(name = "opened_at", nullable = false, updatable = false)
    private Instant openedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 30, nullable = false)
    private ReviewStatus status;

    @Column(name = "meeting_visit_id")
    private Long meetingVisitId;

    @Column(name = "satisfaction")
    private Integer satisfaction;

    @Column(name = "contribution")
    private Integer contribution;

    @Column(name = "credit")
    private Integer credit;

    @Column(name = "previous_credit")
    private Integer previousCredit;

    @Column(name = "total_score")
    private Integer totalScore;

    @Enumerated(EnumType.STRING)
    @Column(name = "grade", length = 1)
    private CustomerTier grade;

    @Column(name = "credit_declined", nullable = false)
    private boolean creditDeclined;

    @Column(name = "tier_change_reason", columnDefinition = "text")
    private String tierChangeReason;

    @Column(name = "score_note", columnDefinition = "text")
    private String scoreNote;

    @Column(name = "scored_by", length = 64)
    private String scoredBy;

    @Column(name = "scored_at")
    private Instant scoredAt;

    @Column(name = "stop_cooperation")
    private Boolean stopCooperation;

    @Column(name = "decision_note", columnDefinition = "text")
    private String decisionNote;

    @Column(name = "decided_by", length = 64)
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "termination_contract_id")
    private Long terminationContractId;

    @Column(name = "next_review_on")
    private LocalDate nextReviewOn;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "process_instance_id", length = 64)
    private String processInstanceId;

    @Version
    private long version;

    protected QualificationReview() {
    }

    QualificationReview(Long customerId, CustomerTier tierBefore, CustomerClass customerClass, int cycleMonths,
            LocalDate dueOn, String openedBy) {
        this.customerId = customerId;
        this.customerClass = customerClass;
        this.tierBefore = tierBefore;
        this.cycleMonths = cycleMonths;
        this.dueOn = dueOn;
        this.openedBy = openedBy;
        this.openedAt = Now.instant();
        this.status = ReviewStatus.OPEN;
    }

    void numberFromId() {
        if (reviewNo == null) {
            reviewNo = String.format("ZS%d-%05d", openedAt.atZone(Now.zone()).getYear(), id);
        }
    }

    void linkProcess(String processInstanceId) {
        if (this.processInstanceId != null && !this.processInstanceId.equals(processInstanceId)) {
            throw new IllegalStateException("Review " + reviewNo + " is already bound to another process");
        }
        this.processInstanceId = processInstanceId;
    }

    void meetingPlanned(long visitId) {
        this.meetingVisitId = visitId;
    }

    /** The scores and the tier the review settles on; declining credit leaves the review open for the decision. */
    void scored(int satisfaction, int contribution, int credit, Integer previousCredit, CustomerTier grade,
            boolean creditDeclined, CustomerTier tierAfter, String tierChangeReason, String note, String by,
            LocalDate nextReviewOn) {
        this.satisfaction = satisfaction;
        this.contribution = contribution;
        this.credit = credit;
        this.previousCredit = previousCredit;
        this.totalScore = satisfaction + contribution + credit;
        this.grade = grade;
        this.creditDeclined = creditDeclined;
        this.tierAfter = tierAfter;
        this.tierChangeReason = tierChangeReason;
        this.scoreNote = note;
        this.scoredBy = by;
        this.scoredAt = Now.instant();
        this.nextReviewOn = nextReviewOn;
        if (creditDeclined) {
            this.status = ReviewStatus.AWAITING_DECISION;
        } else {
            close(ReviewStatus.CLOSED);
        }
    }

    void decided(boolean stop, String note, String by, Long terminationContractId) {
        this.stopCooperation = stop;
        this.decisionNote = note;
        this.decidedBy = by;
        this.decidedAt = Now.instant();
        this.terminationContractId = terminationContractId;
        close(stop ? ReviewStatus.TERMINATION_STARTED : ReviewStatus.COOPERATION_KEPT);
    }

    private void close(ReviewStatus outcome) {
        this.status = outcome;
        this.closedAt = Now.instant();
    }

    public boolean isTierChanged() {
        return tierAfter != null && tierAfter != tierBefore;
    }

    public boolean involves(String userId) {
        return openedBy.equals(userId) || userId.equals(scoredBy) || userId.equals(decidedBy);
    }

    public Long getId() { return id; }
    public String getReviewNo() { return reviewNo; }
    public Long getCustomerId() { return customerId; }
    public CustomerClass getCustomerClass() { return customerClass; }
    public CustomerTier getTierBefore() { return tierBefore; }
    public CustomerTier getTierAfter() { return tierAfter; }
    public int getCycleMonths() { return cycleMonths; }
    public LocalDate getDueOn() { return dueOn; }
    public String getOpenedBy() { return openedBy; }
    public Instant getOpenedAt() { return openedAt; }
    public ReviewStatus getStatus() { return status; }
    public Long getMeetingVisitId() { return meetingVisitId; }
    public Integer getSatisfaction() { return satisfaction; }
    public Integer getContribution() { return contribution; }
    public Integer getCredit() { return credit; }
    public Integer getPreviousCredit() { return previousCredit; }
    public Integer getTotalScore() { return totalScore; }
    public CustomerTier getGrade() { return grade; }
    public boolean isCreditDeclined() { return creditDeclined; }
    public String getTierChangeReason() { return tierChangeReason; }
    public String getScoreNote() { return scoreNote; }
    public String getScoredBy() { return scoredBy; }
    public Instant getScoredAt() { return scoredAt; }
    public Boolean getStopCooperation() { return stopCooperation; }
    public String getDecisionNote() { return decisionNote; }
    public String getDecidedBy() { return decidedBy; }
    public Instant getDecidedAt() { return decidedAt; }
    public Long getTerminationContractId() { return terminationContractId; }
    public LocalDate getNextReviewOn() { return nextReviewOn; }
    public Instant getClosedAt() { return closedAt; }
    public String getProcessInstanceId() { return processInstanceId; }
    public long getVersion() { return version; }
}
