package io.kefu.archive.process;

import static io.kefu.archive.process.ArchiveLoanProcess.*;

import io.kefu.step.DeclaredSteps;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The archive-loan steps {@link ArchiveLoanTaskCompletion} knows, and the form fields it reads at each. */
@Component
class ArchiveLoanSteps extends DeclaredSteps {

    static final String LISTENER = "archiveLoanTaskCompletion";

    static final Map<String, Set<String>> STEPS = Map.of(
            TASK_APPROVE, Set.of(LOAN_APPROVED, "decisionNote"),
            TASK_HAND_OUT, Set.of("handedOut", "handOutNote", "handOutReference"),
            TASK_REGISTER_RETURN, Set.of("returnCondition", "returnNote"),
            TASK_SUPERVISE_OVERDUE, Set.of("supervisionNote"),
            TASK_RECORD_READING, Set.of("readInRoom", "readingNote"));

    ArchiveLoanSteps() {
        super(LISTENER, STEPS);
    }
}
