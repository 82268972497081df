package io.kefu.shared;

import jakarta.validation.ConstraintViolation;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one way a service collects what is wrong with an input, field by field, and refuses it: the API answers 400 with
 * a problem naming each field ({@link InvalidInputException}); in a process the step is rolled back with the message.
 * Collect into a {@code LinkedHashMap} (the fields in the order a person fills them), then {@link #failOn}.
 */
public final class FieldErrors {

    /** Notes {@code message} for {@code field} when {@code value} is empty or blank. */
    public static void require(Map<String, String> errors, String field, String value, String message) {
        if (value == null || value.isBlank()) {
            errors.put(field, message);
        }
    }

    /** Refuses the input when any field has an error; nothing has been written yet. */
    public static void failOn(Map<String, String> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /** Refuses the input when Bean Validation found something wrong, each field with its first message. */
    public static void failOnViolations(Collection<? extends ConstraintViolation<?>> violations) {
        Map<String, String> errors = new LinkedHashMap<>();
        violations.forEach(v -> errors.putIfAbsent(v.getPropertyPath().toString(), v.getMessage()));
        failOn(errors);
    }

    /** Submitted text as kept: trimmed, and blank means not given. */
    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private FieldErrors() {
    }
}
