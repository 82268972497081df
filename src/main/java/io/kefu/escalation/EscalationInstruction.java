package io.kefu.escalation;

import io.kefu.shared.time.Now;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One level's word on a report, kept as given (上级的指示要记录): an instruction, an after-report, an acknowledgement. */
@Entity
@Table(name = "escalation_instruction")
public class EscalationInstruction {

    /** What the entry is. */
    public enum Kind {
        FORWARDED("批示并呈报上级"), DECIDED("批示办结"), AFTER_REPORT("事后补报"), ACKNOWLEDGED("知悉越级请示");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "report_id", nullable = false, updatable = false)
    private Long reportId;

    @Enumerated(EnumType.STRING)
    @Column(name = "level", length = 20, nullable = false, updatable = false)
    private EscalationLevel level;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", length = 20, nullable = false, updatable = false)
    private Kind kind;

    @Column(name = "given_by", length = 64, nullable = false, updatable = false)
    private String givenBy;

    @Column(name = "given_at", nullable = false, updatable = false)
    private Instant givenAt;

    @Column(name = "instruction", nullable = false, updatable = false, columnDefinition = "text")
    private String instruction;

    protected EscalationInstruction() {
    }

    EscalationInstruction(Long reportId, EscalationLevel level, Kind kind, String givenBy, String instruction) {
        this.reportId = reportId;
        this.level = level;
        this.kind = kind;
        this.givenBy = givenBy;
        this.instruction = instruction;
        this.givenAt = Now.instant();
    }

    public Long getId() {
        return id;
    }

    public Long getReportId() {
        return reportId;
    }

    public EscalationLevel getLevel() {
        return level;
    }

    public Kind getKind() {
        return kind;
    }

    public String getGivenBy() {
        return givenBy;
    }

    public Instant getGivenAt() {
        return givenAt;
    }

    public String getInstruction() {
        return instruction;
    }
}
