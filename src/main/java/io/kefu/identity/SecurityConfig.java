package io.kefu.identity;

import io.kefu.shared.web.SecurityProblems;
import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Nothing in Kefu answers without a login. Kefu's API and pages use Spring Security against Camunda's users;
 * Tasklist, Cockpit and Admin ({@code /camunda}) have Camunda's own login, and the engine REST API
 * ({@code /engine-rest}) Camunda's HTTP Basic filter, so that Camunda's authorizations apply there. Browsers get
 * Kefu's own login page in Chinese ({@link LoginPage}); API clients HTTP Basic and 401/403 as problem details.
 * <p>
 * No page of another site can write in a user's name: every write, {@code /api} included, carries the session's
 * CSRF token unless it comes from an HTTP Basic client ({@link #NEEDS_CSRF_TOKEN}); the session cookie is
 * {@code SameSite=Lax} ({@code server.servlet.session.cookie.same-site}); HTTP Basic never creates a session; Kefu's
 * own responses carry a Content-Security-Policy that allows only Kefu's own scripts, styles and forms.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    /** Camunda's webapps and the engine REST API: Camunda authenticates there, with its own login and filter. */
    private static final RequestMatcher CAMUNDA_OWN = new OrRequestMatcher(
            PathPatternRequestMatcher.withDefaults().matcher("/camunda/**"),
            PathPatternRequestMatcher.withDefaults().matcher("/engine-rest/**"));

    /** Kefu's own pages and API. Camunda's webapps send their own security headers; the engine REST API is Camunda's. */
    private static final RequestMatcher KEFU_OWN = new NegatedRequestMatcher(CAMUNDA_OWN);

    /**
     * Only Kefu's own files: no inline script or style, no plug-ins, no form posts to other sites, and no framing at
     * all (no Kefu page frames another; the same as the {@code X-Frame-Options: DENY} Spring Security sends).
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /**
     * An HTTP Basic client (another system, a script) sends its credentials with each request and has no session,
     * so a page of another site cannot borrow them — unless a browser remembered Basic credentials from a login
     * prompt and attaches them itself: such a request says where it comes from ({@code Sec-Fetch-Site}).
     */
    private static final RequestMatcher HTTP_BASIC_CLIENT = request -> {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)
                && request.getRequestedSessionId() == null
                && !fromAnotherSite(request);
    };

    /** Tasklist's plugins calling the API with Camunda's login and Camunda's CSRF token ({@link CamundaWebappSession}). */
    private static final RequestMatcher TASKLIST_PLUGIN = new AndRequestMatcher(
            PathPatternRequestMatcher.withDefaults().matcher("/api/**"), CamundaWebappSession.CAMUNDA_TOKEN_MATCHES);

    /**
     * Spring Security's default — every write (POST, PUT, PATCH, DELETE) — except those of HTTP Basic clients and
     * those that carry the session's Camunda CSRF token instead (Tasklist's plugins): a secret of the session either way.
     */
    private static final RequestMatcher NEEDS_CSRF_TOKEN = new AndRequestMatcher(CsrfFilter.DEFAULT_CSRF_MATCHER,
            new NegatedRequestMatcher(HTTP_BASIC_CLIENT), new NegatedRequestMatcher(TASKLIST_PLUGIN));

    /**
     * Camunda's webapps ({@code /camunda}, Camunda's login) and the engine REST API ({@code /engine-rest}, Camunda's
     * HTTP Basic filter {@link #engineRestAuthentication}) authenticate on their own: Spring Security neither checks a
     * password there (which would hash each engine REST request's password twice), nor keeps a login in the session,
     * nor asks for its CSRF token (the webapps bring their own CSRF filter). It still writes its default security
     * headers, as for every response; Kefu's Content-Security-Policy and Referrer-Policy are for Kefu's own pages.
     */
    @Bean
    @Order(1)
    SecurityFilterChain camundaSecurity(HttpSecurity http) throws Exception {
        http.securityMatcher(CAMUNDA_OWN)
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.securityContextRepository(
                        new RequestAttributeSecurityContextRepository()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain kefuSecurity(HttpSecurity http, SecurityProblems problems,
            CamundaIdentityAuthenticationProvider identity) throws Exception {
        var api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
        var actuator = PathPatternRequestMatcher.withDefaults().matcher("/actuator/**");
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health/**").permitAll()
                        .requestMatchers("/", "/error", "/favicon.ico").permitAll()
                        // the login page's look; otherwise its request would be saved as the page to return to
                        .requestMatchers(HttpMethod.GET, "/console/console.css").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/**").authenticated()
                        .requestMatchers("/api/**").hasAuthority(KefuGroups.ROLE_STAFF)
                        .anyRequest().authenticated())
                // each Basic request authenticates on its own: no session (and so no session cookie) to borrow
                .httpBasic(basic -> basic.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .formLogin(form -> form.loginPage("/login").permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
                // API clients and metric scrapers get 401 (problem details), not a redirect to the login page; a write
                // to the API without a login is a 401 too, even though its missing CSRF token is noticed first
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor(problems.unauthorized(), api)
                        .defaultAuthenticationEntryPointFor(problems.unauthorized(), actuator)
                        .defaultAccessDeniedHandlerFor(problems.forbidden(), api)
                        // pages (a login form without its token, say) get Spring's 403 error page
                        .defaultAccessDeniedHandlerFor(new AccessDeniedHandlerImpl(), AnyRequestMatcher.INSTANCE))
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(NEEDS_CSRF_TOKEN))
                .addFilterAfter(new CamundaWebappSession(identity, TASKLIST_PLUGIN), SecurityContextHolderFilter.class)
                .headers(headers -> headers
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(KEFU_OWN,
                                new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(KEFU_OWN,
                                new ReferrerPolicyHeaderWriter(ReferrerPolicy.SAME_ORIGIN))));
        return http.build();
    }

    /** A browser's own word (Fetch Metadata) that a page of another site, or a sibling subdomain, sent the request. */
    private static boolean fromAnotherSite(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        return "cross-site".equals(site) || "same-site".equals(site);
    }

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("camunda-auth");
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        return registration;
    }
}
