package io.kefu.shared;

import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Kefu's own reads inside an engine command that must not depend on who is logged in (a DMN table Kefu evaluates, the
 * members of a department, a task's deployed form): the command's authorization check is switched off for the read
 * and back on after it, if it was on.
 */
public final class AuthorizationChecks {

    private AuthorizationChecks() {
    }

    public static <T> T withoutAuthorizationCheck(CommandContext commandContext, Supplier<T> read) {
        boolean wasEnabled = commandContext.isAuthorizationCheckEnabled();
        commandContext.disableAuthorizationCheck();
        try {
            return read.get();
        } finally {
            if (wasEnabled) {
                commandContext.enableAuthorizationCheck();
            }
        }
    }
}
