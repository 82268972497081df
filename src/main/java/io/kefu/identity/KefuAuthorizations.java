package io.kefu.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import io.kefu.identity.KefuGroups.Department;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Kefu's security model in Camunda terms, ensured at every start (idempotent, on every database): the groups the
 * processes route to, what each group may do in Tasklist and Cockpit, and the Tasklist filters everyone shares.
 * <ul>
 *   <li>agents and departments see only tasks they are candidates for or assigned to (Camunda grants that per task);</li>
 *   <li>supervisors and managers oversee every task and running case, in Tasklist and Cockpit;</li>
 *   <li>auditors read everything — tasks, cases, history — and change nothing.</li>
 * </ul>
 */
@Component
@Order(0)
class KefuAuthorizations implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(KefuAuthorizations.class);
    static final List<String> PROCESSES_STAFF_START = List.of("complaint-handling",
            "contract-onboarding", "contract-termination", "archive-loan", "archive-destruction",
            "return-visit", "satisfaction-survey", "store-opening-survey", "delivery-follow-up");

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
        ensureGroup(KefuGroups.AGENTS, "客服专员", "WORKFLOW");
        ensureGroup(KefuGroups.SUPERVISORS, "客服主管", "WORKFLOW");
        ensureGroup(KefuGroups.MANAGERS, "客服经理", "WORKFLOW");
        ensureGroup(KefuGroups.AUDITORS, "审计", "WORKFLOW");
        ensureGroup(KefuGroups.ADMINS, "系统管理员", "SYSTEM");
        ensureGroup(KefuGroups.ARCHIVISTS, "档案管理员", "WORKFLOW");
        ensureGroup(KefuGroups.DIRECTORS, "客服总监", "WORKFLOW");
        ensureGroup(KefuGroups.DIVISION_LEADERS, "事业部领导", "WORKFLOW");
        List<String> staff = new ArrayList<>(KefuGroups.workingGroups());
        for (Department department : Department.values()) {
            ensureGroup(department.groupId(), department.label(), KefuGroups.DEPARTMENT_TYPE);
            staff.add(department.groupId());
        }

        for (String group : staff) {
            grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
            grant(group, Resources.USER, ANY, Permissions.READ);
            grant(group, Resources.GROUP, ANY, Permissions.READ);
        }
        for (String group : KefuGroups.workingGroups()) {
            grant(group, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
            for (String process : PROCESSES_STAFF_START) {
                grant(group, Resources.PROCESS_DEFINITION, process, Permissions.READ, Permissions.CREATE_INSTANCE);
            }
        }
        // departments borrow archive files too (部门借阅, with their head's consent)
        for (Department department : Department.values()) {
            grant(department.groupId(), Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
            grant(department.groupId(), Resources.PROCESS_DEFINITION, "archive-loan", Permissions.READ,
                    Permissions.CREATE_INSTANCE);
        }
        // supervisors and managers oversee; auditors read; none of them gets more than READ on others' tasks
        for (String group : List.of(KefuGroups.SUPERVISORS, KefuGroups.MANAGERS, KefuGroups.AUDITORS)) {
            readEverything(group);
        }
        // administrators may do everything, as Camunda's own admin-user setup grants it
        for (Resources resource : Resources.values()) {
            grant(KefuGroups.ADMINS, resource, ANY, Permissions.ALL);
        }
        grant(KefuGroups.AUDITORS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(KefuGroups.AUDITORS, Resources.USER, ANY, Permissions.READ);
        grant(KefuGroups.AUDITORS, Resources.GROUP, ANY, Permissions.READ);
        // managers redesign processes: they deploy (console, Camunda Modeler via /engine-rest); agents may not
        grant(KefuGroups.MANAGERS, Resources.DEPLOYMENT, ANY, Permissions.READ, Permissions.CREATE);
        // ... and move running cases to a new version (Kefu's migration page runs in the manager's name)
        grant(KefuGroups.MANAGERS, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.MIGRATE_INSTANCE);
        grant(KefuGroups.MANAGERS, Resources.BATCH, ANY, BatchPermissions.CREATE_BATCH_MIGRATE_PROCESS_INSTANCES);

        ensureFilters();
    }

    /** Cockpit, and read access to every process, case, task, decision and deployment (with their history). */
    private void readEverything(String group) {
        grant(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY,
                Permissions.READ_INSTANCE, Permissions.READ_TASK);
        grant(group, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
        grant(group, Resources.TASK, ANY, Permissions.READ);
        grant(group, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
        grant(group, Resources.DEPLOYMENT, ANY, Permissions.READ);
    }

    private void ensureGroup(String id, String name, String type) {
        if (identityService.createGroupQuery().groupId(id).singleResult() == null) {
            Group group = identityService.newGroup(id);
            group.setName(name);
            group.setType(type);
            identityService.saveGroup(group);
            log.info("Created group {}", id);
        }
    }

    private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizationService.createAuthorizationQuery()
                .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).singleResult();
        Authorization authorization = existing != null ? existing
                : authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
        if (existing == null) {
            authorization.setGroupId(groupId);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        }
        boolean changed = existing == null;
        for (Permission permission : permissions) {
            if (!authorization.isPermissionGranted(permission)) {
                authorization.addPermission(permission);
                changed = true;
            }
        }
        if (changed) {
            authorizationService.saveAuthorization(authorization);
        }
    }

    /** Shared Tasklist filters: my tasks, tasks I may claim, everything I may see. */
    private void ensureFilters() {
        ensureFilter("我的待办", -10, "分配给我的任务", taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
        ensureFilter("可认领的任务", -5, "我或我所在的组可以认领的任务",
                taskService.createTaskQuery().taskCandidateUserExpression("${currentUser()}"));
        ensureFilter("全部可见任务", 0, "按权限可见的全部任务", taskService.createTaskQuery());
        if (authorizationService.createAuthorizationQuery().resourceType(Resources.FILTER).userIdIn(ANY).count() == 0) {
            Authorization everyone = authorizationService.createNewAuthorization(AUTH_TYPE_GLOBAL);
            everyone.setUserId(ANY);
            everyone.setResource(Resources.FILTER);
            everyone.setResourceId(ANY);
            everyone.addPermission(Permissions.READ);
            authorizationService.saveAuthorization(everyone);
        }
    }

    private void ensureFilter(String name, int priority, String description, TaskQuery query) {
        if (filterService.createFilterQuery().filterName(name).count() > 0) {
            return;
        }
        filterService.saveFilter(filterService.newTaskFilter(name)
                .setQuery(query)
                .setProperties(Map.of("priority", priority, "description", description, "refresh", true)));
    }
}
