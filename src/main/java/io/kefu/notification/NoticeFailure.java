package io.kefu.notification;

/**
 * A technical failure of the notification service: an unknown template, a placeholder no one fills, a recipient
 * without an address, a channel that refused the notice. Thrown to the engine, which retries the job and then raises
 * an incident; never shown to a client as its own mistake.
 */
public class NoticeFailure extends RuntimeException {

    public NoticeFailure(String message) {
        super(message);
    }

    public NoticeFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
