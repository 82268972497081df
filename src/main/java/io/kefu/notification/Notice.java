package io.kefu.notification;

import io.kefu.shared.time.Now;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.ZoneId;

/**
 * One notice (通知/公函) to one recipient: the text as it was sent, where it went, and how its delivery went. Every
 * notice is kept and carries an archive number (归档编号), whether it was sent or not.
 */
@Entity
@Table(name = "notice")
public class Notice {

    static final int MAX_ERROR_LENGTH = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "archive_no", length = 30, unique = true)
    private String archiveNo;

    @Column(name = "template", length = 100, nullable = false)
    private String template;

    @Enumerated(EnumType.STRING)
    @Column(name = "channel", length = 10, nullable = false)
    private NoticeChannel channel;

    @Enumerated(EnumType.STRING)
    @Column(name = "recipient_type", length = 10, nullable = false)
    private RecipientType recipientType;

    @Column(name = "recipient_ref", length = 64, nullable = false)
    private String recipientRef;

    @Column(name = "recipient_name", length = 200)
    private String recipientName;

    @Column(name = "address", length = 200, nullable = false)
    private String address;

    @Column(name = "customer_id")
    private Long customerId;

    @Column(name = "subject", length = 300, nullable = false)
    private String subject;

    @Column(name = "body", nullable = false, columnDefinition = "text")
    private String body;

    @Column(name = "case_key", length = 64)
    private String caseKey;

    @Column(name = "process_key", length = 100)
    private String processKey;

    @Column(name = "process_instance_id", length = 64)
    private String processInstanceId;

    @Column(name = "activity_id", length = 100)
    private String activityId;

    @Column(name = "job_id", length = 64)
    private String jobId;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 15, nullable = false)
    private NoticeStatus status;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "last_error", length = MAX_ERROR_LENGTH)
    private String lastError;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    /** Who a notice goes to: a customer (personal data, masked for most readers) or a member of staff. */
    public enum RecipientType {
        CUSTOMER, USER
    }

    protected Notice() {
    }

    Notice(Recipient recipient, String template, RenderedText text, CaseOrigin origin) {
        this.template = template;
        this.channel = recipient.channel();
        this.recipientType = recipient.type();
        this.recipientRef = recipient.ref();
        this.recipientName = recipient.name();
        this.address = recipient.address();
        this.customerId = recipient.customerId();
        this.subject = text.subject();
        this.body = text.body();
        this.caseKey = origin.caseKey();
        this.processKey = origin.processKey();
        this.processInstanceId = origin.processInstanceId();
        this.activityId = origin.activityId();
        this.jobId = origin.jobId();
        this.status = NoticeStatus.QUEUED;
    }

    @PrePersist
    @PreUpdate
    void touch() {
        updatedAt = Now.instant();
        if (createdAt == null) {
            createdAt = updatedAt;
        }
    }

    /** 归档编号 TZ{year}-{id}: given once the database has given the notice its id. */
    void numberFromId(ZoneId zone) {
        if (archiveNo == null) {
            archiveNo = String.format("TZ%d-%06d", createdAt.atZone(zone).getYear(), id);
        }
    }

    void sent() {
        attempts++;
        status = NoticeStatus.SENT;
        sentAt = Now.instant();
        lastError = null;
    }

    void failed(String error) {
        attempts++;
        status = NoticeStatus.FAILED;
        lastError = error == null ? "未知错误" : error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error;
    }

    void channelOff() {
        status = NoticeStatus.CHANNEL_OFF;
    }

    /** Queued again for another delivery (a resend of a failed notice). */
    void requeue() {
        status = NoticeStatus.QUEUED;
    }

    public Long getId() {
        return id;
    }

    public String getArchiveNo() {
        return archiveNo;
    }

    public String getTemplate() {
        return template;
    }

    public NoticeChannel getChannel() {
        return channel;
    }

    public RecipientType getRecipientType() {
        return recipientType;
    }

    public String getRecipientRef() {
        return recipientRef;
    }

    public String getRecipientName() {
        return recipientName;
    }

    public String getAddress() {
        return address;
    }

    public Long getCustomerId() {
        return customerId;
    }

    public String getSubject() {
        return subject;
    }

    public String getBody() {
        return body;
    }

    public String getCaseKey() {
        return caseKey;
    }

    public String getProcessKey() {
        return processKey;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public String getActivityId() {
        return activityId;
    }

    public String getJobId() {
        return jobId;
    }

    public NoticeStatus getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getSentAt() {
        return sentAt;
    }
}
