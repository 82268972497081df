package io.kefu.task;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Which Kefu record a task or execution works on: the record that stored this process instance's id when Kefu bound
 * it, or, for a process called by another, the record of the calling instance (up to the root). Never a process
 * variable: a variable is whatever the last writer made it, while the binding is Kefu's own.
 *
 * <p>The typed look-ups ({@code find(task, Complaint.class, ...)}) remember what they found for the rest of the
 * transaction: one task completion runs the completion rules, the next task's recusal, card and assignment, each
 * asking for the same record, and a query by process instance id goes to the database every time (JPA's persistence
 * context only saves re-reading a row by its id). The found record is the transaction's own managed entity, the one
 * the query would have answered again; nothing outlives the transaction or reaches another thread, so no user ever
 * gets a record read for another. A look-up that found nothing is not remembered: the record may be bound later in
 * the same transaction.
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

    /**
     * The first record of this type bound along {@link #processInstanceIds}, remembered for the transaction:
     * {@code byProcessInstance} must answer the record of {@code type} Kefu bound to a process instance id.
     */
    public static <T> Optional<T> find(DelegateExecution execution, Class<T> type,
            Function<String, Optional<T>> byProcessInstance) {
        Map<Object, Object> known = transactionCache();
        if (known == null) {
            return find(execution, byProcessInstance);
        }
        return find(execution, id -> {
            List<Object> key = List.of(type, id);
            Object found = known.get(key);
            if (found != null) {
                return Optional.of(type.cast(found));
            }
            Optional<T> read = byProcessInstance.apply(id);
            read.ifPresent(record -> known.put(key, record));
            return read;
        });
    }

    public static <T> Optional<T> find(DelegateTask task, Class<T> type,
            Function<String, Optional<T>> byProcessInstance) {
        return task.getExecution() == null ? Optional.empty() : find(task.getExecution(), type, byProcessInstance);
    }

    public static <T> T require(DelegateExecution execution, Class<T> type,
            Function<String, Optional<T>> byProcessInstance, String what) {
        return find(execution, type, byProcessInstance).orElseThrow(() -> new IllegalStateException(
                "No " + what + " is bound to process instance " + execution.getProcessInstanceId()));
    }

    public static <T> T require(DelegateTask task, Class<T> type, Function<String, Optional<T>> byProcessInstance,
            String what) {
        if (task.getExecution() == null) {
            throw new IllegalStateException("Task " + task.getId() + " belongs to no process: no " + what);
        }
        return require(task.getExecution(), type, byProcessInstance, what);
    }

    private static final Object CACHE = new Object();

    /** The current transaction's records by (type, process instance id); none outside a transaction. */
    @SuppressWarnings("unchecked")
    private static Map<Object, Object> transactionCache() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || !TransactionSynchronizationManager.isActualTransactionActive()) {
            return null;
        }
        Map<Object, Object> cache = (Map<Object, Object>) TransactionSynchronizationManager.getResource(CACHE);
        if (cache != null) {
            return cache;
        }
        Map<Object, Object> created = new HashMap<>();
        TransactionSynchronizationManager.bindResource(CACHE, created);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void suspend() {
                // a transaction of its own (REQUIRES_NEW) has its own persistence context, so its own records
                TransactionSynchronizationManager.unbindResourceIfPossible(CACHE);
            }

            @Override
            public void resume() {
                TransactionSynchronizationManager.bindResource(CACHE, created);
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(CACHE);
            }
        });
        return created;
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
