package io.kefu.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts, once per test JVM, the servers the notification channels talk to: GreenMail (SMTP) and a JDK HTTP server
 * standing in for the SMS/WeChat gateway, on free ports; their ports become {@code kefu.test.smtp-port} and
 * {@code kefu.test.gateway-port}, which {@code application-test.yaml} uses. Registered in
 * {@code META-INF/spring.factories} (test classpath only), so every test context gets working channels without a line
 * of code. Tests read what arrived through {@link NoticeTestSupport}.
 */
public class NoticeTestServers implements EnvironmentPostProcessor {

    private static GreenMail smtp;
    private static HttpServer gateway;
    static final List<GatewayRequest> GATEWAY_REQUESTS = new CopyOnWriteArrayList<>();
    /** Recipient ({@code to}) → the HTTP status the gateway answers for it instead of 200. */
    static final Map<String, Integer> GATEWAY_FAILURES = new ConcurrentHashMap<>();

    /** One request the gateway received: its {@code Authorization} and {@code Content-Length} headers and JSON body. */
    public record GatewayRequest(String authorization, String contentLength, String body) {
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        start();
        environment.getPropertySources().addLast(new MapPropertySource("kefu-test-servers", Map.of(
                "kefu.test.smtp-port", smtp.getSmtp().getPort(),
                "kefu.test.gateway-port", gateway.getAddress().getPort())));
    }

    static synchronized GreenMail smtp() {
        start();
        return smtp;
    }

    private static synchronized void start() {
        if (smtp != null) {
            return;
        }
        smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        gateway.createContext("/", NoticeTestServers::answer);
        gateway.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            smtp.stop();
            gateway.stop(0);
        }));
    }

    private static void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        GATEWAY_REQUESTS.add(new GatewayRequest(exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("Content-Length"), body));
        int status = GATEWAY_FAILURES.entrySet().stream()
                .filter(f -> body.contains("\"to\":\"" + f.getKey() + "\""))
                .map(Map.Entry::getValue).findFirst().orElse(200);
        byte[] answer = (status == 200 ? "{\"accepted\":true}" : "{\"error\":\"gateway down\"}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
