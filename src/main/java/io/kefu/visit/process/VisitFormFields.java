package io.kefu.visit.process;

import static io.kefu.task.FormFields.text;

import io.kefu.shared.InvalidInputException;
import io.kefu.visit.VisitService;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;

/** The fields of visit forms that {@link io.kefu.task.FormFields} does not read: checkboxes, dates, times. */
final class VisitFormFields {

    /** A checkbox or yes/no radio: absent counts as no; stored back as a Boolean because gateways test it. */
    static boolean flag(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        boolean flag = value instanceof Boolean b ? b : "true".equals(value);
        scope.setVariable(name, flag);
        return flag;
    }

    /** A date-time field: "2026-11-24T15:00" in the service center's zone, or with an offset, or a Date. */
    static Instant instant(VariableScope scope, String name, ZoneId zone) {
        Object value = scope.getVariable(name);
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        if (value instanceof Date date) {
            return date.toInstant();
        }
        String text = value.toString().trim();
        try {
            return VisitService.parseTime(text, zone);
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of(name, "时间格式不正确: " + text);
        }
    }

    static LocalDate date(VariableScope scope, String name) {
        String text = text(scope, name);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of(name, "日期格式不正确: " + text);
        }
    }

    private VisitFormFields() {
    }
}
