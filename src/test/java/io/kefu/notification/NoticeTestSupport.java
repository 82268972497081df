package io.kefu.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kefu.notification.NoticeTestServers.GatewayRequest;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

/**
 * What the test channels received, for any test that runs send jobs: mails GreenMail got and requests the
 * SMS/WeChat gateway got, by recipient (the suite shares the servers: always filter by your own recipient), and a
 * switch to make the gateway fail for one recipient. Nothing to set up: the servers run for every test context.
 * <pre>
 * assertThat(NoticeTestSupport.mailsTo("c1@example.com")).singleElement()
 *         .satisfies(m -> assertThat(NoticeTestSupport.text(m)).contains("欢迎"));
 * assertThat(NoticeTestSupport.gatewayRequestsTo("13812345678")).hasSize(1);
 * </pre>
 */
public final class NoticeTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The mails GreenMail received for this address, oldest first. */
    public static List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(NoticeTestServers.smtp().getReceivedMessages())
                .filter(m -> sentTo(m, address))
                .toList();
    }

    /** The gateway's requests (JSON: channel, to, subject, text, noticeId, archiveNo) for this recipient. */
    public static List<JsonNode> gatewayRequestsTo(String to) {
        return NoticeTestServers.GATEWAY_REQUESTS.stream()
                .map(GatewayRequest::body)
                .map(NoticeTestSupport::json)
                .filter(r -> to.equals(r.path("to").asText()))
                .toList();
    }

    /** The raw gateway requests for this recipient, with their Authorization header. */
    public static List<GatewayRequest> rawGatewayRequestsTo(String to) {
        return NoticeTestServers.GATEWAY_REQUESTS.stream()
                .filter(r -> to.equals(json(r.body()).path("to").asText()))
                .toList();
    }

    /** From now on the gateway answers {@code status} (e.g. 500) for this recipient. */
    public static void gatewayFailsFor(String to, int status) {
        NoticeTestServers.GATEWAY_FAILURES.put(to, status);
    }

    /** The gateway accepts this recipient's messages again. */
    public static void gatewayAccepts(String to) {
        NoticeTestServers.GATEWAY_FAILURES.remove(to);
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text of a (plain-text) mail, decoded. */
    public static String text(MimeMessage message) {
        try {
            return String.valueOf(message.getContent()).strip();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean sentTo(MimeMessage message, String address) {
        try {
            Address[] to = message.getAllRecipients();
            return to != null && Arrays.stream(to).anyMatch(a -> a.toString().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private NoticeTestSupport() {
    }
}
