package io.kefu.notification;

import io.kefu.notification.Notice.RecipientType;

/** One resolved recipient: who, by which channel, at which address. */
record Recipient(RecipientType type, String ref, String name, NoticeChannel channel, String address, Long customerId) {
}
