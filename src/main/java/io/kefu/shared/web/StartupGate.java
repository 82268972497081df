package io.kefu.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * No request is answered before Kefu has finished starting. Spring Boot opens the port before it runs the start-up
 * work (the engine grant table, the demo data; each an {@code ApplicationRunner}), and the demo data's last-month
 * history runs on the engine clock moved back: a request answered meanwhile would see October as "today", or miss
 * the grants. Such a request waits here until the application is ready (at most {@link #WAIT_SECONDS}; then 503). The
 * health probes answer at once: readiness says OUT_OF_SERVICE until then.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class StartupGate extends OncePerRequestFilter {

    static final long WAIT_SECONDS = 300;

    private final CountDownLatch ready = new CountDownLatch(1);

    /** Last of the ready listeners: the grant table's per-user filters are made by one of them. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.LOWEST_PRECEDENCE)
    void open() {
        ready.countDown();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return ready.getCount() == 0 || request.getRequestURI().startsWith(request.getContextPath() + "/actuator/health");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean open;
        try {
            open = ready.await(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            open = false;
        }
        if (!open) {
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader("Retry-After", "10");
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write("{\"title\":\"系统正在启动\",\"status\":503,\"detail\":\"系统正在启动,请稍后再试\"}");
            return;
        }
        chain.doFilter(request, response);
    }
}
