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
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import org.hibernate.envers.Audited;

/**
 * One destruction case (销毁登记表): the keeper registers an expired file, the customer-service manager and the
 * originating department appraise it, the customer director approves, the file is kept apart for the hold, then
 * destroyed under a supervisor who signs. The catalogue row is only marked destroyed, never deleted.
 */
@Entity
@Table(name = "archive_destruction")
@Audited
public class ArchiveDestruction {

    public enum Status { APPRAISAL, AWAITING_APPROVAL, ON_HOLD, DESTROYED, RETAINED, REJECTED }

    /** An appraiser's verdict: the file has no value left (DESTROY) or must be kept (RETAIN). */
    public enum Appraisal { DESTROY, RETAIN }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "entry_id", nullable = false, updatable = false)
    private ArchiveEntry entry;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 30, nullable = false)
    private Status status;

    @Column(name = "reason", nullable = false, columnDefinition = "text")
    private String reason;

    @Column(name = "registered_by", length = 64, nullable = false, updatable = false)
    private String registeredBy;

    @Column(name = "registered_at", nullable = false, updatable = false)
    private Instant registeredAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "manager_appraisal", length = 20)
    private Appraisal managerAppraisal;

    @Column(name = "manager_appraiser", length = 64)
    private String managerAppraiser;

    @Column(name = "manager_note", columnDefinition = "text")
    private String managerNote;

    @Enumerated(EnumType.STRING)
    @Column(name = "department_appraisal", length = 20)
    private Appraisal departmentAppraisal;

    @Column(name = "department_appraiser", length = 64)
    private String departmentAppraiser;

    @Column(name = "department_note", columnDefinition = "text")
    private String departmentNote;

    @Column(name = "director_decision", length = 20)
    private String directorDecision;

    @Column(name = "director", length = 64)
    private String director;

    @Column(name = "director_note", columnDefinition = "text")
    private String directorNote;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "hold_until")
    private Instant holdUntil;

    @Column(name = "destroyed_by", length = 64)
    private String destroyedBy;

    @Column(name = "supervisor", length = 64)
    private String supervisor;

    @Column(name = "witness", length = 100)
    private String witness;

    @Column(name = "destroyed_at")
    private Instant destroyedAt;

    @Column(name = "place", length = 200)
    private String place;

    @Column(name = "process_instance_id", length = 64)
    private String processInstanceId;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected ArchiveDestruction() {
    }

    ArchiveDestruction(ArchiveEntry entry, String reason, String registeredBy) {
        this.entry = entry;
        this.reason = reason;
        this.registeredBy = registeredBy;
        this.status = Status.APPRAISAL;
        entry.holdForDestruction();
    }

    @PrePersist
    @PreUpdate
    void touch() {
        updatedAt = Now.instant();
        if (registeredAt == null) {
            registeredAt = updatedAt;
        }
    }

    /** Binds the record to its process, once: a record another process already handles is not taken over. */
    void linkProcess(String processInstanceId) {
        if (this.processInstanceId != null && !this.processInstanceId.equals(processInstanceId)) {
            throw new ConflictException("销毁记录 " + id + " 已由另一流程实例处理,不能再关联");
        }
        this.processInstanceId = processInstanceId;
    }

    void appraiseAsManager(Appraisal appraisal, String manager, String note) {
        requireStatus(Status.APPRAISAL);
        managerAppraisal = appraisal;
        managerAppraiser = manager;
        managerNote = note;
    }

    void appraiseAsDepartment(Appraisal appraisal, String head, String note) {
        requireStatus(Status.APPRAISAL);
        departmentAppraisal = appraisal;
        departmentAppraiser = head;
        departmentNote = note;
    }

    /** Both appraisals in: only if both find no value left does the director decide; else the file is kept. */
    boolean concludeAppraisal() {
        requireStatus(Status.APPRAISAL);
        if (managerAppraisal == Appraisal.DESTROY && departmentAppraisal == Appraisal.DESTROY) {
            status = Status.AWAITING_APPROVAL;
            return true;
        }
        status = Status.RETAINED;
        entry.releaseFromDestruction();
        return false;
    }

    /** Approved, the file is kept apart for {@code hold} from the decision (单独存放), counted in the center's zone. */
    void decide(boolean approved, String director, String note, Period hold, ZoneId zone) {
        requireStatus(Status.AWAITING_APPROVAL);
        this.director = director;
        this.directorDecision = approved ? "APPROVED" : "REJECTED";
        this.directorNote = note;
        this.decidedAt = Now.instant();
        if (approved) {
            this.holdUntil = decidedAt.atZone(zone).plus(hold).toInstant();
            status = Status.ON_HOLD;
        } else {
            status = Status.REJECTED;
            entry.releaseFromDestruction();
        }
    }

    void destroy(String destroyedBy, String supervisor, String witness, String place) {
        requireStatus(Status.ON_HOLD);
        this.destroyedBy = destroyedBy;
        this.supervisor = supervisor;
        this.witness = witness;
        this.place = place;
        this.destroyedAt = Now.instant();
        status = Status.DESTROYED;
        entry.markDestroyed(destroyedAt);
    }

    private void requireStatus(Status expected) {
        if (status != expected) {
            throw new IllegalStateException("destruction " + id + " is " + status + ", not " + expected);
        }
    }

    public Long getId() { return id; }
    public ArchiveEntry getEntry() { return entry; }
    public Status getStatus() { return status; }
    public String getReason() { return reason; }
    public String getRegisteredBy() { return registeredBy; }
    public Instant getRegisteredAt() { return registeredAt; }
    public Appraisal getManagerAppraisal() { return managerAppraisal; }
    public String getManagerAppraiser() { return managerAppraiser; }
    public String getManagerNote() { return managerNote; }
    public Appraisal getDepartmentAppraisal() { return departmentAppraisal; }
    public String getDepartmentAppraiser() { return departmentAppraiser; }
    public String getDepartmentNote() { return departmentNote; }
    public String getDirectorDecision() { return directorDecision; }
    public String getDirector() { return director; }
    public String getDirectorNote() { return directorNote; }
    public Instant getDecidedAt() { return decidedAt; }
    public Instant getHoldUntil() { return holdUntil; }
    public String getDestroyedBy() { return destroyedBy; }
    public String getSupervisor() { return supervisor; }
    public String getWitness() { return witness; }
    public Instant getDestroyedAt() { return destroyedAt; }
    public String getPlace() { return place; }
    public String getProcessInstanceId() { return processInstanceId; }
}
