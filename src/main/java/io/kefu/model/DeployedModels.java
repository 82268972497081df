package io.kefu.model;

import io.kefu.identity.KefuGroups;
import io.kefu.shared.AuthorizationChecks;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;

/**
 * What a model may refer to that is already in the engine: groups and users, the latest deployed forms and decisions.
 * Runs inside an engine command, so it sees what the deployment being checked sees; without authorization checks,
 * because whether a group exists is no secret the deployer must be allowed to read.
 */
final class DeployedModels {

    private final CommandContext commandContext;

    DeployedModels(CommandContext commandContext) {
        this.commandContext = commandContext;
    }

    /**
     * A group exists if Camunda knows it, or if it is one of the groups Kefu itself creates at every start: on an empty
     * database Kefu's own processes are deployed before the groups are created.
     */
    boolean groupExists(String groupId) {
        return kefuGroups().contains(groupId)
                || withoutAuthorization(() -> commandContext.getReadOnlyIdentityProvider().findGroupById(groupId) != null);
    }

    boolean userExists(String userId) {
        return withoutAuthorization(() -> commandContext.getReadOnlyIdentityProvider().findUserById(userId) != null);
    }

    boolean formDeployed(String formKey) {
        return withoutAuthorization(
                () -> commandContext.getCamundaFormDefinitionManager().findLatestDefinitionByKey(formKey) != null);
    }

    /** The content of the latest deployed form with this key, if there is one. */
    Optional<byte[]> latestForm(String formKey) {
        return withoutAuthorization(() -> {
            var definition = commandContext.getCamundaFormDefinitionManager().findLatestDefinitionByKey(formKey);
            if (definition == null) {
                return Optional.empty();
            }
            ResourceEntity resource = commandContext.getResourceManager().findResourceByDeploymentIdAndResourceName(
                    definition.getDeploymentId(), definition.getResourceName());
            return Optional.ofNullable(resource == null ? null : resource.getBytes());
        });
    }

    /** The output names of the latest deployed decision with this key, if there is one. */
    Optional<List<String>> decisionOutputs(String decisionKey) {
        return withoutAuthorization(() -> {
            var definition = commandContext.getDecisionDefinitionManager().findLatestDecisionDefinitionByKey(decisionKey);
            if (definition == null) {
                return Optional.empty();
            }
            ResourceEntity resource = commandContext.getResourceManager().findResourceByDeploymentIdAndResourceName(
                    definition.getDeploymentId(), definition.getResourceName());
            if (resource == null) {
                return Optional.of(List.of());
            }
            DmnModelInstance model = Dmn.readModelFromStream(new ByteArrayInputStream(resource.getBytes()));
            return Optional.of(outputsOf(model.getModelElementById(decisionKey)));
        });
    }

    static List<String> outputsOf(Decision decision) {
        List<String> outputs = new ArrayList<>();
        if (decision != null && decision.getExpression() instanceof DecisionTable table) {
            for (Output output : table.getOutputs()) {
                outputs.add(output.getName() != null ? output.getName() : output.getId());
            }
        }
        return outputs;
    }

    static List<String> kefuGroups() {
        return Stream.concat(
                        Stream.concat(KefuGroups.workingGroups().stream(), Stream.of(KefuGroups.AUDITORS, KefuGroups.ADMINS)),
                        Stream.of(KefuGroups.Department.values()).map(KefuGroups.Department::groupId))
                .toList();
    }

    private <T> T withoutAuthorization(java.util.function.Supplier<T> query) {
        return AuthorizationChecks.withoutAuthorizationCheck(commandContext, query);
    }
}
