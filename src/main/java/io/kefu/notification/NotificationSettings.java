package io.kefu.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code kefu.notification.*}: which channels are switched on, the SMS/WeChat gateway, the retry cycle of send jobs and
 * where the templates are. The embedded default has every channel off (a fresh machine has no mail server): notices
 * are then recorded and archived as {@link NoticeStatus#CHANNEL_OFF}.
 */
@ConfigurationProperties("kefu.notification")
public record NotificationSettings(
        @DefaultValue("R3/PT5M") String retryCycle,
        @DefaultValue("classpath*:processes/**/notice-templates.yaml") String templates,
        @DefaultValue Email email,
        @DefaultValue Switch sms,
        @DefaultValue Switch wechat,
        @DefaultValue Gateway gateway) {

    public record Email(@DefaultValue("false") boolean enabled, @DefaultValue("kefu@kefu.example") String from) {
    }

    public record Switch(@DefaultValue("false") boolean enabled) {
    }

    public record Gateway(@DefaultValue("http://localhost:9090/notices") String url, String token,
            @DefaultValue("10s") Duration timeout) {
    }

    public boolean enabled(NoticeChannel channel) {
        return switch (channel) {
            case EMAIL -> email.enabled();
            case SMS -> sms.enabled();
            case WECHAT -> wechat.enabled();
        };
    }
}
