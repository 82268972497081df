package io.kefu.model;

import io.kefu.identity.CurrentUser;
import io.kefu.identity.KefuGroups;
import io.kefu.shared.InvalidInputException;
import io.kefu.shared.time.Now;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/** Deploys what a manager uploads in the console: validated first, then deployed in the manager's name. */
@Service
class ModelDeployments {

    private static final Logger log = LoggerFactory.getLogger(ModelDeployments.class);
    static final String SOURCE = "kefu-console";

    private final ModelValidator validator;
    private final ModelAuditLog audit;
    private final RepositoryService repositoryService;
    private final IdentityService identityService;

    ModelDeployments(ModelValidator validator, ModelAuditLog audit, RepositoryService repositoryService,
            IdentityService identityService) {
        this.validator = validator;
        this.audit = audit;
        this.repositoryService = repositoryService;
        this.identityService = identityService;
    }

    /** A definition the deployment created: a new version of a process, decision or form. */
    record DeployedDefinition(String type, String key, String name, int version, String id) {
    }

    /**
     * What came of an upload. {@code unchanged}: every file was identical to what this deployment name deployed last,
     * so the engine made no new version (duplicate filtering).
     */
    record DeploymentResult(boolean deployed, boolean unchanged, String deploymentId, String name, Instant deployedAt,
            List<DeployedDefinition> definitions, ValidationReport validation) {
    }

    static boolean mayDeploy(CurrentUser user) {
        return user.inGroup(KefuGroups.MANAGERS) || user.inGroup(KefuGroups.ADMINS);
    }

    ValidationReport validate(List<ModelResource> files) {
        requireModels(files);
        return validator.validate(files);
    }

    DeploymentResult deploy(String name, List<ModelResource> files, CurrentUser user) {
        String deploymentName = name == null || name.isBlank() ? defaultName(files) : name.trim();
        if (!mayDeploy(user)) {
            log.warn("Deployment '{}' by {} refused: not a manager", deploymentName, user.id());
            audit.refusedUnauthorized(user.id(), SOURCE, "无权部署:只有客服经理和系统管理员可以部署流程");
            throw new AccessDeniedException("only managers deploy");
        }
        requireModels(files);
        ValidationReport report = validator.validate(files);
        if (!report.valid()) {
            audit.refused(user.id(), SOURCE, deploymentName, report);
            return new DeploymentResult(false, false, null, deploymentName, null, List.of(), report);
        }
        Instant started = Now.instant();
        DeploymentBuilder builder = repositoryService.createDeployment()
                .name(deploymentName)
                .source(SOURCE)
                .enableDuplicateFiltering(true);
        files.forEach(file -> builder.addInputStream(file.name(), new ByteArrayInputStream(file.content())));
        DeploymentWithDefinitions deployment;
        // in the manager's name: the engine checks their DEPLOYMENT CREATE grant and the audit trail names them
        identityService.setAuthentication(user.id(), List.copyOf(user.groups()));
        try {
            deployment = builder.deployWithResult();
        } finally {
            identityService.clearAuthentication();
        }
        List<DeployedDefinition> definitions = new ArrayList<>();
        if (deployment.getDeployedProcessDefinitions() != null) {
            deployment.getDeployedProcessDefinitions().forEach(d -> definitions.add(
                    new DeployedDefinition("process", d.getKey(), d.getName(), d.getVersion(), d.getId())));
        }
        if (deployment.getDeployedDecisionDefinitions() != null) {
            deployment.getDeployedDecisionDefinitions().forEach(d -> definitions.add(
                    new DeployedDefinition("decision", d.getKey(), d.getName(), d.getVersion(), d.getId())));
        }
        boolean unchanged = deployment.getDeploymentTime() != null
                && deployment.getDeploymentTime().toInstant().isBefore(started.minusSeconds(1));
        return new DeploymentResult(true, unchanged, deployment.getId(), deployment.getName(),
                deployment.getDeploymentTime() == null ? null : deployment.getDeploymentTime().toInstant(),
                definitions, report);
    }

    private static void requireModels(List<ModelResource> files) {
        if (files == null || files.isEmpty()) {
            throw InvalidInputException.of("files", "请至少上传一个 .bpmn、.dmn 或 .form 文件");
        }
        for (ModelResource file : files) {
            if (file.kind() == ModelResource.Kind.OTHER) {
                throw InvalidInputException.of("files", "「" + file.name() + "」不是 .bpmn、.dmn 或 .form 文件");
            }
        }
    }

    private static String defaultName(List<ModelResource> files) {
        String joined = files == null || files.isEmpty() ? SOURCE
                : String.join(", ", files.stream().map(ModelResource::name).toList());
        return joined.length() <= 200 ? joined : joined.substring(0, 200);
    }
}
