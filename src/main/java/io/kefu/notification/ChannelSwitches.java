package io.kefu.notification;

import java.util.EnumMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Which channels send: {@code kefu.notification.<channel>.enabled} at start. A notice for a channel that is off is
 * recorded and archived as {@link NoticeStatus#CHANNEL_OFF}, not sent and not failed.
 */
@Component
class ChannelSwitches {

    private final Map<NoticeChannel, Boolean> on = new EnumMap<>(NoticeChannel.class);

    ChannelSwitches(NotificationSettings settings) {
        for (NoticeChannel channel : NoticeChannel.values()) {
            on.put(channel, settings.enabled(channel));
        }
    }

    synchronized boolean isOn(NoticeChannel channel) {
        return on.get(channel);
    }

    /** Switches a channel while Kefu runs (tests; a gateway outage), until the next start. */
    synchronized void set(NoticeChannel channel, boolean enabled) {
        on.put(channel, enabled);
    }
}
