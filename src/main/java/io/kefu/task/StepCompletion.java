package io.kefu.task;

import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * A rule every user task of every process follows when it completes, whatever a manager models (e.g. keeping what a
 * step no handler knows submitted). Called by {@link KefuTaskListeners} when the task completes.
 */
public interface StepCompletion {

    void completed(DelegateTask task);
}
