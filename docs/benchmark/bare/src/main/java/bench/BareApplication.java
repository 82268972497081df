package bench;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * The bare engine of Kefu's benchmark (docs/benchmark.md): Camunda with the complaint BPMN that
 * docs/benchmark/BareModel.java generates from Kefu's, the same users, groups and start rights, HTTP Basic on
 * /engine-rest like Kefu, and one stand-in delegate for every service task. Nothing else.
 */
@SpringBootApplication
public class BareApplication {

    static final List<String> DEPARTMENTS = List.of("sales", "business", "warehouse", "finance", "tech", "service");

    public static void main(String[] args) {
        SpringApplication.run(BareApplication.class, args);
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

    /**
     * Every service task of the generated model. It writes nothing but the variables the path's gateways, assignments
     * and timers read, which Kefu's delegates compute from its database (customer tier, deadlines, repeat rule).
     */
    @Bean
    JavaDelegate benchStep() {
        return execution -> {
            if (!execution.hasVariable("customerTier")) {
                execution.setVariable("customerTier", "B");
            }
            Object classification = execution.getVariable("classification");
            if (classification instanceof Map<?, ?> result && !execution.hasVariable("responseDue")) {
                Instant now = Instant.now();
                execution.setVariable("responseDue", Date.from(now.plus(
                        ((Number) result.get("responseHours")).longValue(), ChronoUnit.HOURS)));
                execution.setVariable("resolutionDue", Date.from(now.plus(
                        ((Number) result.get("resolutionHours")).longValue(), ChronoUnit.HOURS)));
                execution.setVariable("returnVisitDue", Date.from(now.plus(30, ChronoUnit.DAYS)));
                execution.setVariable("notifyManager", result.get("notifyManager"));
                execution.setVariable("managerApproval", result.get("managerApproval"));
                execution.setVariable("repeatComplaint", false);
            }
        };
    }

    /**
     * Kefu's demo users and groups for the complaint path (password = user id) and the right to start it, made once
     * the engine is built, before the web server takes requests.
     */
    @Bean
    ProcessEnginePlugin usersAndRights() {
        return new AbstractProcessEnginePlugin() {
            @Override
            public void postProcessEngineBuild(ProcessEngine engine) {
                usersAndRights(engine.getIdentityService(), engine.getAuthorizationService());
            }
        };
    }

    static void usersAndRights(IdentityService identity, AuthorizationService authorizations) {
        if (identity.createUserQuery().userId("agent").count() > 0) {
            return;
        }
        user(identity, "agent", "agents");
        user(identity, "agent2", "agents");
        user(identity, "supervisor", "supervisors");
        user(identity, "manager", "managers");
        for (String department : DEPARTMENTS) {
            user(identity, department, "dept-" + department);
        }
        for (String group : List.of("agents", "supervisors", "managers")) {
            grant(authorizations, group, Resources.PROCESS_DEFINITION, "complaint-handling",
                    Permissions.READ, Permissions.CREATE_INSTANCE);
            grant(authorizations, group, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
        }
    }

    private static void user(IdentityService identity, String id, String group) {
        if (identity.createGroupQuery().groupId(group).count() == 0) {
            var g = identity.newGroup(group);
            g.setName(group);
            identity.saveGroup(g);
        }
        var user = identity.newUser(id);
        user.setFirstName(id);
        user.setLastName(id);
        user.setPassword(id);
        identity.saveUser(user);
        identity.createMembership(id, group);
    }

    private static void grant(AuthorizationService authorizations, String group, Resources resource, String id,
            Permissions... permissions) {
        Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId(group);
        grant.setResource(resource);
        grant.setResourceId(id);
        for (Permissions permission : permissions) {
            grant.addPermission(permission);
        }
        authorizations.saveAuthorization(grant);
    }
}
