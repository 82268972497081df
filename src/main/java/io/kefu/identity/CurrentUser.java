package io.kefu.identity;

import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** The logged-in user of the current request, with the Camunda groups they belong to. */
public record CurrentUser(String id, Set<String> groups) {

    public static CurrentUser get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            throw new AuthenticationCredentialsNotFoundException("not logged in");
        }
        Set<String> groups = auth.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(KefuGroups.GROUP_AUTHORITY_PREFIX))
                .map(a -> a.substring(KefuGroups.GROUP_AUTHORITY_PREFIX.length()))
                .collect(Collectors.toUnmodifiableSet());
        return new CurrentUser(auth.getName(), groups);
    }

    public boolean inGroup(String group) {
        return groups.contains(group);
    }

    public boolean isSupervisorOrManager() {
        return inGroup(KefuGroups.SUPERVISORS) || inGroup(KefuGroups.MANAGERS) || inGroup(KefuGroups.ADMINS);
    }

    public boolean isAuditor() {
        return inGroup(KefuGroups.AUDITORS);
    }
}
