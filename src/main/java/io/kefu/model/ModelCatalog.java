package io.kefu.model;

import io.kefu.shared.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.management.ProcessDefinitionStatistics;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** Every process, decision and form Kefu runs, version by version: when, by whom, how many cases on each. */
@Service
class ModelCatalog {

    private final RepositoryService repositoryService;
    private final ManagementService managementService;
    private final ModelAuditLog audit;
    private final JdbcTemplate jdbc;

    ModelCatalog(RepositoryService repositoryService, ManagementService managementService, ModelAuditLog audit,
            JdbcTemplate jdbc) {
        this.repositoryService = repositoryService;
        this.managementService = managementService;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    /** One version of a model. {@code deployedBy} is "system" for the start-up deployment, "unknown" if unrecorded. */
    record Version(int version, String id, String name, String versionTag, String deploymentId, String resource,
            Instant deployedAt, String deployedBy, String source, Long runningCases, String xmlUrl) {
    }

    record Model(String type, String key, String name, List<Version> versions) {
    }

    record Catalog(List<Model> processes, List<Model> decisions, List<Model> forms) {
    }

    Catalog catalog() {
        Map<String, Deployment> deployments = repositoryService.createDeploymentQuery().list().stream()
                .collect(Collectors.toMap(Deployment::getId, Function.identity()));
        Map<String, ModelAuditLog.DeploymentEntry> recorded = new LinkedHashMap<>();
        audit.deployments(ModelAuditLog.ALL).stream().filter(entry -> entry.deploymentId() != null)
                .forEach(entry -> recorded.putIfAbsent(entry.deploymentId(), entry));

        // running instances of every version at once (one grouped query, not one count per version)
        Map<String, Long> runningByDefinition = managementService.createProcessDefinitionStatisticsQuery().list()
                .stream().collect(Collectors.toMap(ProcessDefinitionStatistics::getId, s -> (long) s.getInstances()));
        Map<String, List<Version>> processes = new LinkedHashMap<>();
        Map<String, String> processNames = new LinkedHashMap<>();
        for (ProcessDefinition definition : repositoryService.createProcessDefinitionQuery()
                .orderByProcessDefinitionKey().asc().orderByProcessDefinitionVersion().desc().list()) {
            long running = runningByDefinition.getOrDefault(definition.getId(), 0L);
            processes.computeIfAbsent(definition.getKey(), k -> new ArrayList<>()).add(version(definition.getVersion(),
                    definition.getId(), definition.getName(), definition.getVersionTag(), definition.getDeploymentId(),
                    definition.getResourceName(), deployments, recorded, running,
                    "/api/models/processes/" + definition.getKey() + "/versions/" + definition.getVersion() + "/xml"));
            processNames.putIfAbsent(definition.getKey(), definition.getName());
        }
        Map<String, List<Version>> decisions = new LinkedHashMap<>();
        Map<String, String> decisionNames = new LinkedHashMap<>();
        for (DecisionDefinition definition : repositoryService.createDecisionDefinitionQuery()
                .orderByDecisionDefinitionKey().asc().orderByDecisionDefinitionVersion().desc().list()) {
            decisions.computeIfAbsent(definition.getKey(), k -> new ArrayList<>()).add(version(definition.getVersion(),
                    definition.getId(), definition.getName(), definition.getVersionTag(), definition.getDeploymentId(),
                    definition.getResourceName(), deployments, recorded, null,
                    "/api/models/decisions/" + definition.getKey() + "/versions/" + definition.getVersion() + "/xml"));
            decisionNames.putIfAbsent(definition.getKey(), definition.getName());
        }
        Map<String, List<Version>> forms = new LinkedHashMap<>();
        // Camunda has no query API for form definitions; its table is read directly
        jdbc.query("select ID_, KEY_, VERSION_, DEPLOYMENT_ID_, RESOURCE_NAME_ from ACT_RE_CAMFORMDEF"
                + " order by KEY_, VERSION_ desc", rs -> {
                    forms.computeIfAbsent(rs.getString("KEY_"), k -> new ArrayList<>()).add(version(
                            rs.getInt("VERSION_"), rs.getString("ID_"), null, null, rs.getString("DEPLOYMENT_ID_"),
                            rs.getString("RESOURCE_NAME_"), deployments, recorded, null, null));
                });
        return new Catalog(models("process", processes, processNames), models("decision", decisions, decisionNames),
                models("form", forms, formNames(processes)));
    }

    /**
     * A form has no name of its own: it is called by the steps that show it in the current version of each process
     * (「投诉判断」, 「投诉处理 · 发起」), so a manager finds it by what people see.
     */
    private Map<String, String> formNames(Map<String, List<Version>> processes) {
        Map<String, java.util.Set<String>> names = new LinkedHashMap<>();
        for (List<Version> versions : processes.values()) {
            var model = repositoryService.getBpmnModelInstance(versions.get(0).id());
            for (var task : model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.UserTask.class)) {
                if (task.getCamundaFormRef() != null && task.getName() != null) {
                    names.computeIfAbsent(task.getCamundaFormRef(), k -> new java.util.LinkedHashSet<>())
                            .add(task.getName());
                }
            }
            for (var start : model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.StartEvent.class)) {
                if (start.getCamundaFormRef() != null) {
                    names.computeIfAbsent(start.getCamundaFormRef(), k -> new java.util.LinkedHashSet<>())
                            .add(versions.get(0).name() + " · 发起");
                }
            }
        }
        Map<String, String> joined = new LinkedHashMap<>();
        names.forEach((form, steps) -> joined.put(form, String.join("、", steps)));
        return joined;
    }

    private static List<Model> models(String type, Map<String, List<Version>> versions, Map<String, String> names) {
        return versions.entrySet().stream()
                .map(e -> new Model(type, e.getKey(), names.get(e.getKey()), e.getValue()))
                .sorted(Comparator.comparing(Model::key))
                .toList();
    }

    private static Version version(int version, String id, String name, String versionTag, String deploymentId,
            String resource, Map<String, Deployment> deployments, Map<String, ModelAuditLog.DeploymentEntry> recorded,
            Long running, String xmlUrl) {
        Deployment deployment = deployments.get(deploymentId);
        ModelAuditLog.DeploymentEntry entry = recorded.get(deploymentId);
        String shortResource = resource == null ? null : new ModelResource(resource, new byte[0]).displayName();
        return new Version(version, id, name, versionTag, deploymentId, shortResource,
                deployment == null || deployment.getDeploymentTime() == null ? null
                        : deployment.getDeploymentTime().toInstant(),
                entry != null ? entry.actor() : "unknown",
                entry != null && entry.source() != null ? entry.source()
                        : deployment == null ? null : deployment.getSource(),
                running, xmlUrl);
    }

    ProcessDefinition processVersion(String key, int version) {
        ProcessDefinition definition = repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(key).processDefinitionVersion(version).singleResult();
        if (definition == null) {
            throw new NotFoundException("流程 " + key + " 没有第 " + version + " 版");
        }
        return definition;
    }

    DecisionDefinition decisionVersion(String key, int version) {
        DecisionDefinition definition = repositoryService.createDecisionDefinitionQuery()
                .decisionDefinitionKey(key).decisionDefinitionVersion(version).singleResult();
        if (definition == null) {
            throw new NotFoundException("决策 " + key + " 没有第 " + version + " 版");
        }
        return definition;
    }

    String processXml(String key, int version) {
        return read(repositoryService.getProcessModel(processVersion(key, version).getId()));
    }

    String decisionXml(String key, int version) {
        return read(repositoryService.getDecisionModel(decisionVersion(key, version).getId()));
    }

    private static String read(java.io.InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
