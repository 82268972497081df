package io.kefu.task;

import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * A section every task's case card ends with, whatever the process (e.g. what was recorded at steps no handler
 * knows). Markdown; never personal data. Empty when it has nothing to say for this task.
 */
public interface CaseCardSection {

    String section(DelegateTask task);
}
