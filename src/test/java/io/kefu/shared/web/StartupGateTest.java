package io.kefu.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** A request that arrives while Kefu is still starting waits for the start to end; the health probes do not. */
class StartupGateTest {

    @Test
    void aRequestDuringTheStartIsAnsweredOnlyOnceTheApplicationIsReady() throws Exception {
        StartupGate gate = new StartupGate();
        AtomicBoolean served = new AtomicBoolean();
        CompletableFuture<Void> request = CompletableFuture.runAsync(() -> {
            try {
                gate.doFilter(new MockHttpServletRequest("GET", "/engine-rest/task"), new MockHttpServletResponse(),
                        (req, res) -> served.set(true));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(300);
        assertThat(served).as("served while starting").isFalse();

        gate.open();
        request.get(5, TimeUnit.SECONDS);
        assertThat(served).isTrue();
    }

    @Test
    void theHealthProbesAnswerWhileStarting() throws Exception {
        StartupGate gate = new StartupGate();
        MockFilterChain chain = new MockFilterChain();
        gate.doFilter(new MockHttpServletRequest("GET", "/actuator/health/readiness"), new MockHttpServletResponse(),
                chain);
        assertThat(chain.getRequest()).isNotNull();
    }
}
