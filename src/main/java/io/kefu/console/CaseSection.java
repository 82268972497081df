package io.kefu.console;

import io.kefu.identity.CurrentUser;

/**
 * One section of a case's page (案件时间线) that its feature's record adds above the timeline: a 个案's 时间、地点、人物、
 * 事件, a 请示's instructions level by level, its confidentiality-breach record. Shown to whoever may see the case,
 * personal data masked unless the reader is entitled to it.
 */
public interface CaseSection {

    String title();

    /** Whether this section belongs on the pages of this process's cases. */
    boolean supports(String processKey);

    /** The section of the case with this business key, or null when its record has nothing to show. */
    CustomerSection.Section of(String businessKey, CurrentUser user);
}
