package io.kefu.audit;

import io.kefu.shared.time.Now;
import org.camunda.bpm.engine.ProcessEngines;
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
        // a form submitted in Tasklist: the engine's command has ended by the time the transaction commits and
        // Envers writes the revision, but the webapp's request still holds the Camunda user on the identity service
        var engine = ProcessEngines.getDefaultProcessEngine(false);
        if (engine != null) {
            Authentication requestUser = engine.getIdentityService().getCurrentAuthentication();
            if (requestUser != null && requestUser.getUserId() != null) {
                return requestUser.getUserId();
            }
        }
        return "system";
    }
}
