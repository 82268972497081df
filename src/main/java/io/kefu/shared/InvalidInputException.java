package io.kefu.shared;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Input that breaks a business rule, with a message per field. The API answers 400 with the fields listed;
 * in a process (a form submitted in Tasklist) the engine rolls the whole step back and shows the message.
 */
public class InvalidInputException extends RuntimeException {

    private final Map<String, String> fieldErrors;

    public InvalidInputException(Map<String, String> fieldErrors) {
        super(describe(fieldErrors));
        this.fieldErrors = Map.copyOf(new LinkedHashMap<>(fieldErrors));
    }

    public static InvalidInputException of(String field, String message) {
        return new InvalidInputException(Map.of(field, message));
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    private static String describe(Map<String, String> errors) {
        StringBuilder text = new StringBuilder("输入有误:");
        errors.forEach((field, message) -> text.append(' ').append(field).append(" — ").append(message).append(';'));
        return text.toString();
    }
}
