package io.kefu.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import io.kefu.identity.KefuGroups.Department;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.BatchPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Kefu's security model in Camunda terms, ensured at every start (idempotent, on every database): the groups the
 * processes route to, what each group may do in Tasklist and Cockpit, and the Tasklist filters everyone shares.
 * <ul>
 *   <li>agents and departments see only tasks they are candidates for or assigned to (Camunda grants that per task);</li>
 *   <li>supervisors and managers oversee every task and running case, in Tasklist and Cockpit;</li>
 *   <li>auditors read everything — tasks, cases, their variables and history — and change nothing;</li>
 *   <li>jobs, batches, decision history, users, groups and authorizations belong to administrators; managers deploy
 *       and migrate.</li>
 * </ul>
 * README "Security" ("Who may do what") is the same table in words.
 */
@Component
@Order(0)
class KefuAuthorizations implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(KefuAuthorizations.class);
    static final List<String> PROCESSES_STAFF_START = List.of("complaint-handling",
            "contract-onboarding", "contract-termination", "archive-loan", "archive-destruction",
            "return-visit", "satisfaction-survey", "store-opening-survey", "delivery-follow-up", "phone-case",
            "escalation-report", "service-dispatch");

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final FilterService filterService;
    private final TaskService taskService;

    KefuAuthorizations(IdentityService identityService, AuthorizationService authorizationService,
            FilterService filterService, TaskService taskService) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.filterService = filterService;
        this.taskService = taskService;
    }

    /**
     * Nodes of a cluster starting together on an empty database race to insert the same groups and grants; the
     * loser's insert fails on a unique key. The setup is idempotent, so the loser runs it again and finds the rows.
     */
    @Override
    public void run(ApplicationArguments args) {
        for (int attempt = 1; ; attempt++) {
            try {
                ensureAll();
                return;
            } catch (ProcessEngineException | DataAccessException e) {
                if (attempt >= 3) {
                    throw e;
                }
                log.info("Another node is setting up groups and authorizations at the same time; retrying ({})",
                        e.getMessage());
                try {
                    Thread.sleep(500L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private void ensureAll() {
        Map<String, String[]> groups = new LinkedHashMap<>();
        groups.put(KefuGroups.AGENTS, new String[] {"客服专员", "WORKFLOW"});
        groups.put(KefuGroups.SUPERVISORS, new String[] {"客服主管", "WORKFLOW"});
        groups.put(KefuGroups.MANAGERS, new String[] {"客服经理", "WORKFLOW"});
        groups.put(KefuGroups.AUDITORS, new String[] {"审计", "WORKFLOW"});
        groups.put(KefuGroups.ADMINS, new String[] {"系统管理员", "SYSTEM"});
        groups.put(KefuGroups.ARCHIVISTS, new String[] {"档案管理员", "WORKFLOW"});
        groups.put(KefuGroups.DIRECTORS, new String[] {"客服总监", "WORKFLOW"});
        groups.put(KefuGroups.DIVISION_LEADERS, new String[] {"事业部领导", "WORKFLOW"});
        for (Department department : Department.values()) {
            groups.put(department.groupId(), new String[] {department.label(), KefuGroups.DEPARTMENT_TYPE});
        }
        ensureGroups(groups);
        GrantTable table = grantTable();
        // every grant of Kefu's groups read in one query; only what differs from the table is written
        Map<GrantTable.Stored, Authorization> existing = new HashMap<>();
        for (Authorization authorization : authorizationService.createAuthorizationQuery()
                .groupIdIn(table.groups().toArray(String[]::new)).list()) {
            if (!converge(table, authorization) && authorization.getAuthorizationType() == AUTH_TYPE_GRANT) {
                existing.put(GrantTable.Stored.of(authorization), authorization);
            }
        }
        table.grants.forEach((key, permissions) -> ensureExactly(key, permissions, existing.get(key.stored())));
        ensureTaskWorkersReadVariables();
        ensureOwnProfilesReadOnly();
        ensureFilters();
    }

    /**
     * What each group may do, beyond what Camunda grants per task to its assignee and candidates ({@code TASK_WORK}
     * and {@code READ_VARIABLE}, see application.yaml). README "Security" shows the same table.
     */
    static GrantTable grantTable() {
        GrantTable table = new GrantTable();
        List<String> staff = new ArrayList<>(KefuGroups.workingGroups());
        for (Department department : Department.values()) {
            staff.add(department.groupId());
        }
        for (String group : staff) {
            table.grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            table.grant(group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
            table.grant(group, Resources.USER, ANY, Permissions.READ);
            table.grant(group, Resources.GROUP, ANY, Permissions.READ);
        }
        for (String group : KefuGroups.workingGroups()) {
            table.grant(group, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
            for (String process : PROCESSES_STAFF_START) {
                table.grant(group, Resources.PROCESS_DEFINITION, process, Permissions.READ,
                        Permissions.CREATE_INSTANCE);
            }
        }
        // departments borrow archive files too (部门借阅, with their head's consent), and any staff member reports
        // upward (请示报告)
        for (Department department : Department.values()) {
            table.grant(department.groupId(), Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
            for (String process : List.of("archive-loan", "escalation-report")) {
                table.grant(department.groupId(), Resources.PROCESS_DEFINITION, process, Permissions.READ,
                        Permissions.CREATE_INSTANCE);
            }
        }
        // 资质审核: 业务部 (customer information and credit scoring), supervisors and managers open reviews
        for (String group : List.of(Department.BUSINESS.groupId(), KefuGroups.SUPERVISORS, KefuGroups.MANAGERS)) {
            table.grant(group, Resources.PROCESS_DEFINITION, "qualification-review", Permissions.READ,
                    Permissions.CREATE_INSTANCE);
        }
        // managers start the monthly staff review (员工月度考评); the employee acknowledges as the task's assignee
        table.grant(KefuGroups.MANAGERS, Resources.PROCESS_DEFINITION, "staff-review", Permissions.READ,
                Permissions.CREATE_INSTANCE);
        // supervisors and managers oversee; auditors read; none of them gets more than READ on others' tasks
        for (String group : List.of(KefuGroups.SUPERVISORS, KefuGroups.MANAGERS, KefuGroups.AUDITORS)) {
            readEverything(table, group);
        }
        table.grant(KefuGroups.AUDITORS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        table.grant(KefuGroups.AUDITORS, Resources.USER, ANY, Permissions.READ);
        table.grant(KefuGroups.AUDITORS, Resources.GROUP, ANY, Permissions.READ);
        // managers redesign processes: they deploy (console, Camunda Modeler via /engine-rest); agents may not
        table.grant(KefuGroups.MANAGERS, Resources.DEPLOYMENT, ANY, Permissions.READ, Permissions.CREATE);
        // ... and move running cases to a new version (Kefu's migration page runs in the manager's name)
        table.grant(KefuGroups.MANAGERS, Resources.PROCESS_DEFINITION, ANY,
                ProcessDefinitionPermissions.MIGRATE_INSTANCE);
        table.grant(KefuGroups.MANAGERS, Resources.BATCH, ANY, BatchPermissions.CREATE_BATCH_MIGRATE_PROCESS_INSTANCES);
        // administrators may do everything, as Camunda's own admin-user setup grants it
        for (Resources resource : Resources.values()) {
            table.grant(KefuGroups.ADMINS, resource, ANY, Permissions.ALL);
        }
        return table;
    }

    /**
     * Tasklist and Cockpit; every process, case and task with their variables (personal data never reaches the
     * engine's variables or history) and history; decision definitions, but not their history (decision inputs).
     */
    private static void readEverything(GrantTable table, String group) {
        table.grant(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        table.grant(group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY,
                Permissions.READ_INSTANCE, Permissions.READ_TASK, ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE,
                ProcessDefinitionPermissions.READ_HISTORY_VARIABLE);
        table.grant(group, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
        table.grant(group, Resources.TASK, ANY, Permissions.READ, TaskPermissions.READ_VARIABLE);
        table.grant(group, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
    }

    /** The grants of Kefu's groups, merged per group, resource and resource id. */
    static final class GrantTable {

        record Key(String groupId, Resource resource, String resourceId) {

            Stored stored() {
                return new Stored(groupId, resource.resourceType(), resourceId);
            }
        }

        /** A grant as the engine stores it: its resource known by type only. */
        record Stored(String groupId, int resourceType, String resourceId) {

            static Stored of(Authorization authorization) {
                return new Stored(authorization.getGroupId(), authorization.getResourceType(),
                        authorization.getResourceId());
            }
        }

        final Map<Key, Set<Permission>> grants = new LinkedHashMap<>();

        void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
            grants.computeIfAbsent(new Key(groupId, resource, resourceId), key -> new LinkedHashSet<>())
                    .addAll(List.of(permissions));
        }

        Set<String> groups() {
            Set<String> groups = new LinkedHashSet<>();
            grants.keySet().forEach(key -> groups.add(key.groupId()));
            return groups;
        }

        boolean wants(String groupId, int resourceType, String resourceId) {
            return grants.keySet().stream().anyMatch(key -> key.groupId().equals(groupId)
                    && key.resource().resourceType() == resourceType && key.resourceId().equals(resourceId));
        }
    }

    /**
     * Kefu owns its groups' wildcard grants ({@code *}) and their application grants: whatever an earlier version
     * granted there that the table no longer wants is taken back, so that existing databases converge. Grants on
     * single resources (a task, a filter, a process an administrator granted by hand) stay as they are.
     */
    private boolean converge(GrantTable table, Authorization authorization) {
        String groupId = authorization.getGroupId();
        boolean owned = authorization.getAuthorizationType() == AUTH_TYPE_GRANT
                && (ANY.equals(authorization.getResourceId())
                || authorization.getResourceType() == Resources.APPLICATION.resourceType());
        if (owned && !table.wants(groupId, authorization.getResourceType(), authorization.getResourceId())) {
            authorizationService.deleteAuthorization(authorization.getId());
            log.info("Revoked group {}'s grant on resource type {} ({})", groupId,
                    authorization.getResourceType(), authorization.getResourceId());
            return true;
        }
        return false;
    }

    /**
     * The group's grant on that resource ({@code existing}, null when there is none) holds exactly these permissions
     * (added or taken back as needed); nothing is written when it already does.
     */
    private void ensureExactly(GrantTable.Key key, Set<Permission> permissions, Authorization existing) {
        int wanted = permissions.stream().mapToInt(Permission::getValue).reduce(0, (a, b) -> a | b);
        if (existing != null && ((AuthorizationEntity) existing).getPermissions() == wanted) {
            return;
        }
        Authorization authorization = existing;
        if (existing == null) {
            authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
            authorization.setGroupId(key.groupId());
            authorization.setResource(key.resource());
            authorization.setResourceId(key.resourceId());
        } else {
            log.info("Permissions of group {} on {} {} set to {}", key.groupId(), key.resource().resourceName(),
                    key.resourceId(), permissions.stream().map(Permission::getName).toList());
        }
        authorization.setPermissions(permissions.toArray(Permission[]::new));
        authorizationService.saveAuthorization(authorization);
    }

    /**
     * Camunda grants assignees and candidates READ_VARIABLE on their tasks once enforceSpecificVariablePermission is
     * on; tasks created before that hold only TASK_WORK (or UPDATE) and gain it here, so their forms still load.
     */
    private void ensureTaskWorkersReadVariables() {
        for (Authorization authorization : authorizationService.createAuthorizationQuery()
                .resourceType(Resources.TASK).authorizationType(AUTH_TYPE_GRANT).list()) {
            if (!ANY.equals(authorization.getResourceId())
                    && (authorization.isPermissionGranted(Permissions.TASK_WORK)
                    || authorization.isPermissionGranted(Permissions.UPDATE))
                    && !authorization.isPermissionGranted(TaskPermissions.READ_VARIABLE)) {
                authorization.addPermission(TaskPermissions.READ_VARIABLE);
                authorizationService.saveAuthorization(authorization);
            }
        }
    }

    /**
     * Users read their own profile but do not edit it (nor their password): Camunda grants a new user ALL on their own
     * user, Kefu's engine plugin READ; users created before get READ here. Administrators edit every user through their
     * group's grant.
     */
    private void ensureOwnProfilesReadOnly() {
        for (Authorization authorization : authorizationService.createAuthorizationQuery()
                .resourceType(Resources.USER).authorizationType(AUTH_TYPE_GRANT).list()) {
            String userId = authorization.getUserId();
            if (userId != null && userId.equals(authorization.getResourceId())
                    && ((AuthorizationEntity) authorization).getPermissions() != Permissions.READ.getValue()) {
                authorization.setPermissions(new Permission[] {Permissions.READ});
                authorizationService.saveAuthorization(authorization);
                log.info("User {} may now read, not edit, their own profile", userId);
            }
        }
    }

    /** Creates the groups (id → name, type) that do not exist yet. */
    private void ensureGroups(Map<String, String[]> groups) {
        Set<String> existing = new HashSet<>();
        identityService.createGroupQuery().groupIdIn(groups.keySet().toArray(String[]::new)).list()
                .forEach(group -> existing.add(group.getId()));
        groups.forEach((id, nameAndType) -> {
            if (!existing.contains(id)) {
                Group group = identityService.newGroup(id);
                group.setName(nameAndType[0]);
                group.setType(nameAndType[1]);
                identityService.saveGroup(group);
                log.info("Created group {}", id);
            }
        });
    }

    /** Marks a filter as Kefu's own (its value names which): Kefu keeps it to its current definition at every start. */
    static final String SHIPPED = "kefuFilter";
    /** Names of filters earlier versions shipped without the {@link #SHIPPED} mark, and what became of them. */
    private static final Map<String, String> EARLIER_NAMES = Map.of("我的待办", "my-tasks", "可认领的任务", "",
            "全部可见任务", "all-visible");
    static final String MY_CASES = "my-cases";
    /** The variables every shipped filter shows on its cards (and that Tasklist's search box searches). */
    static final List<Map<String, String>> CARD_VARIABLES = List.of(
            Map.of("name", "caseNo", "label", "案件编号"),
            Map.of("name", "customerName", "label", "客户"),
            Map.of("name", "customerCode", "label", "客户编号"),
            Map.of("name", "subject", "label", "事由"),
            Map.of("name", "priorityLabel", "label", "优先级"));
    /** Approval steps (待审批) a supervisor or manager decides, across the processes in processes/. */
    static final List<String> APPROVAL_TASKS = List.of("Task_SelectSolution", "Task_ManagerDecision",
            "Task_ReviewContract", "Task_ApproveContract", "Task_ReviewTermination", "Task_ApproveTermination",
            "Task_ManagerApprovePlan", "Task_ApproveLoan", "Task_ManagerAppraisal", "Task_DestroyUnderSupervision",
            "Task_SupervisorInstruction", "Task_ManagerInstruction", "Task_ApproveAndAssign");
    /** Escalation steps (督办): breached deadlines and cases put before a manager. */
    static final List<String> ESCALATION_TASKS = List.of("Task_AcknowledgeSevereComplaint",
            "Task_SuperviseResponseBreach", "Task_SuperviseResolutionBreach", "Task_SuperviseOverdueVisit",
            "Task_ReviewReopenedComplaint", "Task_SuperviseLateContact", "Task_SuperviseOverdueLoan",
            "Task_SuperviseOverdueCase", "Task_SuperviseLateCallback", "Task_LeaderSupport", "Task_SuperviseLateVisit");

    /** A filter Kefu ships: shared with {@code groups} (READ), or with everyone when {@code groups} is empty. */
    record ShippedFilter(String key, String name, int priority, String description, TaskQuery query,
            List<String> groups) {

        Map<String, Object> properties() {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put(SHIPPED, key);
            properties.put("priority", priority);
            properties.put("description", description);
            properties.put("refresh", true);
            properties.put("variables", CARD_VARIABLES);
            return properties;
        }
    }

    /** Kefu's shared Tasklist filters, in the order Tasklist lists them. README "Tasklist filters" lists the same. */
    List<ShippedFilter> shippedFilters() {
        List<String> staff = new ArrayList<>(KefuGroups.workingGroups());
        for (Department department : Department.values()) {
            staff.add(department.groupId());
        }
        List<String> overseers = List.of(KefuGroups.SUPERVISORS, KefuGroups.MANAGERS);
        return List.of(
                new ShippedFilter("my-tasks", "我的待办", -20, "分配给我的任务,以及我所在的组尚未认领的任务;先到期的在前",
                        mine().orderByDueDate().asc().orderByTaskPriority().desc(), staff),
                new ShippedFilter("due-today", "今天到期", -15, "我的待办中今天内到期、尚未超时的任务",
                        mine().dueAfterExpression("${now()}")
                                .dueBeforeExpression("${dateTime().withTimeAtStartOfDay().plusDays(1).toDate()}")
                                .orderByDueDate().asc(), staff),
                new ShippedFilter("overdue", "已超时", -14, "我的待办中已过期限的任务",
                        mine().dueBeforeExpression("${now()}").orderByDueDate().asc(), staff),
                new ShippedFilter("approvals", "待审批", -10, "等待主管或经理审批的方案、合同、解约、借阅、计划与请示",
                        taskService.createTaskQuery().taskDefinitionKeyIn(APPROVAL_TASKS.toArray(String[]::new))
                                .orderByDueDate().asc(), overseers),
                new ShippedFilter("escalations", "督办", -8, "超时与严重案件的督办任务",
                        taskService.createTaskQuery().taskDefinitionKeyIn(ESCALATION_TASKS.toArray(String[]::new))
                                .orderByDueDate().asc(), overseers),
                new ShippedFilter("all-visible", "全部可见任务", 0, "按权限可见的全部任务",
                        taskService.createTaskQuery().orderByDueDate().asc(), List.of()));
    }

    /** Assigned to me, or waiting unclaimed for me or one of my groups (Camunda leaves assigned tasks out of the latter). */
    private TaskQuery mine() {
        return taskService.createTaskQuery().or()
                .taskAssigneeExpression("${currentUser()}")
                .taskCandidateUserExpression("${currentUser()}")
                .taskCandidateGroupInExpression("${currentUserGroups()}")
                .endOr();
    }

    /**
     * Kefu's Tasklist filters, kept to their current definition at every start: missing ones are created, changed
     * ones updated, ones Kefu no longer ships removed; each is readable by exactly the groups it is for. Filters that
     * users save for themselves stay theirs (Camunda grants their owner ALL, nobody else anything).
     */
    private void ensureFilters() {
        List<ShippedFilter> wanted = shippedFilters();
        Map<String, Filter> existing = new LinkedHashMap<>();
        for (Filter filter : filterService.createTaskFilterQuery().list()) {
            if (filter.getOwner() != null) {
                continue;
            }
            Object mark = filter.getProperties() == null ? null : filter.getProperties().get(SHIPPED);
            String key = mark instanceof String shipped ? shipped : EARLIER_NAMES.get(filter.getName());
            boolean current = key != null && wanted.stream().anyMatch(shipped -> shipped.key().equals(key));
            if (key != null && (!current || existing.containsKey(key))) {
                filterService.deleteFilter(filter.getId());
                log.info("Removed Tasklist filter {} (no longer shipped)", filter.getName());
            } else if (current) {
                existing.put(key, filter);
            }
        }
        Set<String> sharedWithEveryone = new LinkedHashSet<>();
        for (ShippedFilter shipped : wanted) {
            Filter filter = existing.getOrDefault(shipped.key(), filterService.newTaskFilter());
            String filterId = save(filter, null, shipped.name(), shipped.query(), shipped.properties());
            shareFilter(filterId, shipped.groups());
            if (shipped.groups().isEmpty()) {
                sharedWithEveryone.add(filterId);
            }
        }
        for (Authorization global : authorizationService.createAuthorizationQuery().resourceType(Resources.FILTER)
                .authorizationType(AUTH_TYPE_GLOBAL).list()) {
            // earlier versions let everyone read every filter, other users' own included
            if (!sharedWithEveryone.contains(global.getResourceId())) {
                authorizationService.deleteAuthorization(global.getId());
                log.info("Revoked everyone's read access to filter {}", global.getResourceId());
            }
        }
    }

    /** The filter's read grants are exactly these groups' (or everyone's, for none). */
    private void shareFilter(String filterId, List<String> groups) {
        boolean everyoneReads = false;
        Map<GrantTable.Stored, Authorization> existing = new HashMap<>();
        for (Authorization grant : authorizationService.createAuthorizationQuery().resourceType(Resources.FILTER)
                .resourceId(filterId).list()) {
            boolean kept = groups.isEmpty()
                    ? grant.getAuthorizationType() == AUTH_TYPE_GLOBAL
                    : grant.getAuthorizationType() == AUTH_TYPE_GRANT && groups.contains(grant.getGroupId());
            if (!kept) {
                authorizationService.deleteAuthorization(grant.getId());
            } else if (grant.getAuthorizationType() == AUTH_TYPE_GLOBAL) {
                everyoneReads = true;
            } else {
                existing.put(GrantTable.Stored.of(grant), grant);
            }
        }
        if (groups.isEmpty()) {
            if (!everyoneReads) {
                Authorization everyone = authorizationService.createNewAuthorization(AUTH_TYPE_GLOBAL);
                everyone.setUserId(ANY);
                everyone.setResource(Resources.FILTER);
                everyone.setResourceId(filterId);
                everyone.addPermission(Permissions.READ);
                authorizationService.saveAuthorization(everyone);
            }
            return;
        }
        for (String group : groups) {
            GrantTable.Key key = new GrantTable.Key(group, Resources.FILTER, filterId);
            ensureExactly(key, Set.of(Permissions.READ), existing.get(key.stored()));
        }
    }

    /**
     * Sets the filter's definition and saves it when it is new or differs from what is stored: a start that finds
     * the filter as it should be writes nothing. Returns the filter's id.
     */
    private String save(Filter filter, String owner, String name, TaskQuery query, Map<String, Object> properties) {
        String before = filter.getId() == null ? null : definition(filter);
        filter.setOwner(owner);
        filter.setName(name);
        filter.setQuery(query);
        filter.setProperties(properties);
        if (before == null || !before.equals(definition(filter))) {
            return filterService.saveFilter(filter).getId();
        }
        return filter.getId();
    }

    /**
     * What a filter stores: owner, name, its query and properties as the engine writes them (JSON), read back and
     * written again, so that a filter loaded from the database and one just defined compare alike.
     */
    private static String definition(Filter filter) {
        FilterEntity entity = (FilterEntity) filter;
        FilterEntity stored = new FilterEntity(entity.getResourceType());
        stored.setQueryInternal(entity.getQueryInternal());
        stored.setPropertiesInternal(entity.getPropertiesInternal());
        return String.join("\n", String.valueOf(entity.getOwner()), String.valueOf(entity.getName()),
                stored.getQueryInternal(), stored.getPropertiesInternal());
    }

    /**
     * 我负责的案件: the tasks of the cases a user owns as 首问负责人 (process variable {@code ownerId}). A filter cannot
     * compare a variable with the current user, so each user who may own cases (agents, supervisors, managers) gets
     * their own copy, owned by them; it only selects among the tasks the user may see anyway. Run once the application
     * is ready, after the demo users exist; a user added later gets theirs at the next start.
     */
    @EventListener(ApplicationReadyEvent.class)
    void ensureMyCasesFilters() {
        Set<String> owners = new LinkedHashSet<>();
        for (String group : List.of(KefuGroups.AGENTS, KefuGroups.SUPERVISORS, KefuGroups.MANAGERS)) {
            identityService.createUserQuery().memberOfGroup(group).list().forEach(user -> owners.add(user.getId()));
        }
        Map<String, Filter> existing = new LinkedHashMap<>();
        for (Filter filter : filterService.createTaskFilterQuery().list()) {
            if (filter.getOwner() != null && filter.getProperties() != null
                    && MY_CASES.equals(filter.getProperties().get(SHIPPED))) {
                if (owners.contains(filter.getOwner()) && !existing.containsKey(filter.getOwner())) {
                    existing.put(filter.getOwner(), filter);
                } else {
                    filterService.deleteFilter(filter.getId());
                }
            }
        }
        for (String owner : owners) {
            save(existing.getOrDefault(owner, filterService.newTaskFilter()), owner, "我负责的案件",
                    taskService.createTaskQuery().processVariableValueEquals("ownerId", owner).orderByDueDate().asc(),
                    new ShippedFilter(MY_CASES, "我负责的案件", -12, "我作为首问负责人负责的案件的任务", null, List.of())
                            .properties());
        }
    }
}
