package io.kefu.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kefu.support.HttpApiTest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Least privilege on the engine, tried through {@code /engine-rest} as each role: who reads variables and history, who
 * touches engine-wide jobs, who writes comments and attachments, who edits profiles; and that failed logins are counted.
 */
class EngineLeastPrivilegeTests extends HttpApiTest {

    private static final String ADMIN = "admin";

    @Autowired
    AuthorizationService authorizationService;
    @Autowired
    KefuAuthorizations kefuAuthorizations;
    @Autowired
    MeterRegistry meterRegistry;
    @Autowired
    ManagementService managementService;

    @BeforeEach
    void ensureUsers() {
        ensureUser(ADMIN, KefuGroups.ADMINS);
        ensureUser("sales", KefuGroups.DEPARTMENT_PREFIX + "sales");
    }

    // ---- variables ---------------------------------------------------------------------------------------------

    @Test
    void theAssigneeAndACandidateLoadTheTasksFormVariablesButOthersDoNot() {
        Task task = assessmentTask(fileComplaint("agent", registerCustomer().path("code").asText()));
        // a department offered the task as well (Camunda grants the candidate group its default task permissions)
        taskService.addCandidateGroup(task.getId(), KefuGroups.DEPARTMENT_PREFIX + "tech");
        try {
            for (String user : List.of("agent", "tech")) {
                for (String path : List.of("/form-variables", "/variables")) {
                    Response read = as(user).get("/engine-rest/task/" + task.getId() + path);
                    assertThat(read.status()).as("%s %s: %s", user, path, read).isEqualTo(200);
                    assertThat(read.json().has("complaintId")).as("%s %s: %s", user, path, read).isTrue();
                }
            }
            for (String user : List.of("agent2", "sales")) {
                Response read = as(user).get("/engine-rest/task/" + task.getId() + "/variables");
                assertThat(read.status()).as("%s: %s", user, read).isIn(403, 404);
            }
        } finally {
            taskService.deleteCandidateGroup(task.getId(), KefuGroups.DEPARTMENT_PREFIX + "tech");
        }
    }

    @Test
    void readingATasksVariablesNeedsReadVariableNotJustRead() {
        Task task = assessmentTask(fileComplaint("agent", registerCustomer().path("code").asText()));
        String reader = newUser("reader");
        Authorization read = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        read.setUserId(reader);
        read.setResource(Resources.TASK);
        read.setResourceId(task.getId());
        read.addPermission(Permissions.READ);
        authorizationService.saveAuthorization(read);
        try {
            assertThat(as(reader).get("/engine-rest/task/" + task.getId()).status()).isEqualTo(200);
            Response variables = as(reader).get("/engine-rest/task/" + task.getId() + "/variables");
            assertThat(variables.status()).as("%s", variables).isEqualTo(403);
        } finally {
            authorizationService.deleteAuthorization(read.getId());
            identityService.deleteUser(reader);
        }
    }

    @Test
    void overseersReadVariablesAndTheirHistoryButAgentsAndDepartmentsOnlyTheirOwnTasks() {
        JsonNode complaint = fileComplaint("agent", registerCustomer().path("code").asText());
        String instance = complaint.path("processInstanceId").asText();
        List<String> routes = List.of(
                "/engine-rest/variable-instance?processInstanceIdIn=" + instance,
                "/engine-rest/history/variable-instance?processInstanceId=" + instance,
                "/engine-rest/history/detail?processInstanceId=" + instance);

        for (String user : List.of("supervisor", "manager", "auditor")) {
            for (String route : routes) {
                Response read = as(user).get(route);
                assertThat(read.status()).as("%s %s: %s", user, route, read).isEqualTo(200);
                assertThat(read.json().size()).as("%s %s: %s", user, route, read).isPositive();
            }
        }
        for (String user : List.of("agent2", "tech", "sales")) {
            for (String route : routes) {
                Response read = as(user).get(route);
                assertThat(read.status()).as("%s %s: %s", user, route, read).isIn(200, 403);
                if (read.status() == 200) {
                    assertThat(read.json().size()).as("%s %s: %s", user, route, read).isZero();
                }
            }
        }
        // the assignee reads their task's own variables, not the case's variables nor its history
        for (String route : routes) {
            Response read = as("agent").get(route);
            if (read.status() == 200) {
                read.json().forEach(variable -> assertThat(variable.path("taskId").isTextual())
                        .as("agent %s: %s", route, variable).isTrue());
            }
        }
        assertThat(as("agent").get(routes.get(1)).json().size()).isZero();
        assertThat(as("agent").get(routes.get(2)).json().size()).isZero();
    }

    // ---- jobs and history cleanup (finding 6) ------------------------------------------------------------------

    @Test
    void onlyAdministratorsTouchTheHistoryCleanupJob() {
        Response cleanup = as(ADMIN).post("/engine-rest/history/cleanup?immediatelyDue=false", null);
        assertThat(cleanup.status()).as("%s", cleanup).isEqualTo(200);
        String job = cleanup.json().path("id").asText();
        assertThat(as("agent").post("/engine-rest/history/cleanup", null).status()).isEqualTo(403);

        for (String user : List.of("agent", "supervisor", "manager", "auditor", "tech")) {
            Response suspend = as(user).put("/engine-rest/job/" + job + "/suspended", Map.of("suspended", true),
                    new HttpHeaders());
            assertThat(suspend.status()).as("%s suspends: %s", user, suspend).isEqualTo(403);
            Response redate = as(user).put("/engine-rest/job/" + job + "/duedate",
                    Map.of("duedate", "2030-01-01T01:00:00.000+0000"), new HttpHeaders());
            assertThat(redate.status()).as("%s re-dates: %s", user, redate).isEqualTo(403);
            Response retries = as(user).put("/engine-rest/job/" + job + "/retries", Map.of("retries", 0),
                    new HttpHeaders());
            assertThat(retries.status()).as("%s sets retries: %s", user, retries).isEqualTo(403);
            Response execute = as(user).post("/engine-rest/job/" + job + "/execute", null);
            assertThat(execute.status()).as("%s executes: %s", user, execute).isEqualTo(403);
        }
        var stored = managementService.createJobQuery().jobId(job).singleResult();
        assertThat(stored.isSuspended()).isFalse();

        // administrators still can
        assertThat(as(ADMIN).put("/engine-rest/job/" + job + "/suspended", Map.of("suspended", true),
                new HttpHeaders()).status()).isEqualTo(204);
        assertThat(as(ADMIN).put("/engine-rest/job/" + job + "/suspended", Map.of("suspended", false),
                new HttpHeaders()).status()).isEqualTo(204);
    }

    // ---- comments, attachments, profiles (finding 6) -----------------------------------------------------------

    @Test
    void auditorsWriteNoCommentsOrAttachmentsButTheAssigneeComments() {
        Task task = assessmentTask(fileComplaint("agent", registerCustomer().path("code").asText()));
        String comments = "/engine-rest/task/" + task.getId() + "/comment";

        // refused inside the engine (AuthorizationException), which Camunda's comment and attachment resources wrap in
        // a 400 ("Not enough parameters submitted", "Task id is null"); Kefu's mapper answers it as the refusal it is
        Response byAuditor = as("auditor").post(comments + "/create", Map.of("message", "审计备注"));
        assertThat(byAuditor.status()).as("%s", byAuditor).isEqualTo(403);
        assertThat(byAuditor.json().path("type").asText()).as("%s", byAuditor).isEqualTo("AuthorizationException");
        Response attachment = attach("auditor", task.getId());
        assertThat(attachment.status()).as("%s", attachment).isEqualTo(403);
        assertThat(attachment.json().path("type").asText()).as("%s", attachment).isEqualTo("AuthorizationException");
        // agent2 may not even read the task's history, where Camunda's resource looks it up first: "No task found"
        Response byAgent2 = as("agent2").post(comments + "/create", Map.of("message", "别人的任务"));
        assertThat(byAgent2.status()).as("%s", byAgent2).isEqualTo(400);
        assertThat(taskService.getTaskComments(task.getId())).isEmpty();
        assertThat(taskService.getTaskAttachments(task.getId())).isEmpty();

        // the assignee comments (Java, as the assignee: Camunda's comment resource first looks the task up in the
        // history, which agents may not read)
        identityService.setAuthentication("agent", List.of(KefuGroups.AGENTS));
        try {
            taskService.createComment(task.getId(), null, "已联系客户");
        } finally {
            identityService.clearAuthentication();
        }
        // ... and so does a candidate, through the engine REST API
        taskService.addCandidateGroup(task.getId(), KefuGroups.SUPERVISORS);
        try {
            Response byCandidate = as("supervisor").post(comments + "/create", Map.of("message", "主管已跟进"));
            assertThat(byCandidate.status()).as("%s", byCandidate).isEqualTo(200);
            assertThat(attach("supervisor", task.getId()).status()).isEqualTo(200);
        } finally {
            taskService.deleteCandidateGroup(task.getId(), KefuGroups.SUPERVISORS);
        }
        assertThat(as("auditor").get(comments).json().size()).as("auditors still read comments").isEqualTo(2);
    }

    @Test
    void usersCannotEditTheirOwnProfileButAdministratorsCan() {
        Map<String, Object> profile = Map.of("id", "auditor", "firstName", "改名", "lastName", "Test",
                "email", "auditor@kefu.example");
        Response own = as("auditor").put("/engine-rest/user/auditor/profile", profile, new HttpHeaders());
        assertThat(own.status()).as("%s", own).isEqualTo(403);
        Response password = as("auditor").put("/engine-rest/user/auditor/credentials",
                Map.of("password", "new-password-1", "authenticatedUserPassword", "auditor"), new HttpHeaders());
        assertThat(password.status()).as("%s", password).isEqualTo(403);
        assertThat(identityService.createUserQuery().userId("auditor").singleResult().getFirstName())
                .isNotEqualTo("改名");

        Map<String, Object> same = Map.of("id", "agent2", "firstName", "agent2", "lastName", "Test",
                "email", "agent2@kefu.example");
        assertThat(as(ADMIN).put("/engine-rest/user/agent2/profile", same, new HttpHeaders()).status())
                .isEqualTo(204);
    }

    // ---- existing databases converge ---------------------------------------------------------------------------

    @Test
    void theStartTakesBackWhatEarlierVersionsGrantedAndAddsWhatIsMissing() {
        Task task = assessmentTask(fileComplaint("agent", registerCustomer().path("code").asText()));
        String user = newUser("legacy");
        // what an earlier version (or Camunda's default) left in the database
        Authorization ownProfile = authorizationService.createAuthorizationQuery().userIdIn(user)
                .resourceType(Resources.USER).resourceId(user).singleResult();
        ownProfile.setPermissions(new org.camunda.bpm.engine.authorization.Permission[] {Permissions.ALL});
        authorizationService.saveAuthorization(ownProfile);
        Authorization deployments = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        deployments.setGroupId(KefuGroups.AUDITORS);
        deployments.setResource(Resources.DEPLOYMENT);
        deployments.setResourceId(Authorization.ANY);
        deployments.addPermission(Permissions.READ);
        authorizationService.saveAuthorization(deployments);
        Authorization decisions = authorizationService.createAuthorizationQuery().groupIdIn(KefuGroups.SUPERVISORS)
                .resourceType(Resources.DECISION_DEFINITION).resourceId(Authorization.ANY).singleResult();
        decisions.addPermission(Permissions.READ_HISTORY);
        authorizationService.saveAuthorization(decisions);
        Authorization assignee = authorizationService.createAuthorizationQuery().userIdIn("agent")
                .resourceType(Resources.TASK).resourceId(task.getId()).singleResult();
        assignee.removePermission(TaskPermissions.READ_VARIABLE);
        authorizationService.saveAuthorization(assignee);
        assertThat(as("agent").get("/engine-rest/task/" + task.getId() + "/form-variables").status()).isEqualTo(403);
        try {
            kefuAuthorizations.run(null);

            assertThat(permissions(authorizationService.createAuthorizationQuery().userIdIn(user)
                    .resourceType(Resources.USER).resourceId(user).singleResult()))
                    .isEqualTo(Permissions.READ.getValue());
            assertThat(authorizationService.createAuthorizationQuery().groupIdIn(KefuGroups.AUDITORS)
                    .resourceType(Resources.DEPLOYMENT).count()).isZero();
            assertThat(authorizationService.createAuthorizationQuery().groupIdIn(KefuGroups.SUPERVISORS)
                    .resourceType(Resources.DECISION_DEFINITION).resourceId(Authorization.ANY).singleResult()
                    .isPermissionGranted(Permissions.READ_HISTORY)).isFalse();
            assertThat(as("agent").get("/engine-rest/task/" + task.getId() + "/form-variables").status())
                    .isEqualTo(200);
            // a second start changes nothing
            long before = authorizationService.createAuthorizationQuery().count();
            kefuAuthorizations.run(null);
            assertThat(authorizationService.createAuthorizationQuery().count()).isEqualTo(before);
        } finally {
            identityService.deleteUser(user);
        }
    }

    // ---- failed logins (finding 8) -----------------------------------------------------------------------------

    @Test
    void failedLoginsAreCountedOnEveryRoute() {
        double failures = loginFailures("wrong_password") + loginFailures("delayed");
        double unknown = loginFailures("unknown_user");

        assertThat(withPassword(GUESSED_USER, "wrong").get("/engine-rest/task").status()).isEqualTo(401);
        assertThat(withPassword(GUESSED_USER, "wrong").get("/api/complaints").status()).isEqualTo(401);
        assertThat(withPassword("nobody-" + unique("x"), "x").get("/engine-rest/task").status()).isEqualTo(401);

        assertThat(loginFailures("wrong_password") + loginFailures("delayed")).isEqualTo(failures + 2);
        assertThat(loginFailures("unknown_user")).isEqualTo(unknown + 1);
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("agent", "agent", StandardCharsets.UTF_8);
        headers.setAccept(List.of(MediaType.TEXT_PLAIN));
        assertThat(rest.exchange("/actuator/prometheus", HttpMethod.GET, new HttpEntity<>(headers), String.class)
                .getBody()).contains("kefu_login_failures_total{application=\"kefu\",reason=\"wrong_password\"}");
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private double loginFailures(String reason) {
        Counter counter = meterRegistry.find(LoginFailures.METRIC).tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    private Response attach(String user, String taskId) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("attachment-name", "说明");
        parts.add("attachment-description", "附件");
        parts.add("attachment-type", "text/plain");
        parts.add("url", "https://kefu.example/attachment");
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, user, StandardCharsets.UTF_8);
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON));
        var response = rest.exchange("/engine-rest/task/" + taskId + "/attachment/create", HttpMethod.POST,
                new HttpEntity<>(parts, headers), byte[].class);
        byte[] body = response.getBody();
        return new Response(response.getStatusCode().value(), response.getHeaders(),
                body == null ? "" : new String(body, StandardCharsets.UTF_8));
    }

    private String newUser(String prefix) {
        String id = unique(prefix).replace("-", "");
        User user = identityService.newUser(id);
        user.setPassword(id);
        identityService.saveUser(user);
        return id;
    }

    private void ensureUser(String id, String group) {
        if (identityService.createUserQuery().userId(id).count() == 0) {
            User user = identityService.newUser(id);
            user.setFirstName(id);
            user.setLastName("Test");
            user.setPassword(id);
            identityService.saveUser(user);
        }
        if (identityService.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
            identityService.createMembership(id, group);
        }
    }

    private static int permissions(Authorization authorization) {
        return ((AuthorizationEntity) authorization).getPermissions();
    }
}
