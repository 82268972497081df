package io.kefu.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Which Kefu record a task or execution works on: the record that stored this process instance's id when Kefu bound
 * it, or, for a process called by another, the record of the calling instance (up to the root). Never a process
 * variable: a variable is whatever the last writer made it, while the binding is Kefu's own.
 */
public final class BoundCase {

    /** The execution's process instance, then each instance that called it, the root last. */
    public static List<String> processInstanceIds(DelegateExecution execution) {
        List<String> ids = new ArrayList<>();
        DelegateExecution instance = execution.getProcessInstance();
        while (instance != null && !ids.contains(instance.getId())) {
            ids.add(instance.getId());
            DelegateExecution caller = instance.getSuperExecution();
            instance = caller == null ? null : caller.getProcessInstance();
        }
        return ids;
    }

    /** The first record {@code byProcessInstance} finds along {@link #processInstanceIds}, if any. */
    public static <T> Optional<T> find(DelegateExecution execution, Function<String, Optional<T>> byProcessInstance) {
        for (String id : processInstanceIds(execution)) {
            Optional<T> found = byProcessInstance.apply(id);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    public static <T> Optional<T> find(DelegateTask task, Function<String, Optional<T>> byProcessInstance) {
        return task.getExecution() == null ? Optional.empty() : find(task.getExecution(), byProcessInstance);
    }

    /** The bound record, which a step of the case cannot do without: none is a technical failure (an incident). */
    public static <T> T require(DelegateExecution execution, Function<String, Optional<T>> byProcessInstance,
            String what) {
        return find(execution, byProcessInstance).orElseThrow(() -> new IllegalStateException(
                "No " + what + " is bound to process instance " + execution.getProcessInstanceId()));
    }

    public static <T> T require(DelegateTask task, Function<String, Optional<T>> byProcessInstance, String what) {
        if (task.getExecution() == null) {
            throw new IllegalStateException("Task " + task.getId() + " belongs to no process: no " + what);
        }
        return require(task.getExecution(), byProcessInstance, what);
    }

    /**
     * Who started the case: the user logged in to the engine while the start runs (Camunda's own record of who acts),
     * and only when the engine knows of none (a start from Kefu's own code or a test) the start event's initiator
     * variable, which Camunda set from that same user.
     */
    public static String starter(DelegateExecution execution, String initiatorVariable) {
        CommandContext commandContext = Context.getCommandContext();
        String user = commandContext == null ? null : commandContext.getAuthenticatedUserId();
        if (user != null) {
            return user;
        }
        Object initiator = execution.getVariable(initiatorVariable);
        return initiator == null || initiator.toString().isBlank() ? null : initiator.toString();
    }

    private BoundCase() {
    }
}
