package io.kefu.model;

import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import io.kefu.identity.CurrentUser;
import io.kefu.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.InclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.ParallelGateway;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.ManualTask;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves running cases to another version of their process with Camunda's migration API (Community Edition has no
 * migration UI: this is Kefu's). The plan maps equal activities; each case is tried in a transaction that is rolled
 * back, so the manager sees which cases can move and why others cannot before anything moves.
 */
@Service
class ModelMigrations implements CaseModelHistory {

    private static final Logger log = LoggerFactory.getLogger(ModelMigrations.class);
    /** More cases than this move in a batch (by the job executor) instead of in the request. */
    static final int SYNC_LIMIT = 50;
    /** The dry run tries at most this many cases; the rest are listed without a verdict. */
    static final int DRY_RUN_LIMIT = 200;

    private final RuntimeService runtimeService;
    private final RepositoryService repositoryService;
    private final IdentityService identityService;
    private final ModelCatalog catalog;
    private final ModelAuditLog audit;
    private final TransactionTemplate transaction;

    ModelMigrations(RuntimeService runtimeService, RepositoryService repositoryService, IdentityService identityService,
            ModelCatalog catalog, ModelAuditLog audit, PlatformTransactionManager transactionManager) {
        this.runtimeService = runtimeService;
        this.repositoryService = repositoryService;
        this.identityService = identityService;
        this.catalog = catalog;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    record Mapping(String sourceActivityId, String targetActivityId, String name) {
    }

    record Unmapped(String activityId, String type, String name, String reason) {
    }

    /** A case and where it waits: {@code activeSteps} are the steps' names, as the manager knows them. */
    record CaseCheck(String processInstanceId, String businessKey, List<String> activeActivities,
            List<String> activeSteps, Boolean canMigrate, List<String> reasons) {
    }

    /**
     * A step that differs between the two versions, said in the manager's words: added, removed, renamed, changed in
     * kind, moved to another sub-process, or kept but not movable by the engine.
     */
    record Difference(String activityId, String name, String kind, String text) {
    }

    record Plan(String key, int from, int to, String sourceDefinitionId, String targetDefinitionId,
            List<Mapping> mappings, List<Unmapped> unmapped, List<Difference> differences, List<String> planProblems,
            List<CaseCheck> cases) {
    }

    record MigrationRequest(@Positive(message = "版本号须为正整数") Integer from,
            @Positive(message = "版本号须为正整数") Integer to,
            @Size(max = 10000, message = "一次最多迁移 10000 个案件")
            List<@Size(max = 64, message = "流程实例编号最多 64 个字符") String> processInstanceIds, Boolean async) {
    }

    record MigrationResult(String key, int from, int to, List<String> migrated, String batchId) {
    }

    Plan plan(String key, int from, int to) {
        ProcessDefinition source = catalog.processVersion(key, from);
        ProcessDefinition target = catalog.processVersion(key, to);
        List<String> planProblems = new ArrayList<>();
        MigrationPlan plan = build(source, target, planProblems);
        BpmnModelInstance sourceModel = repositoryService.getBpmnModelInstance(source.getId());
        BpmnModelInstance targetModel = repositoryService.getBpmnModelInstance(target.getId());
        Map<String, String> mapped = plan == null ? Map.of() : plan.getInstructions().stream()
                .collect(Collectors.toMap(MigrationInstruction::getSourceActivityId,
                        MigrationInstruction::getTargetActivityId, (a, b) -> a));
        List<Mapping> mappings = mapped.entrySet().stream()
                .map(e -> new Mapping(e.getKey(), e.getValue(), nameOf(sourceModel, e.getKey())))
                .sorted(Comparator.comparing(Mapping::sourceActivityId)).toList();
        List<Unmapped> unmapped = new ArrayList<>();
        List<Difference> differences = new ArrayList<>();
        for (FlowNode node : sourceModel.getModelElementsByType(FlowNode.class)) {
            FlowNode after = targetModel.getModelElementById(node.getId()) instanceof FlowNode same ? same : null;
            String name = stepName(node);
            if (mapped.containsKey(node.getId())) {
                FlowNode renamed = targetModel.getModelElementById(mapped.get(node.getId()));
                if (renamed != null && !java.util.Objects.equals(node.getName(), renamed.getName())) {
                    differences.add(new Difference(node.getId(), stepName(renamed), "RENAMED",
                            "改名:「" + name + "」→「" + stepName(renamed) + "」,等在这里的案件随之迁移"));
                }
                continue;
            }
            if (!canHoldACase(node)) {
                // passed through at once, no case waits there: only a real change is worth a line
                if (after == null) {
                    differences.add(new Difference(node.getId(), name, "REMOVED", "新版本删除了「" + name + "」"));
                } else if (!java.util.Objects.equals(node.getName(), after.getName())) {
                    differences.add(new Difference(node.getId(), stepName(after), "RENAMED",
                            "改名:「" + name + "」→「" + stepName(after) + "」"));
                }
                continue;
            }
            String reason = after == null ? "新版本中已没有这个步骤"
                    : !node.getElementType().equals(after.getElementType())
                            ? "新版本中这个步骤的类型变了(" + typeName(node) + " → " + typeName(after) + ")"
                            : !scopeOf(node).equals(scopeOf(after))
                                    ? "新版本中这个步骤移到了另一个子流程(" + scopeName(node) + " → " + scopeName(after) + ")"
                                    : "引擎不能自动对应这个步骤(例如边界事件所依附的步骤变了)";
            unmapped.add(new Unmapped(node.getId(), node.getElementType().getTypeName(), node.getName(), reason));
            differences.add(new Difference(node.getId(), name, after == null ? "REMOVED" : "NOT_MAPPED",
                    "「" + name + "」:" + reason + ",等在这里的案件不能迁移"));
        }
        for (FlowNode node : targetModel.getModelElementsByType(FlowNode.class)) {
            if (sourceModel.getModelElementById(node.getId()) == null && !mapped.containsValue(node.getId())) {
                differences.add(new Difference(node.getId(), stepName(node), "ADDED",
                        "新增步骤「" + stepName(node) + "」(" + typeName(node) + ")"));
            }
        }
        unmapped.sort(Comparator.comparing(Unmapped::activityId));
        List<CaseCheck> cases = new ArrayList<>();
        List<ProcessInstance> instances = runtimeService.createProcessInstanceQuery()
                .processDefinitionId(source.getId()).orderByProcessInstanceId().asc().list();
        for (ProcessInstance instance : instances) {
            cases.add(check(instance, plan, mapped.keySet(), sourceModel, cases.size() < DRY_RUN_LIMIT));
        }
        return new Plan(key, from, to, source.getId(), target.getId(), mappings, unmapped, differences, planProblems,
                cases);
    }

    private MigrationPlan build(ProcessDefinition source, ProcessDefinition target, List<String> problems) {
        try {
            return runtimeService.createMigrationPlan(source.getId(), target.getId()).mapEqualActivities().build();
        } catch (MigrationPlanValidationException e) {
            e.getValidationReport().getInstructionReports().forEach(report -> report.getFailures().forEach(failure ->
                    problems.add(report.getMigrationInstruction().getSourceActivityId() + ": " + failure)));
            if (problems.isEmpty()) {
                problems.add(e.getMessage());
            }
            return null;
        }
    }

    private CaseCheck check(ProcessInstance instance, MigrationPlan plan, Set<String> mapped,
            BpmnModelInstance sourceModel, boolean tryIt) {
        List<String> active = activeActivities(runtimeService.getActivityInstance(instance.getId()));
        List<String> steps = active.stream().map(id -> label(sourceModel, id)).toList();
        if (plan == null) {
            return new CaseCheck(instance.getId(), instance.getBusinessKey(), active, steps, false,
                    List.of("迁移方案无效"));
        }
        List<String> reasons = new ArrayList<>();
        for (String activity : active) {
            if (!mapped.contains(activity)) {
                reasons.add("案件停在「" + label(sourceModel, activity) + "」,新版本中没有对应的步骤");
            }
        }
        if (!reasons.isEmpty() || !tryIt) {
            return new CaseCheck(instance.getId(), instance.getBusinessKey(), active, steps,
                    reasons.isEmpty() ? null : false, reasons);
        }
        reasons.addAll(tryMigration(plan, instance.getId()).stream().map(r -> namesFor(sourceModel, r)).toList());
        return new CaseCheck(instance.getId(), instance.getBusinessKey(), active, steps, reasons.isEmpty(), reasons);
    }

    /** Migrates the case in a transaction that is always rolled back: the engine's own verdict, nothing changed. */
    private List<String> tryMigration(MigrationPlan plan, String processInstanceId) {
        List<String> reasons = new ArrayList<>();
        transaction.executeWithoutResult(status -> {
            try {
                runtimeService.newMigration(plan).processInstanceIds(processInstanceId).skipCustomListeners().execute();
            } catch (MigratingProcessInstanceValidationException e) {
                var report = e.getValidationReport();
                report.getFailures().forEach(reasons::add);
                report.getActivityInstanceReports().forEach(r -> r.getFailures()
                        .forEach(f -> reasons.add("「" + r.getSourceScopeId() + "」: " + f)));
                report.getTransitionInstanceReports().forEach(r -> r.getFailures()
                        .forEach(f -> reasons.add("「" + r.getSourceScopeId() + "」: " + f)));
            } catch (RuntimeException e) {
                reasons.add("引擎拒绝迁移: " + e.getMessage());
            } finally {
                status.setRollbackOnly();
            }
        });
        return reasons;
    }

    MigrationResult migrate(String key, MigrationRequest request, CurrentUser user) {
        if (!ModelDeployments.mayDeploy(user)) {
            throw new AccessDeniedException("only managers migrate");
        }
        if (request == null || request.from() == null || request.to() == null) {
            throw InvalidInputException.of(request == null || request.from() == null ? "from" : "to",
                    "请指定源版本和目标版本");
        }
        if (request.processInstanceIds() == null || request.processInstanceIds().isEmpty()) {
            throw InvalidInputException.of("processInstanceIds", "请至少选择一个案件");
        }
        if (request.from().equals(request.to())) {
            throw InvalidInputException.of("to", "目标版本与源版本相同");
        }
        ProcessDefinition source = catalog.processVersion(key, request.from());
        ProcessDefinition target = catalog.processVersion(key, request.to());
        List<String> ids = List.copyOf(new LinkedHashSet<>(request.processInstanceIds()));
        Map<String, ProcessInstance> instances = runtimeService.createProcessInstanceQuery()
                .processInstanceIds(Set.copyOf(ids)).list().stream()
                .collect(Collectors.toMap(ProcessInstance::getId, Function.identity()));
        for (String id : ids) {
            ProcessInstance instance = instances.get(id);
            if (instance == null || !source.getId().equals(instance.getProcessDefinitionId())) {
                throw InvalidInputException.of("processInstanceIds",
                        "案件 " + id + " 不是正在运行的第 " + request.from() + " 版 " + key + " 流程");
            }
        }
        List<String> problems = new ArrayList<>();
        MigrationPlan plan = build(source, target, problems);
        if (plan == null) {
            throw InvalidInputException.of("to", "无法生成迁移方案: " + String.join("; ", problems));
        }
        boolean async = Boolean.TRUE.equals(request.async()) || ids.size() > SYNC_LIMIT;
        String batchId = null;
        // in the manager's name: the engine checks the MIGRATE_INSTANCE grant and its operation log (which the case
        // timeline shows) names them
        identityService.setAuthentication(user.id(), List.copyOf(user.groups()));
        try {
            var migration = runtimeService.newMigration(plan).processInstanceIds(ids);
            if (async) {
                Batch batch = migration.executeAsync();
                batchId = batch.getId();
            } else {
                migration.execute();
            }
        } catch (MigratingProcessInstanceValidationException e) {
            var report = e.getValidationReport();
            List<String> reasons = new ArrayList<>(report.getFailures());
            report.getActivityInstanceReports().forEach(r -> r.getFailures()
                    .forEach(f -> reasons.add(r.getSourceScopeId() + ": " + f)));
            throw InvalidInputException.of("processInstanceIds",
                    "案件 " + report.getProcessInstanceId() + " 不能迁移: " + String.join("; ", reasons));
        } finally {
            identityService.clearAuthentication();
        }
        audit.migrated(user.id(), new ModelAuditLog.MigrationRecord(key, source.getId(), source.getVersion(),
                target.getId(), target.getVersion(), batchId), ids.stream()
                .map(id -> new ModelAuditLog.MigratedCase(id, instances.get(id).getBusinessKey())).toList());
        log.info("{} migrated {} case(s) of {} from version {} to {}{}", user.id(), ids.size(), key,
                source.getVersion(), target.getVersion(), batchId == null ? "" : " (batch " + batchId + ")");
        return new MigrationResult(key, source.getVersion(), target.getVersion(), ids, batchId);
    }

    @Override
    public List<CaseModelChange> changesOf(String processInstanceId) {
        return audit.migrations(null, processInstanceId, ModelAuditLog.ALL).stream()
                .sorted(Comparator.comparing(ModelAuditLog.MigrationEntry::occurredAt))
                .map(m -> new CaseModelChange(m.occurredAt(), m.actor(), m.processKey(), m.fromVersion(), m.toVersion(),
                        "由 " + m.actor() + " 从第 " + m.fromVersion() + " 版迁移到第 " + m.toVersion() + " 版流程"))
                .toList();
    }

    /**
     * Steps a case can wait at (user and receive tasks, sub-processes, catching events, joins, asynchronous steps);
     * start and end events, exclusive gateways and synchronous automatic tasks are passed through at once, so they
     * need no mapping and are not listed.
     */
    static boolean canHoldACase(FlowNode node) {
        if (node instanceof ServiceTask || node instanceof BusinessRuleTask || node instanceof ScriptTask
                || node instanceof SendTask || node.getElementType().getTypeName().equals("task")
                || node instanceof ManualTask) {
            // done at once unless the engine is told to wait before or after it (or an external worker does it)
            return node.isCamundaAsyncBefore() || node.isCamundaAsyncAfter()
                    || "external".equals(node.getAttributeValueNs(ModelValidator.CAMUNDA_NS, "type"));
        }
        return node instanceof Activity || node instanceof IntermediateCatchEvent || node instanceof BoundaryEvent
                || node instanceof EventBasedGateway || node instanceof ParallelGateway
                || node instanceof InclusiveGateway;
    }

    static List<String> activeActivities(ActivityInstance root) {
        List<String> active = new ArrayList<>();
        collect(root, active);
        return active;
    }

    private static void collect(ActivityInstance instance, List<String> active) {
        if (instance == null) {
            return;
        }
        if (instance.getChildActivityInstances().length == 0 && instance.getChildTransitionInstances().length == 0
                && instance.getParentActivityInstanceId() != null) {
            active.add(instance.getActivityId());
        }
        for (ActivityInstance child : instance.getChildActivityInstances()) {
            collect(child, active);
        }
        for (TransitionInstance transition : instance.getChildTransitionInstances()) {
            active.add(transition.getActivityId());
        }
    }

    private static String nameOf(BpmnModelInstance model, String id) {
        var element = model.getModelElementById(id);
        return element == null ? null : element.getAttributeValue("name");
    }

    /** A step as the manager knows it: its name; its kind when it has none. */
    private static String label(BpmnModelInstance model, String id) {
        return model.getModelElementById(id) instanceof FlowNode node ? stepName(node) : id;
    }

    static String stepName(FlowNode node) {
        return node.getName() != null && !node.getName().isBlank() ? node.getName() : "未命名的" + typeName(node);
    }

    /** The engine's reasons name steps by id (「Task_X」): say their names instead. */
    private static String namesFor(BpmnModelInstance model, String reason) {
        java.util.regex.Matcher quoted = java.util.regex.Pattern.compile("「([^」]+)」").matcher(reason);
        return quoted.replaceAll(m -> java.util.regex.Matcher.quoteReplacement("「" + label(model, m.group(1)) + "」"));
    }

    /** The sub-process (or the process) a step is in, by id: the two versions are two models. */
    private static String scopeOf(FlowNode node) {
        ModelElementInstance parent = node.getParentElement();
        return parent instanceof SubProcess sub ? sub.getId() : "";
    }

    private static String scopeName(FlowNode node) {
        return node.getParentElement() instanceof SubProcess sub ? "子流程「" + (sub.getName() == null ? sub.getId()
                : sub.getName()) + "」" : "主流程";
    }

    private static final Map<String, String> TYPE_NAMES = Map.ofEntries(Map.entry("userTask", "人工任务"),
            Map.entry("serviceTask", "自动任务"), Map.entry("businessRuleTask", "决策任务"),
            Map.entry("scriptTask", "脚本任务"), Map.entry("sendTask", "发送任务"), Map.entry("receiveTask", "接收任务"),
            Map.entry("manualTask", "手工任务"), Map.entry("subProcess", "子流程"), Map.entry("callActivity", "调用子流程"),
            Map.entry("exclusiveGateway", "排他网关"), Map.entry("inclusiveGateway", "包容网关"),
            Map.entry("parallelGateway", "并行网关"), Map.entry("eventBasedGateway", "事件网关"),
            Map.entry("startEvent", "开始事件"), Map.entry("endEvent", "结束事件"),
            Map.entry("intermediateCatchEvent", "中间事件"), Map.entry("intermediateThrowEvent", "中间事件"),
            Map.entry("boundaryEvent", "边界事件"));

    static String typeName(FlowNode node) {
        String type = node.getElementType().getTypeName();
        return TYPE_NAMES.getOrDefault(type, type);
    }
}
