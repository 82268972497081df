package io.kefu.step;

import io.kefu.shared.time.TimeText;
import io.kefu.task.CaseCardSection;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** The case card's last section: what was recorded at the case's steps no handler knows, in the forms' words. */
@Component
class StepEntryCard implements CaseCardSection {

    static final String HEADING = "#### 其他步骤的记录";

    private final StepEntries entries;

    StepEntryCard(StepEntries entries) {
        this.entries = entries;
    }

    @Override
    public String section(DelegateTask task) {
        List<StepEntries.Entry> kept = entries.ofInstance(task.getProcessInstanceId());
        if (kept.isEmpty()) {
            return null;
        }
        return HEADING + "\n\n" + kept.stream()
                .map(e -> "- **" + e.taskName() + "**(" + e.actor() + "," + TimeText.minutes(e.at()) + "):" + e.text())
                .collect(Collectors.joining("\n"));
    }
}
