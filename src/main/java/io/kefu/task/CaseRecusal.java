package io.kefu.task;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * Who must not work on a case (被投诉人应当回避, a borrower approving their own loan), read from the case record of
 * the task's process ({@link BoundCase}). Each feature implements it once for its process key as a Spring bean; the
 * task listeners ({@link KefuTaskListeners}) ask it whenever a task is created or assigned.
 */
public interface CaseRecusal {

    /** The process definition key this recusal answers for. */
    String processKey();

    /** The user id recused from this execution's case, or null when nobody is. */
    String recusedUser(DelegateExecution execution);

    /** The user id recused from this task's case, or null when nobody is (or the task belongs to no process). */
    default String recusedUser(DelegateTask task) {
        return task.getExecution() == null ? null : recusedUser(task.getExecution());
    }
}
