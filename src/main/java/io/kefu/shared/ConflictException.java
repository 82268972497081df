package io.kefu.shared;

/** The request clashes with the current state (e.g. a task someone else already completed): answered with 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
