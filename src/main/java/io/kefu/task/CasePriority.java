package io.kefu.task;

import java.util.Arrays;
import java.util.Optional;

/**
 * A case's priority as the decision tables name it (P1…P4), in words for the task card ({@code P1 紧急}) and as the
 * Camunda task priority Tasklist sorts by.
 */
public enum CasePriority {
    P1("紧急", 100),
    P2("较急", 75),
    P3("普通", 50),
    P4("一般", 25);

    private final String words;
    private final int taskPriority;

    CasePriority(String words, int taskPriority) {
        this.words = words;
        this.taskPriority = taskPriority;
    }

    /** {@code P1 紧急}: what the card's 优先级 shows. */
    public String label() {
        return name() + " " + words;
    }

    public int taskPriority() {
        return taskPriority;
    }

    /**
     * The priority a Camunda task priority stands for: the highest whose task priority it reaches (P4 below 50), so a
     * task of a process without a priority table (default 50) reads {@code P3 普通}.
     */
    public static CasePriority ofTaskPriority(int taskPriority) {
        return Arrays.stream(values()).filter(priority -> taskPriority >= priority.taskPriority).findFirst()
                .orElse(P4);
    }

    /** The priority a code ({@code P2}) or a card label ({@code P2 较急}) names; empty for anything else. */
    public static Optional<CasePriority> of(Object codeOrLabel) {
        if (!(codeOrLabel instanceof String text) || text.isBlank()) {
            return Optional.empty();
        }
        String code = text.trim().split("\\s+", 2)[0];
        return Arrays.stream(values()).filter(priority -> priority.name().equals(code)).findFirst();
    }
}
