package io.kefu.step;

import io.kefu.task.DeployedForms;
import io.kefu.task.FormFields;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import io.kefu.shared.time.Now;
import org.springframework.stereotype.Component;

/**
 * The one binding from a step's form to a {@link StepRecord}: reads the Camunda Form the task shows (as the engine
 * resolves its {@code camunda:formRef}: latest, deployment or version) and the values submitted for its fields, each
 * typed and labelled by the form. Called while the task completes.
 */
@Component
public class StepBinder {

    private final DeployedForms forms;

    StepBinder(DeployedForms forms) {
        this.forms = forms;
    }

    /** The record of what was submitted at this task; no values when the task has no Camunda Form. */
    public StepRecord bind(DelegateTask task) {
        Optional<StepForm> form = formOf(task);
        List<StepRecord.Value> values = new ArrayList<>();
        form.ifPresent(f -> f.fields().forEach(field -> values.add(value(field, task.getVariable(field.key())))));
        ExecutionEntity execution = (ExecutionEntity) task.getExecution();
        return new StepRecord(task.getProcessInstanceId(),
                execution == null ? null : execution.getProcessBusinessKey(),
                execution == null ? null : execution.getProcessDefinition().getKey(),
                task.getTaskDefinitionKey(), task.getName(), form.map(StepForm::id).orElse(null),
                FormFields.actor(task), Now.instant(), List.copyOf(values));
    }

    static StepRecord.Value value(StepForm.Field field, Object raw) {
        Object typed = typed(field, raw);
        return new StepRecord.Value(field.key(), field.label(), field.type(), field.personal(), typed,
                display(field, typed));
    }

    private static Object typed(StepForm.Field field, Object raw) {
        if (raw == null) {
            return null;
        }
        return switch (field.type()) {
            case "checkbox" -> raw instanceof Boolean b ? b : Boolean.valueOf(String.valueOf(raw));
            case "number" -> raw instanceof Number n ? new BigDecimal(n.toString()) : parseNumber(raw);
            case "checklist", "taglist" -> raw instanceof Collection<?> c
                    ? c.stream().map(String::valueOf).toList() : List.of(String.valueOf(raw));
            default -> raw instanceof String s ? s : String.valueOf(raw);
        };
    }

    private static Object parseNumber(Object raw) {
        try {
            return new BigDecimal(String.valueOf(raw).trim());
        } catch (NumberFormatException notANumber) {
            return String.valueOf(raw);
        }
    }

    static String display(StepForm.Field field, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Boolean b) {
            return b ? "是" : "否";
        }
        if (value instanceof Collection<?> items) {
            return items.stream().map(item -> field.optionLabel(item).orElse(String.valueOf(item)))
                    .collect(Collectors.joining("、"));
        }
        if (value instanceof BigDecimal number) {
            return number.stripTrailingZeros().toPlainString();
        }
        return field.optionLabel(value).orElse(String.valueOf(value));
    }

    /** The deployed form of the task, looked up as the engine shows it (the completing user may read their task). */
    private Optional<StepForm> formOf(DelegateTask task) {
        return task instanceof TaskEntity entity
                ? forms.ofTask(entity).map(form -> StepForm.of(form.json()))
                : Optional.empty();
    }
}
