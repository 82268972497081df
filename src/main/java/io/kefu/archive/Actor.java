package io.kefu.archive;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who is acting: the user logged in to Camunda (Tasklist, engine REST) or to Kefu's API; "system" for timers and
 * jobs. Other features call {@link ArchiveService} from their delegates without naming the user.
 */
@Component
class Actor {

    static final String SYSTEM = "system";

    private final IdentityService identity;

    Actor(IdentityService identity) {
        this.identity = identity;
    }

    String current() {
        var camunda = identity.getCurrentAuthentication();
        if (camunda != null && camunda.getUserId() != null) {
            return camunda.getUserId();
        }
        Authentication spring = SecurityContextHolder.getContext().getAuthentication();
        if (spring != null && spring.isAuthenticated() && spring.getName() != null
                && !"anonymousUser".equals(spring.getName())) {
            return spring.getName();
        }
        return SYSTEM;
    }
}
