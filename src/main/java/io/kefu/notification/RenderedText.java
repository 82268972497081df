package io.kefu.notification;

/** A template with its placeholders filled. */
record RenderedText(String subject, String body) {
}
