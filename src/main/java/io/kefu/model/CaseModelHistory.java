package io.kefu.model;

import java.util.List;

/** What process redesign did to one case (for the audit timeline): the migrations that moved it, oldest first. */
public interface CaseModelHistory {

    List<CaseModelChange> changesOf(String processInstanceId);
}
