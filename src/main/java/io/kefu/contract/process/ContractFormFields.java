package io.kefu.contract.process;

import io.kefu.task.FormFields;
import io.kefu.shared.InvalidInputException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Form fields beyond those of {@link FormFields}: dates, whole numbers and amounts; a bad value names its field. */
final class ContractFormFields {

    /** A checkbox: unticked (absent) is false. */
    static Boolean ticked(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? Boolean.FALSE : FormFields.bool(scope, name, "请勾选或取消勾选");
    }

    static LocalDate date(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        if (value instanceof Date d) {
            return new java.sql.Date(d.getTime()).toLocalDate();
        }
        try {
            String text = value.toString().trim();
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of(name, "日期格式应为 yyyy-MM-dd");
        }
    }

    static Integer integer(VariableScope scope, String name) {
        BigDecimal value = decimal(scope, name);
        if (value == null) {
            return null;
        }
        try {
            return value.intValueExact();
        } catch (ArithmeticException e) {
            throw InvalidInputException.of(name, "请填写整数");
        }
    }

    static BigDecimal decimal(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        try {
            return value instanceof Number n ? new BigDecimal(n.toString()) : new BigDecimal(value.toString().trim());
        } catch (NumberFormatException e) {
            throw InvalidInputException.of(name, "请填写数字");
        }
    }

    static void consume(VariableScope scope, List<String> fields) {
        fields.forEach(scope::removeVariable);
    }

    private ContractFormFields() {
    }
}
