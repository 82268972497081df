package io.kefu.archive.process;

import org.camunda.bpm.engine.delegate.VariableScope;

/** The record id an archive process carries in a process variable (who completed a task: {@code FormFields.actor}). */
final class TaskActor {

    static long id(VariableScope scope, String variable) {
        Object value = scope.getVariable(variable);
        if (!(value instanceof Number number)) {
            throw new IllegalStateException("process variable " + variable + " is missing");
        }
        return number.longValue();
    }

    private TaskActor() {
    }
}
