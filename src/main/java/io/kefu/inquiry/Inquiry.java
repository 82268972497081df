package io.kefu.inquiry;

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
 * One inquiry taken on the hotline, online or at the front desk (接听官方热线及应答线上, 登记每天的客户资料): who asked,
 * about what, and what became of it. The agent who took it is its owner.
 */
@Entity
@Table(name = "inquiry")
@Audited
public class Inquiry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "received_at", nullable = false, updatable = false)
    private Instant receivedAt;

    /** The day of {@code receivedAt} in Kefu's time zone: what the report counts per day and week. */
    @Column(name = "received_on", nullable = false, updatable = false)
    private LocalDate receivedOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "channel", length = 20, nullable = false)
    private InquiryChannel channel;

    @Enumerated(EnumType.STRING)
    @Column(name = "category", length = 20, nullable = false)
    private InquiryCategory category;

    @Column(name = "caller_name", length = 100, nullable = false)
    private String callerName;

    @Column(name = "caller_phone", length = 30)
    private String callerPhone;

    @Column(name = "region", length = 100)
    private String region;

    /** The customer (客户基础信息) the record is about: its id in the customer registry. */
    @Column(name = "customer_id", updatable = false)
    private Long customerId;

    @Column(name = "summary", nullable = false, columnDefinition = "text")
    private String summary;

    @Enumerated(EnumType.STRING)
    @Column(name = "outcome", length = 20, nullable = false)
    private InquiryOutcome outcome;

    /** The department the inquiry was passed to ({@code KefuGroups.Department} code), when referred. */
    @Column(name = "department", length = 30)
    private String department;

    @Column(name = "taken_by", length = 64, nullable = false, updatable = false)
    private String takenBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Inquiry() {
    }

    Inquiry(Instant receivedAt, LocalDate receivedOn, InquiryChannel channel, InquiryCategory category,
            String callerName, String callerPhone, String region, Long customerId, String summary,
            InquiryOutcome outcome, String department, String takenBy, Instant createdAt) {
        this.receivedAt = receivedAt;
        this.receivedOn = receivedOn;
        this.channel = channel;
        this.category = category;
        this.callerName = callerName;
        this.callerPhone = callerPhone;
        this.region = region;
        this.customerId = customerId;
        this.summary = summary;
        this.outcome = outcome;
        this.department = outcome == InquiryOutcome.REFERRED ? department : null;
        this.takenBy = takenBy;
        this.createdAt = createdAt;
    }

    /** The franchise inquiry that became a prospect: the conversion the monthly statistic reports. */
    public boolean isConvertedFranchiseInquiry() {
        return category == InquiryCategory.FRANCHISE && outcome == InquiryOutcome.PROSPECT;
    }

    /** 转为个案: the question could not be answered on the call and is followed up as a case. */
    public void turnIntoCase() {
        this.outcome = InquiryOutcome.CASE;
        this.department = null;
    }

    public boolean isTakenBy(String userId) {
        return takenBy.equals(userId);
    }

    public Long getId() {
        return id;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public LocalDate getReceivedOn() {
        return receivedOn;
    }

    public InquiryChannel getChannel() {
        return channel;
    }

    public InquiryCategory getCategory() {
        return category;
    }

    public String getCallerName() {
        return callerName;
    }

    public String getCallerPhone() {
        return callerPhone;
    }

    public String getRegion() {
        return region;
    }

    public Long getCustomerId() {
        return customerId;
    }

    public String getSummary() {
        return summary;
    }

    public InquiryOutcome getOutcome() {
        return outcome;
    }

    public String getDepartment() {
        return department;
    }

    public String getTakenBy() {
        return takenBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public long getVersion() {
        return version;
    }
}
