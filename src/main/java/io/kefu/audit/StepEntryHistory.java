package io.kefu.audit;

import io.kefu.step.StepEntries;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The timeline's lines for generic case entries ({@link StepEntries}): what was submitted at a step no handler knows,
 * in the form's words — 「主管复核投诉判断:督办意见:已核实」 — with who and when. Every kind of case may have them.
 */
@Component
class StepEntryHistory implements CaseRecordHistory {

    static final String KIND = "STEP_ENTRY";

    private final StepEntries entries;

    StepEntryHistory(StepEntries entries) {
        this.entries = entries;
    }

    @Override
    public boolean supports(String processKey) {
        return true;
    }

    @Override
    public List<TimelineEntry> changes(String businessKey) {
        return entries.ofCase(businessKey).stream()
                .map(e -> new TimelineEntry(e.at(), TimelineEntry.Source.RECORD, KIND, e.actor(),
                        "记录步骤: " + e.taskName(), e.text(), e.codes().equals(e.text()) ? null : e.codes(),
                        e.taskKey(), false, null))
                .toList();
    }

    @Override
    public Optional<Long> customerId(String businessKey) {
        return Optional.empty();
    }
}
