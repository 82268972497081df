package io.kefu.archive;

import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Archive rules that are configuration rather than a decision table (who approves a loan and for how long is in
 * {@code archive-loan-rules.dmn}).
 *
 * @param loanRemindBefore how long before the due date the borrower is reminded (到期提醒)
 * @param overdueReminderInterval how often an overdue borrower is reminded again (逾期催还)
 * @param inspectionCycle when the semi-annual inspection (每半年检查) falls due: an ISO 8601 repeating interval
 * @param inspectionDays how many days the archive keeper has for an inspection
 * @param destructionHold how long appraised files are kept apart before they are destroyed (单独存放半年)
 */
@ConfigurationProperties("kefu.archive")
public record ArchiveSettings(Duration loanRemindBefore, Duration overdueReminderInterval, String inspectionCycle,
        int inspectionDays, Period destructionHold) {
}
