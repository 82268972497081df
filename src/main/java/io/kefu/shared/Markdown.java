package io.kefu.shared;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** A case card: a heading line and a two-column table; empty values are left out. */
public final class Markdown {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));

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
        return instant == null ? null : TIME.format(instant);
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
