package io.kefu.step;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.task.listener.DelegateExpressionTaskListener;
import io.kefu.shared.PlugIns;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Who handles a step: the bean a user task's complete listener names ({@code camunda:delegateExpression="${bean}"}).
 * Asked at run time by {@link GenericSteps} and before deployment by the model validator, the same way.
 */
@Component
public class StepHandlers implements SmartInitializingSingleton {

    private static final Pattern SIMPLE_BEAN = Pattern.compile("^\\s*[$#]\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}\\s*$");

    /** How a step is handled. */
    public sealed interface Handling {
    }

    /** No complete listener of Kefu's: the step is kept as a generic entry, every field. */
    public record Generic() implements Handling {
    }

    /** A {@link HandledSteps} handler that knows the step: it reads {@code fields}; the rest is kept as a generic entry. */
    public record Known(String bean, Set<String> fields) implements Handling {
    }

    /** A {@link HandledSteps} handler that does not know the step: every field is kept as a generic entry. */
    public record Unknown(String bean) implements Handling {
    }

    /** A listener Kefu cannot ask what it reads (an older handler, a class, an expression): it owns the step. */
    public record Opaque(String listener) implements Handling {
    }

    private final PlugIns<HandledSteps> handlers;

    StepHandlers(ObjectProvider<HandledSteps> handlers) {
        this.handlers = new PlugIns<>(handlers);
    }

    @Override
    public void afterSingletonsInstantiated() {
        handlers.keep();
    }

    /** How a step with these complete-listener delegate expressions is handled. */
    public Handling of(String taskKey, List<String> completeDelegates, boolean otherCompleteListeners) {
        for (String expression : completeDelegates) {
            Optional<HandledSteps> handler = handler(expression);
            if (handler.isPresent()) {
                String bean = handler.get().listener();
                Set<String> fields = handler.get().steps().get(taskKey);
                return fields == null ? new Unknown(bean) : new Known(bean, fields);
            }
        }
        if (!completeDelegates.isEmpty()) {
            return new Opaque(completeDelegates.get(0));
        }
        return otherCompleteListeners ? new Opaque("") : new Generic();
    }

    /** How the step of a completing task is handled, from its task definition's listeners. */
    Handling of(DelegateTask task) {
        List<TaskListener> listeners = ((TaskEntity) task).getTaskDefinition()
                .getTaskListenersForEvent(TaskListener.EVENTNAME_COMPLETE);
        List<String> delegates = listeners.stream().filter(DelegateExpressionTaskListener.class::isInstance)
                .map(l -> ((DelegateExpressionTaskListener) l).getExpressionText()).toList();
        return of(task.getTaskDefinitionKey(), delegates, listeners.size() > delegates.size());
    }

    private Optional<HandledSteps> handler(String expression) {
        return beanName(expression).flatMap(bean -> handlers.get().stream()
                .filter(handled -> handled.listener().equals(bean)).findFirst());
    }

    private static Optional<String> beanName(String expression) {
        Matcher simple = expression == null ? null : SIMPLE_BEAN.matcher(expression);
        return simple != null && simple.matches() ? Optional.of(simple.group(1)) : Optional.empty();
    }
}
