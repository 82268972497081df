package io.kefu.model;

import java.time.Instant;

/**
 * A case moved to another version of its process, as the case timeline shows it:
 * "由 manager 从第 1 版迁移到第 2 版".
 */
public record CaseModelChange(Instant at, String actor, String processKey, int fromVersion, int toVersion,
        String text) {
}
