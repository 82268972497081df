package io.kefu.shared;

import java.time.Instant;
import io.kefu.shared.time.TimeText;

/**
 * The one builder of a case card (and of any Markdown Kefu writes): a heading line and a two-column table; empty
 * values are left out, a value's line breaks and pipes cannot break the table. Times are shown in the configured zone.
 */
public final class Markdown {

    private final StringBuilder text = new StringBuilder();
    private boolean tableStarted;

    public void heading(String line) {
        text.append(line).append("\n\n");
    }

    public void row(String label, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        if (!tableStarted) {
            text.append("| 项目 | 内容 |\n|---|---|\n");
            tableStarted = true;
        }
        text.append("| ").append(label).append(" | ")
                .append(value.replace("|", "\\|").replace("\r", "").replace("\n", " ")).append(" |\n");
    }

    public static String time(Instant instant) {
        return TimeText.minutes(instant);
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
