package io.kefu.step;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Every user task of every process, whatever a manager models, keeps what was submitted: when the task completes, its
 * form is bound ({@link StepBinder}) and the fields no handler reads ({@link HandledSteps}) are kept as a generic case entry
 * ({@link StepEntries}) — all of them for a step no handler knows. Personal fields of such a step are not kept and
 * are taken out of the process (the model validator refuses a model that would lose them). A step whose complete
 * listener declares no {@link HandledSteps} belongs to that listener alone.
 */
@Component
class GenericSteps extends AbstractProcessEnginePlugin {

    private final ObjectProvider<StepBinder> binder;
    private final ObjectProvider<StepHandlers> handlers;
    private final ObjectProvider<StepEntries> entries;

    GenericSteps(ObjectProvider<StepBinder> binder, ObjectProvider<StepHandlers> handlers,
            ObjectProvider<StepEntries> entries) {
        this.binder = binder;
        this.handlers = handlers;
        this.entries = entries;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
                        .addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, GenericSteps.this::onComplete);
            }
        });
    }

    void onComplete(DelegateTask task) {
        StepHandlers.Handling handling = handlers.getObject().of(task);
        if (handling instanceof StepHandlers.Opaque) {
            return;
        }
        StepRecord step = binder.getObject().bind(task);
        Set<String> read = handling instanceof StepHandlers.Known known ? known.fields() : Set.of();
        List<StepRecord.Value> kept = step.keepable().stream().filter(v -> !read.contains(v.key())).toList();
        if (!(handling instanceof StepHandlers.Known)) {
            step.values().stream().filter(StepRecord.Value::personal).forEach(v -> task.removeVariable(v.key()));
        }
        entries.getObject().keep(step, kept);
    }
}
