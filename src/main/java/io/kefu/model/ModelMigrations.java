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

    record CaseCheck(String processInstanceId, String businessKey, List<String> activeActivities, Boolean canMigrate,
            List<String> reasons) {
    }

    record Plan(String key, int from, int to, String sourceDefinitionId, String targetDefinitionId,
            List<Mapping> mappings, List<Unmapped> unmapped, List<String> planProblems, List<CaseCheck> cases) {
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
        for (FlowNode node : sourceModel.getModelElementsByType(FlowNode.class)) {
            if (!mapped.containsKey(node.getId()) && canHoldACase(node)) {
                boolean stillThere = targetModel.getModelElementById(node.getId()) != null;
                unmapped.add(new Unmapped(node.getId(), node.getElementType().getTypeName(), node.getName(),
                        stillThere ? "新版本中同 id 的元素类型或所在子流程不同,不能自动对应"
                                : "新版本中已没有这个元素"));
            }
        }
        unmapped.sort(Comparator.comparing(Unmapped::activityId));
        List<CaseCheck> cases = new ArrayList<>();
        List<ProcessInstance> instances = runtimeService.createProcessInstanceQuery()
                .processDefinitionId(source.getId()).orderByProcessInstanceId().asc().list();
        for (ProcessInstance instance : instances) {
            cases.add(check(instance, plan, mapped.keySet(), sourceModel, cases.size() < DRY_RUN_LIMIT));
        }
        return new Plan(key, from, to, source.getId(), target.getId(), mappings, unmapped, planProblems, cases);
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
        if (plan == null) {
            return new CaseCheck(instance.getId(), instance.getBusinessKey(), active, false, List.of("迁移方案无效"));
        }
        List<String> reasons = new ArrayList<>();
        for (String activity : active) {
            if (!mapped.contains(activity)) {
                reasons.add("案件停在「" + label(sourceModel, activity) + "」,新版本中没有对应的步骤");
            }
        }
        if (!reasons.isEmpty() || !tryIt) {
            return new CaseCheck(instance.getId(), instance.getBusinessKey(), active,
                    reasons.isEmpty() ? null : false, reasons);
        }
        reasons.addAll(tryMigration(plan, instance.getId()));
        return new CaseCheck(instance.getId(), instance.getBusinessKey(), active, reasons.isEmpty(), reasons);
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
        return audit.migrations(null, processInstanceId).stream()
                .sorted(Comparator.comparing(ModelAuditLog.MigrationEntry::occurredAt))
                .map(m -> new CaseModelChange(m.occurredAt(), m.actor(), m.processKey(), m.fromVersion(), m.toVersion(),
                        "由 " + m.actor() + " 从第 " + m.fromVersion() + " 版迁移到第 " + m.toVersion() + " 版流程"))
                .toList();
    }

    /**
     * Steps a case can wait at (tasks, sub-processes, catching events, joins); start and end events and exclusive
     * gateways are passed through at once, so they need no mapping and are not listed.
     */
    static boolean canHoldACase(FlowNode node) {
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

    private static String label(BpmnModelInstance model, String id) {
        String name = nameOf(model, id);
        return name == null ? id : name + "(" + id + ")";
    }
}
