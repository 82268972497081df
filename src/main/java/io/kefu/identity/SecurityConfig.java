package io.kefu.identity;

import io.kefu.shared.web.SecurityProblems;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Nothing in Kefu answers without a login. Kefu's API and pages use Spring Security against Camunda's users;
 * Tasklist, Cockpit and Admin ({@code /camunda}) have Camunda's own login, and the engine REST API
 * ({@code /engine-rest}) Camunda's HTTP Basic filter, so that Camunda's authorizations apply there. Browsers get
 * Kefu's own login page in Chinese ({@link LoginPage}); API clients HTTP Basic and 401/403 as problem details.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    SecurityFilterChain kefuSecurity(HttpSecurity http, SecurityProblems problems) throws Exception {
        var api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
        var actuator = PathPatternRequestMatcher.withDefaults().matcher("/actuator/**");
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/camunda/**", "/engine-rest/**").permitAll()
                        .requestMatchers("/actuator/health/**").permitAll()
                        .requestMatchers("/", "/error", "/favicon.ico").permitAll()
                        // the login page's look; otherwise its request would be saved as the page to return to
                        .requestMatchers(HttpMethod.GET, "/console/console.css").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/**").authenticated()
                        .requestMatchers("/api/**").hasAuthority(KefuGroups.ROLE_STAFF)
                        .anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                .formLogin(form -> form.loginPage("/login").permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
                // API clients and metric scrapers get 401 (problem details), not a redirect to the login page
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor(problems.unauthorized(), api)
                        .defaultAuthenticationEntryPointFor(problems.unauthorized(), actuator)
                        .defaultAccessDeniedHandlerFor(problems.forbidden(), api))
                // Kefu's API is called with HTTP Basic by other systems; Camunda's webapps bring their own CSRF filter
                .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**", "/camunda/**", "/engine-rest/**"));
        return http.build();
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
