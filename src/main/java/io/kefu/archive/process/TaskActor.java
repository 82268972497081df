package io.kefu.archive.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;

/** Who completed a task: the logged-in Tasklist (or engine REST) user, else the assignee. */
final class TaskActor {

    static String of(DelegateTask task) {
        var commandContext = Context.getCommandContext();
        String user = commandContext == null ? null : commandContext.getAuthenticatedUserId();
        return user != null ? user : task.getAssignee() != null ? task.getAssignee() : "system";
    }

    static long id(org.camunda.bpm.engine.delegate.VariableScope scope, String variable) {
        Object value = scope.getVariable(variable);
        if (!(value instanceof Number number)) {
            throw new IllegalStateException("process variable " + variable + " is missing");
        }
        return number.longValue();
    }

    private TaskActor() {
    }
}
