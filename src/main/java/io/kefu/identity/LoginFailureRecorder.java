package io.kefu.identity;

import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

/**
 * Camunda's database identity provider, which delays the next login after a wrong password; in addition it reports
 * every failure to {@link LoginFailures}. One instance per engine command (a Camunda session).
 */
class LoginFailureRecorder extends DbIdentityServiceProvider {

    private final LoginFailures failures;

    LoginFailureRecorder(LoginFailures failures) {
        this.failures = failures;
    }

    @Override
    public boolean checkPassword(String userId, String password) {
        boolean valid = super.checkPassword(userId, password);
        if (!valid && userId != null && password != null && findUserById(userId) == null) {
            failures.unknownUser();
        }
        return valid;
    }

    @Override
    protected boolean isUserLocked(UserEntity user) {
        boolean locked = super.isUserLocked(user);
        if (locked) {
            failures.delayed(user.getId(), user.getAttempts(), user.getLockExpirationTime());
        }
        return locked;
    }

    @Override
    protected void lockUser(UserEntity user) {
        super.lockUser(user);
        failures.wrongPassword(user.getId(), user.getAttempts(), user.getLockExpirationTime());
    }
}
