package io.kefu.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tasklist's plugins (the 附件 tab) call Kefu's {@code /api} with the login the user made in Tasklist: the same
 * session cookie, but Camunda's own login ({@link Authentications} in the session), not Spring Security's. An
 * {@code /api} request that carries Camunda's CSRF token in {@code X-XSRF-TOKEN} — which Tasklist holds and a page of
 * another site cannot read — equal to the session's ({@link #CAMUNDA_TOKEN_MATCHES}, the check Camunda's own CSRF
 * filter makes for Tasklist's writes) acts as the Camunda webapp user of the default engine: for this request only,
 * never stored as a Kefu login, with the authorities a password login would get
 * ({@link CamundaIdentityAuthenticationProvider#authenticated}). Without that token nothing changes: reads and
 * writes need Kefu's own login, and writes Spring Security's CSRF token.
 */
class CamundaWebappSession extends OncePerRequestFilter {

    private static final String ENGINE = "default";

    /** The request carries the session's Camunda CSRF token (compared in constant time). */
    static final RequestMatcher CAMUNDA_TOKEN_MATCHES = request -> {
        HttpSession session = request.getSession(false);
        String header = request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME);
        Object expected = session == null ? null : session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
        return header != null && !header.isBlank() && expected instanceof String token && !token.isBlank()
                && MessageDigest.isEqual(header.getBytes(StandardCharsets.UTF_8),
                        token.getBytes(StandardCharsets.UTF_8));
    };

    private final CamundaIdentityAuthenticationProvider identity;
    private final RequestMatcher applies;

    CamundaWebappSession(CamundaIdentityAuthenticationProvider identity, RequestMatcher applies) {
        this.identity = identity;
        this.applies = applies;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !applies.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && CAMUNDA_TOKEN_MATCHES.matches(request)) {
            Authentications logins = AuthenticationUtil.getAuthsFromSession(session);
            if (logins != null && logins.getAuthenticationForProcessEngine(ENGINE) instanceof UserAuthentication user
                    && user.getName() != null) {
                identity.authenticated(user.getName()).ifPresent(authentication -> {
                    SecurityContext context = SecurityContextHolder.createEmptyContext();
                    context.setAuthentication(authentication);
                    SecurityContextHolder.setContext(context);
                });
            }
        }
        chain.doFilter(request, response);
    }
}
