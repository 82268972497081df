package io.kefu.task;

import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * Writes the case card a task's form shows at its top (task-local variable {@value #VARIABLE}, Markdown): the case
 * as the person doing the task needs to see it, read from the domain tables when the task is created. The card is
 * readable by every candidate and auditor (not kept in the engine's history, see {@code TaskCardHistory}): it never carries personal data in full
 * (names, phone numbers, addresses masked with {@code PersonalData}); it says where those entitled read them in Kefu.
 */
public interface CaseCardProvider {

    String VARIABLE = "caseSummary";

    /** The process definition key this provider writes cards for. */
    String processKey();

    String caseSummary(DelegateTask task);
}
