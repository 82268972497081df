package io.kefu.archive;

import io.kefu.shared.time.Now;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** A 机密 file read in the archive room instead of being lent out (只能在档案室内查阅), as the keeper recorded it. */
@Entity
@Table(name = "archive_reading")
public class ArchiveReading {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "entry_id", nullable = false, updatable = false)
    private ArchiveEntry entry;

    @Column(name = "reader", length = 64, nullable = false, updatable = false)
    private String reader;

    @Column(name = "purpose", nullable = false, updatable = false, columnDefinition = "text")
    private String purpose;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    @Column(name = "recorded_by", length = 64, nullable = false, updatable = false)
    private String recordedBy;

    protected ArchiveReading() {
    }

    ArchiveReading(ArchiveEntry entry, String reader, String purpose, String recordedBy) {
        this.entry = entry;
        this.reader = reader;
        this.purpose = purpose;
        this.recordedBy = recordedBy;
        this.recordedAt = Now.instant();
    }

    public Long getId() { return id; }
    public ArchiveEntry getEntry() { return entry; }
    public String getReader() { return reader; }
    public String getPurpose() { return purpose; }
    public Instant getRecordedAt() { return recordedAt; }
    public String getRecordedBy() { return recordedBy; }
}
