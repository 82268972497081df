package io.kefu.task;

import io.kefu.shared.InvalidInputException;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.context.Context;

/**
 * Reads submitted form fields from a task or an execution; a value Kefu cannot read fails naming the field. Used by
 * the complaint, visit, contract and archive processes.
 */
public final class FormFields {

    public static String text(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : value.toString();
    }

    /** The enum constant a select or radio submitted; none when the field was left empty. */
    public static <E extends Enum<E>> E enumValue(VariableScope scope, String name, Class<E> type) {
        String value = text(scope, name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of(name, "无法识别的值: " + value);
        }
    }

    /**
     * A yes/no field. Forms submit a Boolean; a "true"/"false" string (older forms, other clients) is accepted and
     * stored back as a Boolean, because gateways test the variable.
     */
    public static boolean bool(VariableScope scope, String name, String message) {
        Object value = scope.getVariable(name);
        if (value instanceof Boolean b) {
            return b;
        }
        if ("true".equals(value) || "false".equals(value)) {
            boolean parsed = Boolean.parseBoolean((String) value);
            scope.setVariable(name, parsed);
            return parsed;
        }
        throw InvalidInputException.of(name, message);
    }

    /** Who completed the task: the logged-in Tasklist user, else the assignee. */
    public static String actor(DelegateTask task) {
        var commandContext = Context.getCommandContext();
        String user = commandContext == null ? null : commandContext.getAuthenticatedUserId();
        return user != null ? user : task.getAssignee() != null ? task.getAssignee() : "system";
    }

    /** Takes the form's fields out of the process once the domain has them. */
    public static void consume(DelegateTask task, String... fields) {
        List.of(fields).forEach(task::removeVariable);
    }

    private FormFields() {
    }
}
