package io.kefu.identity;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Date;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failed logins, logged and counted ({@value #METRIC}, Prometheus {@code kefu_login_failures_total}) by reason:
 * {@code wrong_password}, {@code delayed} (refused unseen because an earlier failure still delays the account's next
 * login), {@code unknown_user}. Every route that checks a password counts here: Kefu's login and HTTP Basic, the engine
 * REST API's HTTP Basic, the Camunda webapps' login.
 */
final class LoginFailures {

    static final String METRIC = "kefu.login.failures";
    /** From this many wrong passwords in a row on, each further one is logged as a warning. */
    static final int REPEATED = 3;

    private static final Logger log = LoggerFactory.getLogger(LoginFailures.class);

    private final Counter wrongPassword;
    private final Counter delayed;
    private final Counter unknownUser;

    LoginFailures(MeterRegistry registry) {
        this.wrongPassword = counter(registry, "wrong_password");
        this.delayed = counter(registry, "delayed");
        this.unknownUser = counter(registry, "unknown_user");
    }

    private static Counter counter(MeterRegistry registry, String reason) {
        return Counter.builder(METRIC).description("failed logins").tag("reason", reason).register(registry);
    }

    void wrongPassword(String userId, int attemptsInARow, Date delayedUntil) {
        wrongPassword.increment();
        if (attemptsInARow >= REPEATED) {
            log.warn("Wrong password for user {} ({} times in a row); the next login waits until {}",
                    userId, attemptsInARow, delayedUntil);
        } else {
            log.info("Wrong password for user {}", userId);
        }
    }

    void delayed(String userId, int attemptsInARow, Date delayedUntil) {
        delayed.increment();
        log.warn("Login of user {} refused without checking the password: delayed until {} after {} wrong passwords",
                userId, delayedUntil, attemptsInARow);
    }

    /** Not logged with the name: anyone can send any text as a user name. */
    void unknownUser() {
        unknownUser.increment();
        log.debug("Login of an unknown user refused");
    }
}
