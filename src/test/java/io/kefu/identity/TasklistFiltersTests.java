package io.kefu.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kefu.complaint.process.ComplaintProcess;
import io.kefu.support.HttpApiTest;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The Tasklist filters Kefu ships: each exists once with its query and card variables, is readable by the groups it
 * is for, returns the tasks it promises through {@code /engine-rest/filter/{id}/list}, and an older database's filters
 * are brought to the current definition at start.
 */
class TasklistFiltersTests extends HttpApiTest {

    @Autowired
    FilterService filterService;
    @Autowired
    KefuAuthorizations authorizations;

    @Test
    void everyShippedFilterExistsOnceWithItsCardVariables() {
        for (String key : List.of("my-tasks", "due-today", "overdue", "approvals", "escalations", "all-visible")) {
            Filter filter = shipped(key);
            assertThat(filter.getOwner()).isNull();
            assertThat(filter.getProperties().get("variables")).as(key)
                    .isEqualTo(KefuAuthorizations.CARD_VARIABLES);
        }
        assertThat(((TaskQueryImpl) shipped("my-tasks").getQuery()).getQueries()).as("an or-query").hasSize(2);
        assertThat(((TaskQueryImpl) shipped("approvals").getQuery()).getKeys())
                .contains(ComplaintProcess.TASK_SELECT_SOLUTION, ComplaintProcess.TASK_MANAGER_DECISION);
        assertThat(((TaskQueryImpl) shipped("escalations").getQuery()).getKeys())
                .contains(ComplaintProcess.TASK_SUPERVISE_RESPONSE_BREACH, ComplaintProcess.TASK_ACKNOWLEDGE_SEVERE);
    }

    @Test
    void eachRoleSeesTheFiltersMeantForIt() {
        List<String> agents = filterNames("agent");
        List<String> tech = filterNames("tech");
        List<String> supervisors = filterNames("supervisor");

        assertThat(agents).contains("我的待办", "今天到期", "已超时", "全部可见任务").doesNotContain("待审批", "督办",
                "可认领的任务");
        assertThat(tech).contains("我的待办", "今天到期", "已超时").doesNotContain("待审批", "督办");
        assertThat(supervisors).contains("我的待办", "待审批", "督办");
        assertThat(filterNames("manager")).contains("待审批", "督办");
        assertThat(as("agent").get("/engine-rest/filter/" + shipped("approvals").getId()).status()).isIn(403, 404);
    }

    @Test
    void myTasksHoldsMyAssignedTasksAndUnclaimedTasksOfMyGroupsDueFirst() {
        JsonNode mine = fileComplaint("agent", registerCustomer().path("code").asText());
        JsonNode sentToTech = fileComplaint("agent", registerCustomer().path("code").asText());
        Task assessment = assessmentTask(sentToTech);
        taskService.complete(assessment.getId(), validAssessment("tech"));
        Task investigation = openTask(sentToTech, ComplaintProcess.TASK_INVESTIGATE);
        // 指派专人: tech's only member handles it, so it is theirs
        assertThat(investigation.getAssignee()).isEqualTo("tech");

        String myTasks = shipped("my-tasks").getId();

        assertThat(listed("tech", myTasks)).contains(investigation.getId());
        // handed back to the department, it is pool work that tech still finds in 我的待办
        taskService.setAssignee(investigation.getId(), null);
        assertThat(listed("tech", myTasks)).contains(investigation.getId());
        assertThat(listed("agent", myTasks)).contains(assessmentTask(mine).getId())
                .doesNotContain(investigation.getId());
        assertThat(listed("agent2", myTasks)).doesNotContain(assessmentTask(mine).getId());
        List<JsonNode> agentTasks = list("agent", myTasks, Map.of());
        List<String> dues = agentTasks.stream().map(task -> task.path("due").asText(null)).toList();
        List<String> datedDues = dues.stream().filter(due -> due != null && !due.equals("null")).toList();
        assertThat(datedDues).isSorted();
    }

    @Test
    void overdueAndDueTodayFollowTheDueDate() {
        JsonNode complaint = fileComplaint("agent", registerCustomer().path("code").asText());
        Task task = assessmentTask(complaint);
        task.setDueDate(new Date(System.currentTimeMillis() - 3_600_000L));
        taskService.saveTask(task);
        JsonNode other = fileComplaint("agent", registerCustomer().path("code").asText());
        Task later = assessmentTask(other);
        later.setDueDate(new Date(System.currentTimeMillis() + 60_000L * 10 * 24 * 60));
        taskService.saveTask(later);

        assertThat(listed("agent", shipped("overdue").getId())).contains(task.getId()).doesNotContain(later.getId());
        assertThat(listed("agent", shipped("due-today").getId())).doesNotContain(task.getId(), later.getId());
    }

    @Test
    void supervisorsFindApprovalsAndManagersEscalations() {
        JsonNode complaint = fileComplaint("agent", registerCustomer().path("code").asText());
        taskService.complete(assessmentTask(complaint).getId(), validAssessment("tech"));
        taskService.complete(openTask(complaint, ComplaintProcess.TASK_INVESTIGATE).getId(),
                Map.of("findings", "包装密封不良", "responsiblePerson", "生产二组"));
        taskService.complete(openTask(complaint, ComplaintProcess.TASK_PROPOSE_SOLUTIONS).getId(),
                Map.of("solutionOption1", "退货退款", "solutionOption2", "换货", "solutionOption3", "维修"));
        Task approval = openTask(complaint, ComplaintProcess.TASK_SELECT_SOLUTION);
        Map<String, Object> critical = complaintRequest(registerCustomer().path("code").asText());
        critical.put("severity", "CRITICAL");
        JsonNode severe = fileComplaint("agent", critical);
        Task notice = openTask(severe, ComplaintProcess.TASK_ACKNOWLEDGE_SEVERE);

        assertThat(listed("supervisor", shipped("approvals").getId())).contains(approval.getId())
                .doesNotContain(assessmentTask(severe).getId(), notice.getId());
        assertThat(list("supervisor", shipped("approvals").getId(), Map.of())).allSatisfy(task -> assertThat(
                KefuAuthorizations.APPROVAL_TASKS).contains(task.path("taskDefinitionKey").asText()));
        assertThat(listed("manager", shipped("escalations").getId())).contains(notice.getId())
                .doesNotContain(approval.getId());
    }

    @Test
    void anAgentsCardsShowCaseNumberCustomerSubjectAndPriority() throws Exception {
        JsonNode customer = registerCustomer();
        JsonNode complaint = fileComplaint("agent", customer.path("code").asText());
        Task task = assessmentTask(complaint);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(List.of(MediaType.parseMediaType("application/hal+json")));

        // what Tasklist asks for: the filter's list with the variables its properties name, embedded
        ResponseEntity<String> response = rest.withBasicAuth("agent", "agent").exchange(
                "/engine-rest/filter/" + shipped("my-tasks").getId() + "/list?maxResults=1000", HttpMethod.POST,
                new HttpEntity<>("{}", headers), String.class);

        assertThat(response.getStatusCode().value()).as("%s", response).isEqualTo(200);
        Map<String, String> shown = new java.util.HashMap<>();
        new ObjectMapper().readTree(response.getBody()).path("_embedded").path("task").forEach(card -> {
            if (task.getId().equals(card.path("id").asText())) {
                card.path("_embedded").path("variable").forEach(variable ->
                        shown.put(variable.path("name").asText(), variable.path("value").asText()));
            }
        });
        assertThat(shown).containsEntry("caseNo", complaint.path("caseNo").asText())
                .containsEntry("customerName", customer.path("name").asText())
                .containsEntry("subject", "产品质量投诉 · 一般")
                .containsEntry("priorityLabel", "P3 普通");
    }

    @Test
    void tasklistSearchFindsACaseByItsNumber() {
        JsonNode complaint = fileComplaint("agent", registerCustomer().path("code").asText());
        fileComplaint("agent", registerCustomer().path("code").asText());
        String caseNo = complaint.path("caseNo").asText();

        List<JsonNode> found = list("agent", shipped("my-tasks").getId(), Map.of("processVariables",
                List.of(Map.of("name", "caseNo", "operator", "eq", "value", caseNo))));

        assertThat(found).extracting(task -> task.path("id").asText())
                .containsExactly(assessmentTask(complaint).getId());
    }

    @Test
    void myCasesListsTheTasksOfTheCasesIOwn() {
        JsonNode mine = fileComplaint("agent", registerCustomer().path("code").asText());
        JsonNode theirs = fileComplaint("agent2", registerCustomer().path("code").asText());
        authorizations.ensureMyCasesFilters();

        Filter myCases = filterService.createTaskFilterQuery().filterOwner("agent").list().stream()
                .filter(filter -> KefuAuthorizations.MY_CASES.equals(filter.getProperties()
                        .get(KefuAuthorizations.SHIPPED)))
                .findFirst().orElseThrow();

        assertThat(myCases.getName()).isEqualTo("我负责的案件");
        assertThat(listed("agent", myCases.getId())).contains(assessmentTask(mine).getId())
                .doesNotContain(assessmentTask(theirs).getId());
        assertThat(as("agent2").get("/engine-rest/filter/" + myCases.getId()).status()).isIn(403, 404);
    }

    @Test
    void anOlderDatabasesFiltersAreBroughtUpToDateAtStart() {
        Filter myTasks = shipped("my-tasks");
        myTasks.setQuery(taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
        myTasks.setProperties(Map.of("priority", -10, "description", "分配给我的任务"));
        filterService.saveFilter(myTasks);
        Filter claimable = filterService.saveFilter(filterService.newTaskFilter("可认领的任务")
                .setQuery(taskService.createTaskQuery().taskCandidateUserExpression("${currentUser()}")));

        authorizations.run(null);

        Filter updated = filterService.getFilter(myTasks.getId());
        assertThat(updated.getProperties()).containsEntry(KefuAuthorizations.SHIPPED, "my-tasks")
                .containsEntry("variables", KefuAuthorizations.CARD_VARIABLES);
        assertThat(((TaskQueryImpl) updated.getQuery()).getQueries()).hasSize(2);
        assertThat(filterService.getFilter(claimable.getId())).isNull();
        assertThat(filterService.createTaskFilterQuery().filterName("我的待办").count()).isEqualTo(1);
    }

    private Filter shipped(String key) {
        List<Filter> filters = filterService.createTaskFilterQuery().list().stream()
                .filter(filter -> filter.getOwner() == null && filter.getProperties() != null
                        && key.equals(filter.getProperties().get(KefuAuthorizations.SHIPPED)))
                .toList();
        assertThat(filters).as("shipped filter %s", key).hasSize(1);
        return filters.get(0);
    }

    private List<String> filterNames(String user) {
        Response response = as(user).get("/engine-rest/filter?resourceType=Task");
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        List<String> names = new ArrayList<>();
        response.json().forEach(filter -> names.add(filter.path("name").asText()));
        return names;
    }

    private List<JsonNode> list(String user, String filterId, Map<String, Object> query) {
        Response response = as(user).post("/engine-rest/filter/" + filterId + "/list?maxResults=1000", query);
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        List<JsonNode> tasks = new ArrayList<>();
        response.json().forEach(tasks::add);
        return tasks;
    }

    private List<String> listed(String user, String filterId) {
        return list(user, filterId, Map.of()).stream().map(task -> task.path("id").asText()).toList();
    }
}
