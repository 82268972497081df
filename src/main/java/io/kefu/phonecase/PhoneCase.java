package io.kefu.phonecase;

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
 * 个案: a question the agent could not answer on the call (时间、地点、人物、事件、联系方式), passed to the responsible
 * department and answered back to the customer by the agent who took it (首问负责制, {@code ownerId}) until the
 * customer accepts. The person and the contact are personal data: here only, never in the process.
 */
@Entity
@Table(name = "phone_case")
@Audited
public class PhoneCase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** 个案编号, e.g. GA2026-00003: the process business key. */
    @Column(name = "case_no", length = 20, unique = true)
    private String caseNo;

    /** The inquiry (咨询) the case was turned from; none for a case registered on its own. */
    @Column(name = "inquiry_id", updatable = false)
    private Long inquiryId;

    /** The customer (客户基础信息) the record is about: its id in the customer registry. */
    @Column(name = "customer_id", updatable = false)
    private Long customerId;

    @Column(name = "occurred_when", length = 100, nullable = false)
    private String occurredWhen;

    @Column(name = "place", length = 200)
    private String place;

    @Column(name = "person", length = 100, nullable = false)
    private String person;

    @Column(name = "contact", length = 200, nullable = false)
    private String contact;

    @Column(name = "event", nullable = false, columnDefinition = "text")
    private String event;

    @Column(name = "department", length = 30, nullable = false)
    private String department;

    @Column(name = "owner_id", length = 64, nullable = false, updatable = false)
    private String ownerId;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 20, nullable = false)
    private PhoneCaseStatus status;

    @Column(name = "opened_at", nullable = false, updatable = false)
    private Instant openedAt;

    @Column(name = "resolution_due_at", nullable = false)
    private Instant resolutionDueAt;

    @Column(name = "solution", columnDefinition = "text")
    private String solution;

    @Column(name = "solved_by", length = 64)
    private String solvedBy;

    @Column(name = "solved_at")
    private Instant solvedAt;

    @Column(name = "callback_due_at")
    private Instant callbackDueAt;

    @Column(name = "callbacks", nullable = false)
    private int callbacks;

    @Column(name = "called_back_at")
    private Instant calledBackAt;

    @Column(name = "callback_note", columnDefinition = "text")
    private String callbackNote;

    @Column(name = "leader_note", columnDefinition = "text")
    private String leaderNote;

    @Column(name = "leader_by", length = 64)
    private String leaderBy;

    @Column(name = "breached_at")
    private Instant breachedAt;

    @Column(name = "supervision_note", columnDefinition = "text")
    private String supervisionNote;

    @Column(name = "callback_breached_at")
    private Instant callbackBreachedAt;

    @Column(name = "callback_supervision_note", columnDefinition = "text")
    private String callbackSupervisionNote;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "process_instance_id", length = 64)
    private String processInstanceId;

    @Version
    private long version;

    protected PhoneCase() {
    }

    PhoneCase(Long inquiryId, Long customerId, String occurredWhen, String place, String person, String contact,
            String event, String department, String ownerId, Instant resolutionDueAt) {
        this.inquiryId = inquiryId;
        this.customerId = customerId;
        this.occurredWhen = occurredWhen;
        this.place = place;
        this.person = person;
        this.contact = contact;
        this.event = event;
        this.department = department;
        this.ownerId = ownerId;
        this.status = PhoneCaseStatus.REFERRED;
        this.openedAt = Now.instant();
        this.resolutionDueAt = resolutionDueAt;
    }

    void numberFromId() {
        if (caseNo == null) {
            caseNo = String.format("GA%d-%05d", openedAt.atZone(Now.zone()).getYear(), id);
        }
    }

    /** Binds the record to its process, once. */
    void linkProcess(String processInstanceId) {
        if (this.processInstanceId != null && !this.processInstanceId.equals(processInstanceId)) {
            throw new IllegalStateException("个案 " + caseNo + " 已由另一个流程处理");
        }
        this.processInstanceId = processInstanceId;
    }

    void solve(String by, String solution, Instant callbackDueAt) {
        this.solution = solution;
        this.solvedBy = by;
        this.solvedAt = Now.instant();
        this.callbackDueAt = callbackDueAt;
        this.status = PhoneCaseStatus.SOLVED;
    }

    void calledBack(boolean accepted, String note) {
        this.callbacks++;
        this.calledBackAt = Now.instant();
        this.callbackNote = note;
        if (accepted) {
            this.status = PhoneCaseStatus.CLOSED;
            this.closedAt = calledBackAt;
        } else {
            this.status = PhoneCaseStatus.WITH_LEADER;
        }
    }

    void leaderSupport(String by, String note, Instant callbackDueAt) {
        this.leaderBy = by;
        this.leaderNote = note;
        this.callbackDueAt = callbackDueAt;
        this.status = PhoneCaseStatus.SOLVED;
    }

    void breach() {
        if (breachedAt == null) {
            breachedAt = Now.instant();
        }
    }

    void supervise(String note) {
        this.supervisionNote = note;
    }

    /** The owner had not called the customer back by the callback deadline (the first time it was missed). */
    void callbackBreach() {
        if (callbackBreachedAt == null) {
            callbackBreachedAt = Now.instant();
        }
    }

    void superviseCallback(String note) {
        this.callbackSupervisionNote = note;
    }

    public boolean isOwnedBy(String userId) {
        return ownerId.equals(userId);
    }

    public Long getId() {
        return id;
    }

    public String getCaseNo() {
        return caseNo;
    }

    public Long getInquiryId() {
        return inquiryId;
    }

    public Long getCustomerId() {
        return customerId;
    }

    public String getOccurredWhen() {
        return occurredWhen;
    }

    public String getPlace() {
        return place;
    }

    public String getPerson() {
        return person;
    }

    public String getContact() {
        return contact;
    }

    public String getEvent() {
        return event;
    }

    public String getDepartment() {
        return department;
    }

    public String getOwnerId() {
        return ownerId;
    }

    public PhoneCaseStatus getStatus() {
        return status;
    }

    public Instant getOpenedAt() {
        return openedAt;
    }

    public Instant getResolutionDueAt() {
        return resolutionDueAt;
    }

    public String getSolution() {
        return solution;
    }

    public String getSolvedBy() {
        return solvedBy;
    }

    public Instant getSolvedAt() {
        return solvedAt;
    }

    public Instant getCallbackDueAt() {
        return callbackDueAt;
    }

    public int getCallbacks() {
        return callbacks;
    }

    public Instant getCalledBackAt() {
        return calledBackAt;
    }

    public String getCallbackNote() {
        return callbackNote;
    }

    public String getLeaderNote() {
        return leaderNote;
    }

    public String getLeaderBy() {
        return leaderBy;
    }

    public Instant getBreachedAt() {
        return breachedAt;
    }

    public String getSupervisionNote() {
        return supervisionNote;
    }

    public Instant getCallbackBreachedAt() {
        return callbackBreachedAt;
    }

    public String getCallbackSupervisionNote() {
        return callbackSupervisionNote;
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
