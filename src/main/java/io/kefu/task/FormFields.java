package io.kefu.task;

import io.kefu.shared.InvalidInputException;
import io.kefu.shared.time.Now;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.context.Context;

/**
 * The one reader of submitted form fields, from a task or an execution, for every process: text, choices, yes/no,
 * dates, date-times and numbers, each read one way; a value Kefu cannot read fails naming the field
 * ({@link InvalidInputException}, a 4xx problem on the API). An empty field is {@code null} (a checkbox: false).
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
     * A yes/no field that must be answered (a radio a gateway tests). Forms submit a Boolean; a "true"/"false" string
     * (older forms, other clients) is accepted and stored back as a Boolean, because gateways test the variable.
     */
    public static boolean bool(VariableScope scope, String name, String message) {
        Boolean value = yesNo(scope, name, message);
        if (value == null) {
            throw InvalidInputException.of(name, message);
        }
        return value;
    }

    /**
     * A checkbox (or a yes/no a step may leave out): empty is no. Read as {@link #bool}, stored back as a Boolean.
     */
    public static boolean flag(VariableScope scope, String name) {
        Boolean value = yesNo(scope, name, "请勾选或取消勾选");
        if (value == null) {
            scope.setVariable(name, false);
            return false;
        }
        return value;
    }

    private static Boolean yesNo(VariableScope scope, String name, String message) {
        Object value = scope.getVariable(name);
        if (value instanceof Boolean b) {
            return b;
        }
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        if ("true".equals(value) || "false".equals(value)) {
            boolean parsed = Boolean.parseBoolean((String) value);
            scope.setVariable(name, parsed);
            return parsed;
        }
        throw InvalidInputException.of(name, message);
    }

    /** A date field: Camunda Forms submit {@code yyyy-MM-dd} (a longer ISO text is cut to its date); a Date is taken on
     * the configured zone's calendar. */
    public static LocalDate date(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        if (value instanceof Date d) {
            return LocalDate.ofInstant(d.toInstant(), Now.zone());
        }
        String text = value.toString().trim();
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of(name, "日期格式应为 yyyy-MM-dd");
        }
    }

    /**
     * A date-time field: {@code 2026-11-24T15:00} in {@code zone} (the service center's), or with an offset, or a Date.
     */
    public static Instant dateTime(VariableScope scope, String name, ZoneId zone) {
        Object value = scope.getVariable(name);
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        if (value instanceof Date date) {
            return date.toInstant();
        }
        String text = value.toString().trim();
        try {
            return parseDateTime(text, zone);
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of(name, "时间格式不正确: " + text);
        }
    }

    /** {@code 2026-11-24T15:00} in {@code zone}, or with an offset. */
    public static Instant parseDateTime(String text, ZoneId zone) throws DateTimeParseException {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return LocalDateTime.parse(text).atZone(zone).toInstant();
        }
    }

    /** A number field (an amount). */
    public static BigDecimal number(VariableScope scope, String name) {
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

    /** A number field that counts (copies, stores). */
    public static Integer integer(VariableScope scope, String name) {
        BigDecimal value = number(scope, name);
        if (value == null) {
            return null;
        }
        try {
            return value.intValueExact();
        } catch (ArithmeticException e) {
            throw InvalidInputException.of(name, "请填写整数");
        }
    }

    /**
     * A record's id in a process variable (set by Kefu when it starts a process for a record, or by a client starting
     * one over the engine's API): a whole number, or its digits; none when the variable is not set.
     */
    public static Long recordId(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        if (value instanceof Number n) {
            return n.longValue();
        }
        try {
            return Long.valueOf(value.toString().trim());
        } catch (NumberFormatException e) {
            throw InvalidInputException.of(name, "无法识别的记录编号: " + value);
        }
    }

    /** Who completed the task: the logged-in Tasklist user, else the assignee. */
    public static String actor(DelegateTask task) {
        var commandContext = Context.getCommandContext();
        String user = commandContext == null ? null : commandContext.getAuthenticatedUserId();
        return user != null ? user : task.getAssignee() != null ? task.getAssignee() : "system";
    }

    /** Takes the form's fields out of the process once the domain has them. */
    public static void consume(VariableScope scope, String... fields) {
        consume(scope, List.of(fields));
    }

    /** Takes the form's fields out of the process once the domain has them. */
    public static void consume(VariableScope scope, Collection<String> fields) {
        fields.forEach(scope::removeVariable);
    }

    private FormFields() {
    }
}
