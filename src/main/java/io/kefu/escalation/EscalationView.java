package io.kefu.escalation;

import java.time.Instant;
import java.util.List;

/** A report as the API shows it, with each level's instruction and its confidentiality-breach record. */
public record EscalationView(Long id, String reportNo, EscalationTrigger trigger, String triggerLabel, String subject,
        String details, String relatedCase, boolean urgent, String reporter, String reporterLevel,
        String decidingLevel, String currentLevel, EscalationReport.Status status, String statusLabel,
        String decidedBy, String decision, Instant decidedAt, String afterReport, Instant raisedAt, Instant closedAt,
        List<Instruction> instructions, Breach breach, long version) {

    public record Instruction(String level, String kind, String givenBy, Instant givenAt, String instruction) {
    }

    public record Breach(String status, Instant openedAt, String measures, String handledBy, Instant handledAt) {
    }

    static EscalationView of(EscalationReport r, List<EscalationInstruction> instructions,
            ConfidentialityBreach breach) {
        return new EscalationView(r.getId(), r.getReportNo(), r.getTrigger(), r.getTrigger().label(), r.getSubject(),
                r.getDetails(), r.getRelatedCase(), r.isUrgent(), r.getReporter(), r.getReporterLevel().label(),
                r.getDecidingLevel() == null ? null : r.getDecidingLevel().label(),
                r.getCurrentLevel() == null ? null : r.getCurrentLevel().label(), r.getStatus(),
                r.getStatus().label(), r.getDecidedBy(), r.getDecision(), r.getDecidedAt(), r.getAfterReport(),
                r.getRaisedAt(), r.getClosedAt(),
                instructions.stream().map(i -> new Instruction(i.getLevel().label(), i.getKind().label(),
                        i.getGivenBy(), i.getGivenAt(), i.getInstruction())).toList(),
                breach == null ? null : new Breach(breach.statusLabel(), breach.getOpenedAt(), breach.getMeasures(),
                        breach.getHandledBy(), breach.getHandledAt()), r.getVersion());
    }
}
