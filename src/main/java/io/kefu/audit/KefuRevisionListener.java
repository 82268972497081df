package io.kefu.audit;

import io.kefu.shared.time.Now;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.hibernate.envers.RevisionListener;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Names who made a change: the logged-in user of a Kefu request, or — for changes made by a process step — the
 * user Camunda knows as the actor (a form submitted in Tasklist), or "system" for timers and jobs.
 */
public class KefuRevisionListener implements RevisionListener {

    @Override
    public void newRevision(Object revisionEntity) {
        KefuRevision revision = (KefuRevision) revisionEntity;
        revision.setUsername(currentActor());
        // on the engine clock, like every other timestamp of Kefu (the same as the system's unless moved)
        revision.setTimestamp(Now.instant());
    }

    static String currentActor() {
        var spring = SecurityContextHolder.getContext().getAuthentication();
        if (spring != null && spring.isAuthenticated() && spring.getName() != null && !"anonymousUser".equals(spring.getName())) {
            return spring.getName();
        }
        CommandContext commandContext = Context.getCommandContext();
        if (commandContext != null) {
            Authentication camunda = commandContext.getAuthentication();
            if (camunda != null && camunda.getUserId() != null) {
                return camunda.getUserId();
            }
        }
        return "system";
    }
}
