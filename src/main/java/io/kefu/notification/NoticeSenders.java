package io.kefu.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.http.MediaType;
import org.springframework.http.client.BufferingClientHttpRequestFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The channels' outside calls. Email goes through Spring Mail ({@code spring.mail.*}); SMS and WeChat through the
 * gateway: {@code POST {kefu.notification.gateway.url}} with JSON {@code {channel, to, subject, text, noticeId}} and
 * {@code Authorization: Bearer <token>}. Anything but a 2xx answer within the timeout is a failed attempt.
 */
@Component
class NoticeSenders {

    private final NotificationSettings settings;
    private final ObjectProvider<JavaMailSender> mailSender;
    // built at the first SMS or WeChat notice: Spring Boot's RestClient.Builder starts a JDK HttpClient with its TLS
    // context (hundreds of classes), which a start with the gateway channels off never needs
    private final SingletonSupplier<RestClient> gateway;

    NoticeSenders(NotificationSettings settings, ObjectProvider<JavaMailSender> mailSender,
            ObjectProvider<RestClient.Builder> builders) {
        this.settings = settings;
        this.mailSender = mailSender;
        this.gateway = SingletonSupplier.of(() -> gatewayClient(builders.getObject(), settings.gateway()));
    }

    void send(Notice notice) {
        switch (notice.getChannel()) {
            case EMAIL -> email(notice);
            case SMS, WECHAT -> gateway(notice);
        }
    }

    private void email(Notice notice) {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            throw new NoticeFailure("电子邮件渠道已开通,但没有配置邮件服务器 (spring.mail.host)");
        }
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
            helper.setFrom(settings.email().from());
            helper.setTo(notice.getAddress());
            helper.setSubject(notice.getSubject());
            helper.setText(notice.getBody());
            message.setHeader("X-Kefu-Notice", notice.getArchiveNo());
            sender.send(message);
        } catch (MessagingException | MailException e) {
            throw new NoticeFailure("邮件发送失败: " + e.getMessage(), e);
        }
    }

    private void gateway(Notice notice) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("channel", notice.getChannel().name());
        request.put("to", notice.getAddress());
        request.put("subject", notice.getSubject());
        request.put("text", notice.getBody());
        request.put("noticeId", notice.getId());
        request.put("archiveNo", notice.getArchiveNo());
        try {
            gateway.obtain().post().contentType(MediaType.APPLICATION_JSON).body(request).retrieve().toBodilessEntity();
        } catch (RestClientException e) {
            throw new NoticeFailure(notice.getChannel().label() + "网关发送失败: " + e.getMessage(), e);
        }
    }

    private static RestClient gatewayClient(RestClient.Builder builder, NotificationSettings.Gateway gateway) {
        var requestFactory = ClientHttpRequestFactoryBuilder.simple().build(ClientHttpRequestFactorySettings.defaults()
                .withConnectTimeout(gateway.timeout())
                .withReadTimeout(gateway.timeout()));
        return builder.clone()
                .baseUrl(gateway.url())
                // buffered: the request carries a Content-Length (gateways often refuse chunked requests)
                .requestFactory(new BufferingClientHttpRequestFactory(requestFactory))
                .defaultHeaders(h -> {
                    if (gateway.token() != null && !gateway.token().isBlank()) {
                        h.setBearerAuth(gateway.token());
                    }
                })
                .build();
    }
}
