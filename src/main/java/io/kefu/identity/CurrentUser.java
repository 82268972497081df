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

    /**
     * The customer-service centre's front line: agents, supervisors, managers (and administrators). They take calls,
     * register customers, complaints and inquiries, and look callers up by number; departments, auditors and the
     * archive do none of that.
     */
    public boolean isHotlineStaff() {
        return inGroup(KefuGroups.AGENTS) || isSupervisorOrManager();
    }

    /**
     * May filter or sort lists by personal data (a caller's number, a contact's name, an address): hotline staff, who
     * need caller-number lookup. Everyone else reads such data masked and must not use it as a search key either, or
     * a few searches would confirm what the mask hides.
     */
    public boolean maySearchByPersonalData() {
        return isHotlineStaff();
    }
}
