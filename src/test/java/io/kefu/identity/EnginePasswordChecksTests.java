package io.kefu.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.support.HttpApiTest;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.digest.PasswordManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A password is checked (hashed and compared) once per request: on the engine REST API by Camunda's filter alone, on
 * Kefu's API by Spring Security alone, and on Camunda's webapps not at all from a Basic header (they have their own
 * login).
 */
class EnginePasswordChecksTests extends HttpApiTest {

    @Autowired
    ProcessEngine processEngine;

    private ProcessEngineConfigurationImpl configuration;
    private PasswordManager original;
    private final AtomicInteger checks = new AtomicInteger();

    /** Camunda's password manager, counting each password it checks. */
    @BeforeEach
    void countPasswordChecks() {
        configuration = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        original = configuration.getPasswordManager();
        configuration.setPasswordManager(new PasswordManager(configuration.getPasswordEncryptor(),
                configuration.getCustomPasswordChecker()) {
            @Override
            public boolean check(String password, String hash) {
                checks.incrementAndGet();
                return super.check(password, hash);
            }
        });
    }

    @AfterEach
    void restoreThePasswordManager() {
        configuration.setPasswordManager(original);
    }

    @Test
    void anEngineRestRequestChecksThePasswordOnce() {
        assertThat(checksOf(() -> as("agent").get("/engine-rest/task/count"), 200)).isEqualTo(1);
        assertThat(checksOf(() -> as("supervisor").get("/engine-rest/process-definition/count"), 200)).isEqualTo(1);
    }

    @Test
    void aWrongPasswordOnTheEngineRestApiIsStill401AfterOneCheck() {
        identityService.unlockUser(GUESSED_USER);
        try {
            assertThat(checksOf(() -> withPassword(GUESSED_USER, "guess").get("/engine-rest/task/count"), 401))
                    .isEqualTo(1);
        } finally {
            identityService.unlockUser(GUESSED_USER);
        }
    }

    @Test
    void aKefuApiRequestChecksThePasswordOnce() {
        assertThat(checksOf(() -> as("agent").get("/api/tasks?size=1"), 200)).isEqualTo(1);
    }

    @Test
    void camundasWebappsDoNotCheckABasicHeadersPassword() {
        assertThat(checksOf(() -> as("agent").get("/camunda/api/engine/engine/"), 200)).isZero();
    }

    private int checksOf(Supplier<Response> request, int status) {
        checks.set(0);
        Response response = request.get();
        assertThat(response.status()).as("%s", response).isEqualTo(status);
        return checks.get();
    }
}
