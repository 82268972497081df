package io.kefu.model;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A deployment through the engine REST API (Camunda Modeler) that Camunda refuses for lack of the DEPLOYMENT CREATE
 * grant never reaches the deployers, so it is recorded here, after Camunda has answered 403. Refusals for invalid
 * models are recorded by {@link ModelValidationPlugin} with their reasons.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestDeploymentAudit {

    private static final Logger log = LoggerFactory.getLogger(EngineRestDeploymentAudit.class);
    /** The multipart body (with Modeler's deployment-source) is Camunda's to read; the refusal names the API. */
    static final String SOURCE = "engine-rest";

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> engineRestDeploymentAuditFilter(ModelAuditLog audit) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                chain.doFilter(request, response);
                if ("POST".equals(request.getMethod()) && response.getStatus() == HttpServletResponse.SC_FORBIDDEN) {
                    String user = basicUser(request.getHeader("Authorization"));
                    log.warn("Deployment through the engine REST API by {} refused: no DEPLOYMENT CREATE grant", user);
                    audit.refusedUnauthorized(user, SOURCE, "无权部署:只有客服经理和系统管理员可以部署流程");
                }
            }
        });
        registration.setName("kefu-engine-rest-deployment-audit");
        registration.addUrlPatterns("/engine-rest/deployment/create");
        // outside Camunda's authentication filter, so that its 403 is seen
        registration.setOrder(-200);
        return registration;
    }

    static String basicUser(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return "unknown";
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon > 0 ? decoded.substring(0, Math.min(colon, 64)) : "unknown";
        } catch (IllegalArgumentException e) {
            return "unknown";
        }
    }
}
