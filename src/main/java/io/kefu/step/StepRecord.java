package io.kefu.step;

import io.kefu.shared.InvalidInputException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a person submitted at one step of a case, read through the step's form ({@link StepBinder}): each field typed
 * as the form declares it and labelled as the form labels it. A feature's handler ({@link HandledSteps}) takes it to its record;
 * a step no handler knows is kept as it is ({@link StepEntries}).
 *
 * @param caseKey the case's business key (案件编号)
 * @param values  the form's fields, in the form's order, personal ones included (in memory only)
 */
public record StepRecord(String processInstanceId, String caseKey, String processKey, String taskKey,
        String taskName, String formId, String actor, Instant at, List<Value> values) {

    /**
     * One submitted field.
     *
     * @param value   typed: Boolean (checkbox), BigDecimal (number), List (checklist, tag list), String otherwise;
     *                null when left empty
     * @param display the value as a person reads it: the option's label, 是/否, items joined with 、
     */
    public record Value(String key, String label, String type, boolean personal, Object value, String display) {

        public boolean filled() {
            return value != null && !(value instanceof String s && s.isBlank())
                    && !(value instanceof Collection<?> c && c.isEmpty());
        }
    }

    public Optional<Value> value(String key) {
        return values.stream().filter(v -> v.key().equals(key)).findFirst();
    }

    /** The text of a field (a code for a select or radio); null when the form has no such field or it was empty. */
    public String text(String key) {
        return value(key).filter(Value::filled).map(v -> v.value() instanceof Collection<?> c
                ? c.stream().map(String::valueOf).collect(Collectors.joining(",")) : String.valueOf(v.value()))
                .orElse(null);
    }

    /** The enum constant a select or radio submitted; none when left empty; 400 naming the field for an unknown one. */
    public <E extends Enum<E>> E enumValue(String key, Class<E> type) {
        String code = text(key);
        if (code == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, code);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of(key, "无法识别的值: " + code);
        }
    }

    public BigDecimal number(String key) {
        return value(key).map(Value::value).filter(BigDecimal.class::isInstance).map(BigDecimal.class::cast)
                .orElse(null);
    }

    /** The fields a generic entry may keep: filled, and not personal. */
    public List<Value> keepable() {
        return values.stream().filter(Value::filled).filter(v -> !v.personal()).toList();
    }
}
