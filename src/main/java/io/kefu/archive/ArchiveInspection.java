package io.kefu.archive;

import io.kefu.shared.time.Now;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** The record of one semi-annual inspection of the archive (每半年全面检查,做好检查记录). */
@Entity
@Table(name = "archive_inspection")
public class ArchiveInspection {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "scheduled_at", nullable = false, updatable = false)
    private Instant scheduledAt;

    @Column(name = "inspected_on")
    private LocalDate inspectedOn;

    @Column(name = "inspector", length = 64)
    private String inspector;

    @Column(name = "findings", columnDefinition = "text")
    private String findings;

    @Column(name = "damaged_files", columnDefinition = "text")
    private String damagedFiles;

    @Column(name = "missing_files", columnDefinition = "text")
    private String missingFiles;

    @Column(name = "actions", columnDefinition = "text")
    private String actions;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Column(name = "process_instance_id", length = 64)
    private String processInstanceId;

    protected ArchiveInspection() {
    }

    ArchiveInspection(String processInstanceId) {
        this.processInstanceId = processInstanceId;
        this.scheduledAt = Now.instant();
    }

    void record(LocalDate inspectedOn, String inspector, String findings, String damagedFiles, String missingFiles,
            String actions) {
        if (completedAt != null) {
            throw new IllegalStateException("inspection " + id + " is recorded already");
        }
        this.inspectedOn = inspectedOn;
        this.inspector = inspector;
        this.findings = findings;
        this.damagedFiles = damagedFiles;
        this.missingFiles = missingFiles;
        this.actions = actions;
        this.completedAt = Now.instant();
    }

    public Long getId() { return id; }
    public Instant getScheduledAt() { return scheduledAt; }
    public LocalDate getInspectedOn() { return inspectedOn; }
    public String getInspector() { return inspector; }
    public String getFindings() { return findings; }
    public String getDamagedFiles() { return damagedFiles; }
    public String getMissingFiles() { return missingFiles; }
    public String getActions() { return actions; }
    public Instant getCompletedAt() { return completedAt; }
    public String getProcessInstanceId() { return processInstanceId; }
}
