package io.kefu.archive;

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
import org.hibernate.envers.Audited;

/**
 * One file in the archive's electronic catalogue (电子目录 / 客户档案一览表): what it is, whose, where it lies, how many
 * originals and copies, how secret. The row is never deleted, not even when the file is destroyed.
 */
@Entity
@Table(name = "archive_entry")
@Audited
public class ArchiveEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** 档案编号, e.g. DA2026-00001: given from the id once saved. */
    @Column(name = "archive_no", length = 20, unique = true)
    private String archiveNo;

    @Column(name = "title", length = 200, nullable = false)
    private String title;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", length = 20, nullable = false)
    private ArchiveKind kind;

    /** The contract this file holds, if any (no foreign key: contracts are the contract feature's table). */
    @Column(name = "contract_id")
    private Long contractId;

    @Column(name = "customer_id")
    private Long customerId;

    /** Physical location: room / cabinet / shelf, e.g. 档案室一-A柜-03层. */
    @Column(name = "location", length = 200, nullable = false)
    private String location;

    @Column(name = "originals", nullable = false)
    private int originals;

    @Column(name = "copies", nullable = false)
    private int copies;

    @Enumerated(EnumType.STRING)
    @Column(name = "secrecy", length = 20, nullable = false)
    private SecrecyClass secrecy;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 30, nullable = false)
    private ArchiveStatus status;

    /** The originating department (code, e.g. {@code sales}): it appraises the file before destruction. */
    @Column(name = "department", length = 30)
    private String department;

    @Column(name = "filed_by", length = 64, nullable = false, updatable = false)
    private String filedBy;

    @Column(name = "filed_at", nullable = false, updatable = false)
    private Instant filedAt;

    @Column(name = "terminated_at")
    private Instant terminatedAt;

    @Column(name = "destroyed_at")
    private Instant destroyedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected ArchiveEntry() {
    }

    ArchiveEntry(String title, ArchiveKind kind, Long contractId, Long customerId, String location, int originals,
            int copies, SecrecyClass secrecy, String department, String filedBy) {
        this.title = title;
        this.kind = kind;
        this.contractId = contractId;
        this.customerId = customerId;
        this.location = location;
        this.originals = originals;
        this.copies = copies;
        this.secrecy = secrecy;
        this.department = department;
        this.filedBy = filedBy;
        this.status = ArchiveStatus.ON_FILE;
    }

    @PrePersist
    @PreUpdate
    void touch() {
        updatedAt = Now.instant();
        if (filedAt == null) {
            filedAt = updatedAt;
        }
    }

    void numberFromId() {
        if (archiveNo == null) {
            int year = filedAt.atZone(Now.zone()).getYear();
            archiveNo = String.format("DA%d-%05d", year, id);
        }
    }

    public boolean isDestroyed() {
        return status == ArchiveStatus.DESTROYED;
    }

    void lendOut() {
        if (status == ArchiveStatus.ON_LOAN || status == ArchiveStatus.DESTROYED
                || status == ArchiveStatus.PENDING_DESTRUCTION) {
            throw new IllegalStateException("archive file " + archiveNo + " cannot be lent while " + status);
        }
        status = ArchiveStatus.ON_LOAN;
    }

    void takeBack() {
        status = restingStatus();
    }

    /** The contract ended (解约): the file stays, marked; a file out on loan is marked when it comes back. */
    void markContractTerminated() {
        if (terminatedAt == null) {
            terminatedAt = Now.instant();
        }
        if (status == ArchiveStatus.ON_FILE) {
            status = ArchiveStatus.TERMINATED_CONTRACT;
        }
    }

    void holdForDestruction() {
        status = ArchiveStatus.PENDING_DESTRUCTION;
    }

    void releaseFromDestruction() {
        if (status == ArchiveStatus.PENDING_DESTRUCTION) {
            status = restingStatus();
        }
    }

    void markDestroyed(Instant when) {
        status = ArchiveStatus.DESTROYED;
        destroyedAt = when;
    }

    private ArchiveStatus restingStatus() {
        return terminatedAt != null ? ArchiveStatus.TERMINATED_CONTRACT : ArchiveStatus.ON_FILE;
    }

    public Long getId() { return id; }
    public String getArchiveNo() { return archiveNo; }
    public String getTitle() { return title; }
    public ArchiveKind getKind() { return kind; }
    public Long getContractId() { return contractId; }
    public Long getCustomerId() { return customerId; }
    public String getLocation() { return location; }
    public int getOriginals() { return originals; }
    public int getCopies() { return copies; }
    public SecrecyClass getSecrecy() { return secrecy; }
    public ArchiveStatus getStatus() { return status; }
    public String getDepartment() { return department; }
    public String getFiledBy() { return filedBy; }
    public Instant getFiledAt() { return filedAt; }
    public Instant getTerminatedAt() { return terminatedAt; }
    public Instant getDestroyedAt() { return destroyedAt; }
    public long getVersion() { return version; }
}
