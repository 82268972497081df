package io.kefu.model;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Every deployment the engine takes — Kefu's console, Camunda Modeler through {@code /engine-rest/deployment/create},
 * the start-up auto-deployment — passes {@link ModelValidator} first. A pre-deployer sees the whole deployment (BPMN,
 * DMN and forms together) inside the deploying transaction, before any definition exists, so throwing here leaves
 * nothing behind. The engine REST API answers a refusal with 400 and the reasons in plain words.
 * <p>
 * A deployment made by a logged-in person is refused when it has problems. Kefu's own deployments without a user (the
 * models under {@code processes/} at start-up) are checked the same way, but problems are logged and recorded rather
 * than stopping the application: {@code ShippedModelsTest} keeps those models clean in the build.
 */
@Component
class ModelValidationPlugin extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(ModelValidationPlugin.class);

    private final ObjectProvider<ModelValidator> validator;
    private final ObjectProvider<ModelAuditLog> audit;

    ModelValidationPlugin(ObjectProvider<ModelValidator> validator, ObjectProvider<ModelAuditLog> audit) {
        this.validator = validator;
        this.audit = audit;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreDeployers() == null) {
            configuration.setCustomPreDeployers(new ArrayList<>());
        }
        configuration.getCustomPreDeployers().add(this::check);
    }

    /** Deployers also run when a deployment is loaded into a node's cache again; only new deployments are checked. */
    void check(DeploymentEntity deployment) {
        if (!deployment.isNew()) {
            return;
        }
        CommandContext commandContext = Context.getCommandContext();
        String user = commandContext.getAuthenticatedUserId();
        List<ModelResource> resources = deployment.getResources() == null ? List.of()
                : deployment.getResources().values().stream()
                        .map(resource -> new ModelResource(resource.getName(), resource.getBytes()))
                        .toList();
        ValidationReport report = validator.getObject().validate(resources, commandContext);
        String actor = user != null ? user : ModelAuditLog.SYSTEM;
        if (!report.valid()) {
            if (user != null) {
                log.warn("Deployment '{}' by {} refused: {}", deployment.getName(), user, report.summary());
                audit.getObject().refused(actor, deployment.getSource(), deployment.getName(), report);
                throw new BadUserRequestException("部署被拒绝(Kefu 校验未通过)。" + report.summary());
            }
            log.error("Kefu's own models have problems (deployed all the same, fix them): {}", report.summary());
        }
        audit.getObject().deployed(actor, deployment.getSource(), deployment.getName(), deployment.getId(), report);
    }
}
