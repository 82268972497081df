package io.kefu.complaint;

import io.kefu.shared.time.TimeText;
import io.kefu.shared.ConflictException;
import io.kefu.shared.CaseNote;
import io.kefu.shared.time.Now;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;

/**
 * A complaint case (顾客投诉登记表 and everything that follows): the state of the case lives here, the process only
 * moves it along. The agent who registered it owns it to the end (首问负责制).
 */
@Entity
@Table(name = "complaint")
@Audited
public class Complaint {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** 投诉编号, e.g. TS2026-00012: given from the id once saved; the process business key. */
    @Column(name = "case_no", length = 20, unique = true)
    private String caseNo;

    /** The customer (客户基础信息) the record is about: its id in the customer registry. */
    @Column(name = "customer_id", nullable = false, updatable = false)
    private Long customerId;

    @Column(name = "complainant_name", length = 100, nullable = false)
    private String complainantName;

    @Column(name = "complainant_phone", length = 30, nullable = false)
    private String complainantPhone;

    @Enumerated(EnumType.STRING)
    @Column(name = "channel", length = 20, nullable = false)
    private Channel channel;

    @Enumerated(EnumType.STRING)
    @Column(name = "category", length = 30, nullable = false)
    private ComplaintCategory category;

    @Enumerated(EnumType.STRING)
    @Column(name = "severity", length = 20, nullable = false)
    private Severity severity;

    @Column(name = "description", nullable = false, columnDefinition = "text")
    private String description;

    @Column(name = "customer_request", columnDefinition = "text")
    private String customerRequest;

    /** The employee complained about: recused from every task of the case (被投诉人应当回避). */
    @Column(name = "complained_employee", length = 64)
    private String complainedEmployee;

    @Column(name = "owner_id", length = 64, nullable = false)
    private String ownerId;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 30, nullable = false)
    private ComplaintStatus status;

    @Column(name = "priority", length = 10)
    private String priority;

    @Column(name = "response_hours")
    private Integer responseHours;

    @Column(name = "resolution_hours")
    private Integer resolutionHours;

    @Column(name = "notify_manager", nullable = false)
    private boolean notifyManager;

    @Column(name = "manager_approval", nullable = false)
    private boolean managerApproval;

    @Column(name = "response_due")
    private Instant responseDue;

    @Column(name = "resolution_due")
    private Instant resolutionDue;

    @Column(name = "return_visit_due")
    private Instant returnVisitDue;

    @Column(name = "responded_at")
    private Instant respondedAt;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "repeat_complaint", nullable = false)
    private boolean repeatComplaint;

    @Column(name = "repeat_reason", length = 500)
    private String repeatReason;

    @Column(name = "valid")
    private Boolean valid;

    @Column(name = "validity_reason", columnDefinition = "text")
    private String validityReason;

    @Column(name = "invalid_reply", columnDefinition = "text")
    private String invalidReply;

    @Column(name = "department", length = 30)
    private String department;

    /** Whether the customer accepted the current round's solution; cleared when a round reopens the case. */
    @Column(name = "customer_accepted")
    private Boolean customerAccepted;

    /** The latest return visit's answer (each round keeps its own in {@link ComplaintRound}). */
    @Enumerated(EnumType.STRING)
    @Column(name = "satisfaction", length = 20)
    private Satisfaction satisfaction;

    @Column(name = "reopen_count", nullable = false)
    private int reopenCount;

    @Column(name = "root_cause", columnDefinition = "text")
    private String rootCause;

    @Column(name = "preventive_measures", columnDefinition = "text")
    private String preventiveMeasures;

    @Enumerated(EnumType.STRING)
    @Column(name = "closing_category", length = 30)
    private ComplaintCategory closingCategory;

    @Column(name = "closing_summary", columnDefinition = "text")
    private String closingSummary;

    @Column(name = "process_instance_id", length = 64)
    private String processInstanceId;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "complaint_breach", joinColumns = @JoinColumn(name = "complaint_id"))
    @OrderColumn(name = "position")
    // lists (the customer 360 page, search results) read the breaches of a page of complaints in one query
    private List<Breach> breaches = new ArrayList<>();

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "complaint_note", joinColumns = @JoinColumn(name = "complaint_id"))
    @OrderColumn(name = "position")
    private List<CaseNote> notes = new ArrayList<>();

    /**
     * The rounds of handling, oldest first; the last is the current one. Audited on their own table: the complaint's
     * revisions do not repeat them.
     */
    @OneToMany(mappedBy = "complaint", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("number")
    @NotAudited
    private List<ComplaintRound> rounds = new ArrayList<>();

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Complaint() {
    }

    public Complaint(Long customerId, String complainantName, String complainantPhone, Channel channel,
            ComplaintCategory category, Severity severity, String description, String customerRequest,
            String complainedEmployee, String ownerId) {
        this.customerId = customerId;
        this.complainantName = complainantName;
        this.complainantPhone = complainantPhone;
        this.channel = channel;
        this.category = category;
        this.severity = severity;
        this.description = description;
        this.customerRequest = customerRequest;
        this.complainedEmployee = complainedEmployee;
        this.ownerId = ownerId;
        this.status = ComplaintStatus.REGISTERED;
        this.rounds.add(new ComplaintRound(this, 1, null, Now.instant(), 0));
    }

    @PrePersist
    @PreUpdate
    void touch() {
        updatedAt = Now.instant();
        if (createdAt == null) {
            createdAt = updatedAt;
        }
    }

    void numberFromId() {
        if (caseNo == null) {
            int year = createdAt.atZone(Now.zone()).getYear();
            caseNo = String.format("TS%d-%05d", year, id);
        }
    }

    /** Binds the case to its process, once: a complaint another process already handles is not taken over. */
    void linkProcess(String processInstanceId) {
        if (this.processInstanceId != null && !this.processInstanceId.equals(processInstanceId)) {
            throw new ConflictException("投诉 " + caseNo + " 已由另一流程实例处理,不能再关联");
        }
        this.processInstanceId = processInstanceId;
    }

    void classify(String priority, int responseHours, int resolutionHours, boolean notifyManager,
            boolean managerApproval, Instant responseDue, Instant resolutionDue) {
        this.priority = priority;
        this.responseHours = responseHours;
        this.resolutionHours = resolutionHours;
        this.notifyManager = notifyManager;
        this.managerApproval = managerApproval;
        this.responseDue = responseDue;
        this.resolutionDue = resolutionDue;
    }

    void flagRepeat(String reason) {
        this.repeatComplaint = true;
        this.repeatReason = reason;
    }

    void acceptAsValid(String reason, String department, String causeType, Instant at) {
        this.valid = true;
        this.validityReason = reason;
        this.department = department;
        this.respondedAt = at;
        this.status = ComplaintStatus.INVESTIGATING;
        workingRound().assign(department, causeType);
    }

    void judgeInvalid(String reason, String reply, Instant at) {
        this.valid = false;
        this.validityReason = reason;
        this.invalidReply = reply;
        this.respondedAt = at;
    }

    void closeAsInvalid(Instant at) {
        if (!Boolean.FALSE.equals(valid)) {
            throw new IllegalStateException("complaint " + caseNo + " was not judged invalid");
        }
        this.status = ComplaintStatus.REJECTED;
        this.closedAt = at;
    }

    void recordFindings(String findings, String responsiblePerson, String by, Instant at) {
        workingRound().recordFindings(findings, responsiblePerson, by, at);
    }

    void proposeSolutions(String option1, String option2, String option3, String by, Instant at) {
        workingRound().proposeSolutions(option1, option2, option3, by, at);
        this.status = ComplaintStatus.AWAITING_APPROVAL;
    }

    /**
     * The option chosen by the supervising leader or the manager, with their instruction; null when all options were
     * rejected (the manager decides next).
     */
    void choose(Integer option, String instruction, String by, Instant at) {
        workingRound().decide(option, instruction, by, at);
        this.status = option == null ? ComplaintStatus.AWAITING_APPROVAL : ComplaintStatus.IMPLEMENTING;
    }

    /** The manager sends the options back: the department proposes anew in this round. */
    void returnToDepartment(String instruction, String by, Instant at) {
        workingRound().decide(null, instruction, by, at);
        this.status = ComplaintStatus.INVESTIGATING;
    }

    void recordImplementation(String notes, String penalties, String by, Instant at) {
        workingRound().recordImplementation(notes, penalties, by, at);
        this.status = ComplaintStatus.AWAITING_CUSTOMER;
    }

    void customerAccepts(String method, String reference, String by, Instant at, Instant returnVisitDue) {
        workingRound().recordCustomerResponse(true, method, reference, by, at);
        this.customerAccepted = true;
        this.resolvedAt = at;
        this.returnVisitDue = returnVisitDue;
        this.status = ComplaintStatus.RESOLVED;
    }

    void customerRejects(String by, Instant at) {
        workingRound().recordCustomerResponse(false, null, null, by, at);
        this.customerAccepted = false;
        this.status = ComplaintStatus.INVESTIGATING;
    }

    void recordReturnVisit(Satisfaction satisfaction, String remarks, String by, Instant at) {
        workingRound().recordReturnVisit(satisfaction, remarks, by, at);
        this.satisfaction = satisfaction;
        this.status = satisfaction == Satisfaction.DISSATISFIED ? ComplaintStatus.REOPENED : ComplaintStatus.AWAITING_CLOSURE;
    }

    /** 不满意: the next round opens (the earlier rounds keep what they found, decided and did). */
    void reopen(Instant newResolutionDue, Instant at) {
        this.reopenCount++;
        this.resolutionDue = newResolutionDue;
        this.resolvedAt = null;
        this.customerAccepted = null;
        this.status = ComplaintStatus.REOPENED;
        rounds.add(new ComplaintRound(this, workingRound().getNumber() + 1, department, at, notes.size()));
    }

    void reassign(String department) {
        this.department = department;
        this.status = ComplaintStatus.INVESTIGATING;
        workingRound().assign(department, null);
    }

    void recordRootCause(String rootCause, String preventiveMeasures) {
        this.rootCause = rootCause;
        this.preventiveMeasures = preventiveMeasures;
    }

    void close(ComplaintCategory closingCategory, String summary, Instant at) {
        this.closingCategory = closingCategory;
        this.closingSummary = summary;
        this.closedAt = at;
        this.status = ComplaintStatus.CLOSED;
    }

    void recordBreach(BreachType type, Instant deadline, Instant at) {
        breaches.add(new Breach(type, deadline, at));
    }

    void addNote(ComplaintNoteKind kind, String author, String text, Instant at) {
        notes.add(new CaseNote(kind.name(), author, text, at));
    }

    /**
     * The round the forms work on: the latest. A complaint stored without any round (written by a bulk load rather
     * than by Kefu) reads as an empty first round, which is not stored until a step writes to it.
     */
    public ComplaintRound currentRound() {
        return rounds.isEmpty() ? new ComplaintRound(this, 1, department, firstRoundOpened(), 0)
                : rounds.get(rounds.size() - 1);
    }

    /** The round a step writes to: the latest, or the first one, begun now for a complaint that has none. */
    private ComplaintRound workingRound() {
        if (rounds.isEmpty()) {
            rounds.add(new ComplaintRound(this, 1, department, firstRoundOpened(), 0));
        }
        return currentRound();
    }

    private Instant firstRoundOpened() {
        return createdAt != null ? createdAt : Now.instant();
    }

    /** Every round, oldest first. */
    public List<ComplaintRound> getRounds() {
        return List.copyOf(rounds);
    }

    public boolean isRecused(String userId) {
        return complainedEmployee != null && complainedEmployee.equals(userId);
    }

    public boolean isOverdue(Instant now) {
        if (!status.isOpen()) {
            return false;
        }
        return (respondedAt == null && responseDue != null && now.isAfter(responseDue))
                || (resolvedAt == null && resolutionDue != null && now.isAfter(resolutionDue));
    }

    public String deadlineText(Instant instant) {
        return instant == null ? "—"
                : TimeText.minutes(instant);
    }

    public Long getId() { return id; }
    public String getCaseNo() { return caseNo; }
    public Long getCustomerId() { return customerId; }
    public String getComplainantName() { return complainantName; }
    public String getComplainantPhone() { return complainantPhone; }
    public Channel getChannel() { return channel; }
    public ComplaintCategory getCategory() { return category; }
    public Severity getSeverity() { return severity; }
    public String getDescription() { return description; }
    public String getCustomerRequest() { return customerRequest; }
    public String getComplainedEmployee() { return complainedEmployee; }
    public String getOwnerId() { return ownerId; }
    public ComplaintStatus getStatus() { return status; }
    public String getPriority() { return priority; }
    public Integer getResponseHours() { return responseHours; }
    public Integer getResolutionHours() { return resolutionHours; }
    public boolean isNotifyManager() { return notifyManager; }
    public boolean isManagerApproval() { return managerApproval; }
    public Instant getResponseDue() { return responseDue; }
    public Instant getResolutionDue() { return resolutionDue; }
    public Instant getReturnVisitDue() { return returnVisitDue; }
    public Instant getRespondedAt() { return respondedAt; }
    public Instant getResolvedAt() { return resolvedAt; }
    public Instant getClosedAt() { return closedAt; }
    public boolean isRepeatComplaint() { return repeatComplaint; }
    public String getRepeatReason() { return repeatReason; }
    public Boolean getValid() { return valid; }
    public String getValidityReason() { return validityReason; }
    public String getInvalidReply() { return invalidReply; }
    public String getDepartment() { return department; }
    public Boolean getCustomerAccepted() { return customerAccepted; }
    public Satisfaction getSatisfaction() { return satisfaction; }
    public int getReopenCount() { return reopenCount; }
    public String getRootCause() { return rootCause; }
    public String getPreventiveMeasures() { return preventiveMeasures; }
    public ComplaintCategory getClosingCategory() { return closingCategory; }
    public String getClosingSummary() { return closingSummary; }
    public String getProcessInstanceId() { return processInstanceId; }
    public List<Breach> getBreaches() { return List.copyOf(breaches); }
    public List<CaseNote> getNotes() { return List.copyOf(notes); }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public long getVersion() { return version; }
}
