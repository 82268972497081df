package io.kefu.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * One set of users for all of Kefu: Kefu's API and pages check passwords against Camunda's identity service, the
 * same users and groups Tasklist, Cockpit and the engine REST API use.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identityService;

    CamundaIdentityAuthenticationProvider(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (userId == null || userId.isBlank() || credentials == null
                || !identityService.checkPassword(userId, credentials.toString())) {
            throw new BadCredentialsException("用户名或密码错误");
        }
        return withAuthorities(userId);
    }

    /**
     * A user someone else authenticated (Camunda's webapp login, {@link CamundaWebappSession}), with the authorities
     * their groups give today; none when the user no longer exists.
     */
    Optional<Authentication> authenticated(String userId) {
        if (identityService.createUserQuery().userId(userId).count() == 0) {
            return Optional.empty();
        }
        return Optional.of(withAuthorities(userId));
    }

    private Authentication withAuthorities(String userId) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        boolean staff = false;
        for (Group group : identityService.createGroupQuery().groupMember(userId).list()) {
            authorities.add(new SimpleGrantedAuthority(KefuGroups.GROUP_AUTHORITY_PREFIX + group.getId()));
            if (KefuGroups.AUDITORS.equals(group.getId())) {
                authorities.add(new SimpleGrantedAuthority(KefuGroups.ROLE_AUDITOR));
            } else {
                staff = true;
            }
        }
        if (staff) {
            authorities.add(new SimpleGrantedAuthority(KefuGroups.ROLE_STAFF));
        }
        return UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
