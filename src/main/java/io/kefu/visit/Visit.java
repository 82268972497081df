package io.kefu.visit;

import io.kefu.shared.ConflictException;
import io.kefu.shared.CaseNote;
import io.kefu.complaint.ComplaintCategory;
import io.kefu.complaint.Satisfaction;
import io.kefu.shared.time.Now;
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
import jakarta.persistence.OrderColumn;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.envers.Audited;

/** One visit or survey of one customer (回访记录表): planned, done, rescheduled, escalated or cancelled. */
@Entity
@Table(name = "visit")
@Audited
public class Visit {

    public enum MatterStatus {
        OPEN("跟进中"), CLOSED("已办结");

        private final String label;

        MatterStatus(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "visit_no", length = 20, unique = true)
    private String visitNo;

    /** The customer (客户基础信息) the record is about: its id in the customer registry. */
    @Column(name = "customer_id", nullable = false)
    private Long customerId;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", length = 20, nullable = false)
    private VisitKind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "visitor_role", length = 30, nullable = false)
    private VisitorRole visitorRole;

    /** What makes the visit unique for its customer (role and due date, holiday, campaign, order). */
    @Column(name = "plan_key", length = 120, nullable = false)
    private String planKey;

    @Enumerated(EnumType.STRING)
    @Column(name = "mode", length = 10, nullable = false)
    private VisitMode mode;

    /** The person who makes the visit, or none when a group (managers, division leaders) takes it. */
    @Column(name = "visitor_id", length = 64)
    private String visitorId;

    @Column(name = "visitor_group", length = 64)
    private String visitorGroup;

    /** The customer's account manager, who submits the field-visit plan. */
    @Column(name = "account_manager", length = 64)
    private String accountManager;

    @Column(name = "plan_approval", nullable = false)
    private boolean planApproval;

    @Column(name = "occasion", length = 100)
    private String occasion;

    @Column(name = "campaign_id")
    private Long campaignId;

    @Column(name = "order_no", length = 64)
    private String orderNo;

    @Column(name = "delivered_on")
    private LocalDate deliveredOn;

    @Column(name = "consignee", length = 100)
    private String consignee;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 20, nullable = false)
    private VisitStatus status;

    @Column(name = "due_date", nullable = false)
    private LocalDate dueDate;

    /** 必须保证在三天之内回访: the end of the third working day after the due date. */
    @Column(name = "deadline", nullable = false)
    private Instant deadline;

    @Column(name = "appointment_at")
    private Instant appointmentAt;

    @Column(name = "reschedule_count", nullable = false)
    private int rescheduleCount;

    @Column(name = "plan_route", columnDefinition = "text")
    private String planRoute;

    @Column(name = "plan_purpose", columnDefinition = "text")
    private String planPurpose;

    @Column(name = "plan_time")
    private Instant planTime;

    @Column(name = "plan_status", length = 20)
    private String planStatus;

    @Column(name = "channel", length = 20)
    private String channel;

    @Enumerated(EnumType.STRING)
    @Column(name = "satisfaction", length = 20)
    private Satisfaction satisfaction;

    @Column(name = "improvement", columnDefinition = "text")
    private String improvement;

    @Column(name = "suggestions", columnDefinition = "text")
    private String suggestions;

    @Column(name = "remarks", columnDefinition = "text")
    private String remarks;

    /** The answers of a survey form (开业调查, 配送回访, 满意度调查) as JSON, question key → answer. */
    @Column(name = "answers", columnDefinition = "text")
    private String answers;

    @Column(name = "next_meeting")
    private LocalDate nextMeeting;

    @Enumerated(EnumType.STRING)
    @Column(name = "complaint_category", length = 30)
    private ComplaintCategory complaintCategory;

    @Column(name = "complaint_text", columnDefinition = "text")
    private String complaintText;

    @Column(name = "complaint_id")
    private Long complaintId;

    @Column(name = "matter_department", length = 30)
    private String matterDepartment;

    @Column(name = "matter_text", columnDefinition = "text")
    private String matterText;

    @Enumerated(EnumType.STRING)
    @Column(name = "matter_status", length = 20)
    private MatterStatus matterStatus;

    @Column(name = "matter_resolution", columnDefinition = "text")
    private String matterResolution;

    @Column(name = "matter_closed_at")
    private Instant matterClosedAt;

    @Column(name = "matter_closed_by", length = 64)
    private String matterClosedBy;

    @Column(name = "overdue", nullable = false)
    private boolean overdue;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Column(name = "completed_by", length = 64)
    private String completedBy;

    @Column(name = "cancelled_at")
    private Instant cancelledAt;

    @Column(name = "cancel_reason", length = 500)
    private String cancelReason;

    @Column(name = "process_instance_id", length = 64)
    private String processInstanceId;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "visit_note", joinColumns = @JoinColumn(name = "visit_id"))
    @OrderColumn(name = "position")
    private List<CaseNote> notes = new ArrayList<>();

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Visit() {
    }

    Visit(Long customerId, VisitKind kind, VisitorRole role, String planKey, VisitMode mode, LocalDate dueDate,
            Instant deadline) {
        this.customerId = customerId;
        this.kind = kind;
        this.visitorRole = role;
        this.planKey = planKey;
        this.mode = mode;
        this.dueDate = dueDate;
        this.deadline = deadline;
        this.status = VisitStatus.OPEN;
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
        if (visitNo == null) {
            visitNo = String.format("HF%06d", id);
        }
    }

    // ---- planning --------------------------------------------------------------------------------------------

    void assignTo(String visitorId, String visitorGroup, String accountManager) {
        this.visitorId = visitorId;
        this.visitorGroup = visitorGroup;
        this.accountManager = accountManager;
    }

    void requirePlanApproval() {
        this.planApproval = true;
        this.status = VisitStatus.PLANNING;
        this.planStatus = "DRAFT";
    }

    void forOccasion(String occasion) {
        this.occasion = occasion;
    }

    void inCampaign(Long campaignId) {
        this.campaignId = campaignId;
    }

    void forDelivery(String orderNo, LocalDate deliveredOn, String consignee) {
        this.orderNo = orderNo;
        this.deliveredOn = deliveredOn;
        this.consignee = consignee;
    }

    /** Binds the visit to its process, once: a visit another process handles is not taken over. */
    void linkProcess(String processInstanceId) {
        if (this.processInstanceId != null && !this.processInstanceId.equals(processInstanceId)) {
            throw new ConflictException("回访 " + visitNo + " 已由另一流程实例处理,不能再关联");
        }
        this.processInstanceId = processInstanceId;
    }

    // ---- field-visit plan (外出客服拜访计划) -----------------------------------------------------------------

    void submitPlan(String route, String purpose, Instant time, String author, Instant at) {
        this.planRoute = route;
        this.planPurpose = purpose;
        this.planTime = time;
        this.planStatus = "SUBMITTED";
        addNote(VisitNoteKind.PLAN_SUBMITTED, author, "拜访时间 " + time + ";路线 " + route + ";目的 " + purpose, at);
    }

    void decidePlan(boolean leader, boolean approved, String comment, String author, Instant at) {
        if (!approved) {
            this.planStatus = "RETURNED";
        } else if (leader) {
            this.planStatus = "APPROVED";
            this.status = VisitStatus.OPEN;
        } else {
            this.planStatus = "MANAGER_APPROVED";
        }
        addNote(leader ? VisitNoteKind.PLAN_LEADER : VisitNoteKind.PLAN_MANAGER, author,
                (approved ? "同意:" : "退回修改:") + comment, at);
    }

    // ---- the visit -------------------------------------------------------------------------------------------

    /** 再约一个方便的时间: the customer could not be reached or asked for another time. */
    void reschedule(Instant appointmentAt, String reason, String author, Instant at) {
        this.appointmentAt = appointmentAt;
        this.rescheduleCount++;
        this.status = VisitStatus.RESCHEDULED;
        addNote(VisitNoteKind.RESCHEDULED, author, reason, at);
    }

    void complete(String channel, Satisfaction satisfaction, String improvement, String suggestions, String remarks,
            String answers, LocalDate nextMeeting, String author, Instant at) {
        this.channel = channel;
        this.satisfaction = satisfaction;
        this.improvement = improvement;
        this.suggestions = suggestions;
        this.remarks = remarks;
        this.answers = answers;
        this.nextMeeting = nextMeeting;
        this.completedBy = author;
        this.completedAt = at;
        this.status = VisitStatus.DONE;
    }

    void raiseComplaint(ComplaintCategory category, String text) {
        this.complaintCategory = category;
        this.complaintText = text;
    }

    void linkComplaint(long complaintId) {
        this.complaintId = complaintId;
    }

    void referMatter(String department, String text) {
        this.matterDepartment = department;
        this.matterText = text;
        this.matterStatus = MatterStatus.OPEN;
    }

    void closeMatter(String resolution, String author, Instant at) {
        this.matterResolution = resolution;
        this.matterClosedBy = author;
        this.matterClosedAt = at;
        this.matterStatus = MatterStatus.CLOSED;
    }

    void recordBreach() {
        this.overdue = true;
    }

    void cancel(String reason, Instant at) {
        this.status = VisitStatus.CANCELLED;
        this.cancelReason = reason;
        this.cancelledAt = at;
        addNote(VisitNoteKind.CANCELLED, "system", reason, at);
    }

    void addNote(VisitNoteKind kind, String author, String text, Instant at) {
        notes.add(new CaseNote(kind.name(), author, text, at));
    }

    /** Done within the 3-day limit (the on-time rate counts these). */
    public boolean isOnTime() {
        return completedAt != null && !completedAt.isAfter(deadline);
    }

    public boolean isOverdueAt(Instant now) {
        return status.isOpen() && now.isAfter(deadline);
    }

    public boolean hasComplaint() {
        return complaintCategory != null;
    }

    public boolean hasMatter() {
        return matterDepartment != null;
    }

    // ---- getters ---------------------------------------------------------------------------------------------

    public Long getId() { return id; }
    public String getVisitNo() { return visitNo; }
    public Long getCustomerId() { return customerId; }
    public VisitKind getKind() { return kind; }
    public VisitorRole getVisitorRole() { return visitorRole; }
    public String getPlanKey() { return planKey; }
    public VisitMode getMode() { return mode; }
    public String getVisitorId() { return visitorId; }
    public String getVisitorGroup() { return visitorGroup; }
    public String getAccountManager() { return accountManager; }
    public boolean isPlanApproval() { return planApproval; }
    public String getOccasion() { return occasion; }
    public Long getCampaignId() { return campaignId; }
    public String getOrderNo() { return orderNo; }
    public LocalDate getDeliveredOn() { return deliveredOn; }
    public String getConsignee() { return consignee; }
    public VisitStatus getStatus() { return status; }
    public LocalDate getDueDate() { return dueDate; }
    public Instant getDeadline() { return deadline; }
    public Instant getAppointmentAt() { return appointmentAt; }
    public int getRescheduleCount() { return rescheduleCount; }
    public String getPlanRoute() { return planRoute; }
    public String getPlanPurpose() { return planPurpose; }
    public Instant getPlanTime() { return planTime; }
    public String getPlanStatus() { return planStatus; }
    public String getChannel() { return channel; }
    public Satisfaction getSatisfaction() { return satisfaction; }
    public String getImprovement() { return improvement; }
    public String getSuggestions() { return suggestions; }
    public String getRemarks() { return remarks; }
    public String getAnswers() { return answers; }
    public LocalDate getNextMeeting() { return nextMeeting; }
    public ComplaintCategory getComplaintCategory() { return complaintCategory; }
    public String getComplaintText() { return complaintText; }
    public Long getComplaintId() { return complaintId; }
    public String getMatterDepartment() { return matterDepartment; }
    public String getMatterText() { return matterText; }
    public MatterStatus getMatterStatus() { return matterStatus; }
    public String getMatterResolution() { return matterResolution; }
    public Instant getMatterClosedAt() { return matterClosedAt; }
    public boolean isOverdue() { return overdue; }
    public Instant getCompletedAt() { return completedAt; }
    public String getCompletedBy() { return completedBy; }
    public Instant getCancelledAt() { return cancelledAt; }
    public String getCancelReason() { return cancelReason; }
    public String getProcessInstanceId() { return processInstanceId; }
    public List<CaseNote> getNotes() { return List.copyOf(notes); }
    public Instant getCreatedAt() { return createdAt; }
    public long getVersion() { return version; }
}
