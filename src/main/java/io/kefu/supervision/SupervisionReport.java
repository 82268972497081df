package io.kefu.supervision;

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

/**
 * A 服务监督报告 (monthly, 业务部 → 总经理) or a 每周服务状况报告 (weekly, one technical-service person): the period's
 * figures as the reports computed them when it was compiled, and what the people wrote on it.
 */
@Entity
@Table(name = "supervision_report")
public class SupervisionReport {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "report_no", length = 100, nullable = false, unique = true, updatable = false)
    private String reportNo;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", length = 20, nullable = false, updatable = false)
    private SupervisionReportKind kind;

    @Column(name = "period_from", nullable = false, updatable = false)
    private LocalDate periodFrom;

    @Column(name = "period_to", nullable = false, updatable = false)
    private LocalDate periodTo;

    @Column(name = "staff_id", length = 64, updatable = false)
    private String staffId;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 20, nullable = false)
    private SupervisionReportStatus status;

    @Column(name = "complaints_received", nullable = false)
    private long complaintsReceived;
    @Column(name = "complaints_closed", nullable = false)
    private long complaintsClosed;
    @Column(name = "response_on_time", precision = 5, scale = 1)
    private BigDecimal responseOnTime;
    @Column(name = "resolution_on_time", precision = 5, scale = 1)
    private BigDecimal resolutionOnTime;
    @Column(name = "resolution_breaches", nullable = false)
    private long resolutionBreaches;
    @Column(name = "inquiries", nullable = false)
    private long inquiries;
    @Column(name = "inquiries_referred", nullable = false)
    private long inquiriesReferred;
    @Column(name = "inquiries_to_cases", nullable = false)
    private long inquiriesToCases;
    @Column(name = "visits_due", nullable = false)
    private long visitsDue;
    @Column(name = "visits_done", nullable = false)
    private long visitsDone;
    @Column(name = "visit_rate", precision = 5, scale = 1)
    private BigDecimal visitRate;
    @Column(name = "work_orders", nullable = false)
    private long workOrders;
    @Column(name = "dispatch_on_time", precision = 5, scale = 1)
    private BigDecimal dispatchOnTime;

    @Column(name = "own_work_orders")
    private Long ownWorkOrders;
    @Column(name = "own_visits_due")
    private Long ownVisitsDue;
    @Column(name = "own_visits_on_time")
    private Long ownVisitsOnTime;
    @Column(name = "own_on_time_rate", precision = 5, scale = 1)
    private BigDecimal ownOnTimeRate;

    @Enumerated(EnumType.STRING)
    @Column(name = "acceptance_grade", length = 20)
    private SupervisionGrade acceptanceGrade;
    @Enumerated(EnumType.STRING)
    @Column(name = "maintenance_grade", length = 20)
    private SupervisionGrade maintenanceGrade;
    @Column(name = "assessment", columnDefinition = "text")
    private String assessment;
    @Column(name = "improvements", columnDefinition = "text")
    private String improvements;
    @Column(name = "assessed_by", length = 64)
    private String assessedBy;
    @Column(name = "assessed_at")
    private Instant assessedAt;

    @Column(name = "service_status", columnDefinition = "text")
    private String serviceStatus;
    @Column(name = "customer_feedback", columnDefinition = "text")
    private String customerFeedback;
    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Column(name = "acknowledged_by", length = 64)
    private String acknowledgedBy;
    @Column(name = "acknowledged_at")
    private Instant acknowledgedAt;
    @Column(name = "manager_note", columnDefinition = "text")
    private String managerNote;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "process_instance_id", length = 64)
    private String processInstanceId;

    @Version
    private long version;

    protected SupervisionReport() {
    }

    private SupervisionReport(SupervisionReportKind kind, LocalDate from, LocalDate to, String staffId,
            ServiceFigures f) {
        this.kind = kind;
        this.periodFrom = from;
        this.periodTo = to;
        this.staffId = staffId;
        this.reportNo = kind.prefix() + from + (staffId == null ? "" : "-" + staffId);
        this.status = SupervisionReportStatus.OPEN;
        this.complaintsReceived = f.complaintsReceived();
        this.complaintsClosed = f.complaintsClosed();
        this.responseOnTime = f.responseOnTime();
        this.resolutionOnTime = f.resolutionOnTime();
        this.resolutionBreaches = f.resolutionBreaches();
        this.inquiries = f.inquiries();
        this.inquiriesReferred = f.inquiriesReferred();
        this.inquiriesToCases = f.inquiriesToCases();
        this.visitsDue = f.visitsDue();
        this.visitsDone = f.visitsDone();
        this.visitRate = f.visitRate();
        this.workOrders = f.workOrders();
        this.dispatchOnTime = f.dispatchOnTime();
        this.createdAt = Now.instant();
    }

    static SupervisionReport monthly(LocalDate from, LocalDate to, ServiceFigures figures) {
        return new SupervisionReport(SupervisionReportKind.MONTHLY, from, to, null, figures);
    }

    static SupervisionReport weekly(LocalDate from, LocalDate to, String staffId, ServiceFigures figures,
            ServiceFigures.Technician own) {
        SupervisionReport report = new SupervisionReport(SupervisionReportKind.WEEKLY, from, to, staffId, figures);
        report.ownWorkOrders = own.workOrders();
        report.ownVisitsDue = own.visitsDue();
        report.ownVisitsOnTime = own.visitsOnTime();
        report.ownOnTimeRate = own.onTimeRate();
        return report;
    }

    void linkProcess(String processInstanceId) {
        if (this.processInstanceId != null && !this.processInstanceId.equals(processInstanceId)) {
            throw new IllegalStateException(reportNo + " 已由另一个流程处理");
        }
        this.processInstanceId = processInstanceId;
    }

    void assess(String by, SupervisionGrade acceptance, SupervisionGrade maintenance, String assessment,
            String improvements) {
        this.acceptanceGrade = acceptance;
        this.maintenanceGrade = maintenance;
        this.assessment = assessment;
        this.improvements = improvements;
        this.assessedBy = by;
        this.assessedAt = Now.instant();
        this.status = SupervisionReportStatus.ASSESSED;
    }

    void acknowledge(String by, String note) {
        this.acknowledgedBy = by;
        this.acknowledgedAt = Now.instant();
        this.managerNote = note;
        this.status = SupervisionReportStatus.DONE;
    }

    void submit(String serviceStatus, String customerFeedback) {
        this.serviceStatus = serviceStatus;
        this.customerFeedback = customerFeedback;
        this.submittedAt = Now.instant();
        this.status = SupervisionReportStatus.DONE;
    }

    public Long getId() { return id; }
    public String getReportNo() { return reportNo; }
    public SupervisionReportKind getKind() { return kind; }
    public LocalDate getPeriodFrom() { return periodFrom; }
    public LocalDate getPeriodTo() { return periodTo; }
    public String getStaffId() { return staffId; }
    public SupervisionReportStatus getStatus() { return status; }
    public long getComplaintsReceived() { return complaintsReceived; }
    public long getComplaintsClosed() { return complaintsClosed; }
    public BigDecimal getResponseOnTime() { return responseOnTime; }
    public BigDecimal getResolutionOnTime() { return resolutionOnTime; }
    public long getResolutionBreaches() { return resolutionBreaches; }
    public long getInquiries() { return inquiries; }
    public long getInquiriesReferred() { return inquiriesReferred; }
    public long getInquiriesToCases() { return inquiriesToCases; }
    public long getVisitsDue() { return visitsDue; }
    public long getVisitsDone() { return visitsDone; }
    public BigDecimal getVisitRate() { return visitRate; }
    public long getWorkOrders() { return workOrders; }
    public BigDecimal getDispatchOnTime() { return dispatchOnTime; }
    public Long getOwnWorkOrders() { return ownWorkOrders; }
    public Long getOwnVisitsDue() { return ownVisitsDue; }
    public Long getOwnVisitsOnTime() { return ownVisitsOnTime; }
    public BigDecimal getOwnOnTimeRate() { return ownOnTimeRate; }
    public SupervisionGrade getAcceptanceGrade() { return acceptanceGrade; }
    public SupervisionGrade getMaintenanceGrade() { return maintenanceGrade; }
    public String getAssessment() { return assessment; }
    public String getImprovements() { return improvements; }
    public String getAssessedBy() { return assessedBy; }
    public Instant getAssessedAt() { return assessedAt; }
    public String getServiceStatus() { return serviceStatus; }
    public String getCustomerFeedback() { return customerFeedback; }
    public Instant getSubmittedAt() { return submittedAt; }
    public String getAcknowledgedBy() { return acknowledgedBy; }
    public Instant getAcknowledgedAt() { return acknowledgedAt; }
    public String getManagerNote() { return managerNote; }
    public String getProcessInstanceId() { return processInstanceId; }
}
