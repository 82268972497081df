package io.kefu.step;

import io.kefu.task.StepCompletion;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Every user task of every process, whatever a manager models, keeps what was submitted ({@link StepCompletion}, run
 * by the task listeners Kefu adds to every user task): when the task completes, its
 * form is bound ({@link StepBinder}) and the fields no handler reads ({@link HandledSteps}) are kept as a generic case entry
 * ({@link StepEntries}) — all of them for a step no handler knows. Personal fields of such a step are not kept and
 * are taken out of the process (the model validator refuses a model that would lose them). A step whose complete
 * listener declares no {@link HandledSteps} belongs to that listener alone.
 */
@Component
class GenericSteps implements StepCompletion {

    private final StepBinder binder;
    private final StepHandlers handlers;
    private final StepEntries entries;

    GenericSteps(StepBinder binder, StepHandlers handlers, StepEntries entries) {
        this.binder = binder;
        this.handlers = handlers;
        this.entries = entries;
    }

    @Override
    public void completed(DelegateTask task) {
        StepHandlers.Handling handling = handlers.of(task);
        if (handling instanceof StepHandlers.Opaque) {
            return;
        }
        StepRecord step = binder.bind(task);
        Set<String> read = handling instanceof StepHandlers.Known known ? known.fields() : Set.of();
        List<StepRecord.Value> kept = step.keepable().stream().filter(v -> !read.contains(v.key())).toList();
        if (!(handling instanceof StepHandlers.Known)) {
            step.values().stream().filter(StepRecord.Value::personal).forEach(v -> task.removeVariable(v.key()));
        }
        entries.keep(step, kept);
    }
}
