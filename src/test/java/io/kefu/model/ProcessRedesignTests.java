package io.kefu.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A manager adds a step to the complaint process (a supervisor reviews the validity check): new cases follow the new
 * version, running cases finish on theirs unless the manager moves them, and every move is on record.
 */
class ProcessRedesignTests extends ModelApiTest {

    static final String ADDED_STEP = "Task_SupervisorReview";
    static final String ASSESS = "Task_AssessValidity";

    @Autowired
    CaseModelHistory caseHistory;

    @Test
    void newCasesFollowTheChangedProcessWhileRunningCasesFinishOnTheirOwnVersion() {
        int v1 = deployVersion(resource(V1));
        String oldCase = startCase(definitionId(v1));
        int v2 = deployVersion(resource(V2));
        assertThat(v2).isEqualTo(v1 + 1);
        String newCase = runtimeService.startProcessInstanceByKey(KEY, startForm()).getId();
        assertThat(instance(newCase).getProcessDefinitionId()).isEqualTo(definitionId(v2));

        completeAssessmentAsInvalid(oldCase);
        assertThat(instance(oldCase)).as("the old case ends on version 1, without the new step").isNull();
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(oldCase)
                .activityId(ADDED_STEP).count()).isZero();

        completeAssessmentAsInvalid(newCase);
        assertThat(openTaskKeys(newCase)).containsExactly(ADDED_STEP);
        taskService.complete(task(newCase, ADDED_STEP).getId());
        assertThat(instance(newCase)).as("the new case ends after the review").isNull();
    }

    @Test
    void theCatalogShowsEveryVersionWithWhoDeployedItAndItsRunningCases() {
        int v1 = deployVersion(resource(V1));
        startCase(definitionId(v1));
        int v2 = deployVersion(resource(V2));

        Response response = as("manager").get("/api/models");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode model = find(response.json().path("processes"), KEY);
        assertThat(model.path("versions")).hasSize(2);
        JsonNode latest = model.path("versions").get(0);
        assertThat(latest.path("version").asInt()).isEqualTo(v2);
        assertThat(latest.path("deployedBy").asText()).isEqualTo("manager");
        assertThat(latest.path("source").asText()).isEqualTo("kefu-console");
        assertThat(latest.path("runningCases").asLong()).isZero();
        assertThat(model.path("versions").get(1).path("runningCases").asLong()).isEqualTo(1);
        assertThat(find(response.json().path("processes"), "complaint-handling").path("versions").get(0)
                .path("deployedBy").asText()).isIn("system", "unknown");
        assertThat(find(response.json().path("decisions"), "complaint-classification")).isNotNull();
        assertThat(find(response.json().path("forms"), "complaint-close")).isNotNull();

        Response xml = as("manager").get(latest.path("xmlUrl").asText());
        assertThat(xml.status()).isEqualTo(200);
        assertThat(xml.body()).contains(ADDED_STEP, "bpmndi:BPMNDiagram");
        assertProblem(as("agent").get("/api/models"), 403);
        assertProblem(as("manager").get("/api/models/processes/" + KEY + "/versions/99/xml"), 404);
    }

    @Test
    void theDiffListsTheAddedStepAndTheRedirectedFlow() {
        int v1 = deployVersion(resource(V1));
        int v2 = deployVersion(resource(V2));
        Response response = as("manager").get("/api/models/processes/" + KEY + "/diff?from=" + v1 + "&to=" + v2);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode diff = response.json();
        assertThat(ids(diff.path("added"))).containsExactlyInAnyOrder(ADDED_STEP, "Flow_ReviewedToValidGateway");
        assertThat(ids(diff.path("removed"))).isEmpty();
        JsonNode redirected = find(diff.path("changed"), "Flow_ToValidGateway", "id");
        assertThat(redirected.path("changes").get(0).path("attribute").asText()).isEqualTo("targetRef");
        assertThat(redirected.path("changes").get(0).path("to").asText()).isEqualTo(ADDED_STEP);
        assertThat(find(diff.path("added"), ADDED_STEP, "id").path("name").asText()).isEqualTo("主管复核投诉判断");
    }

    @Test
    void aRunningComplaintMovedToTheNewVersionReachesTheAddedStep() {
        int v1 = deployVersion(resource(V1));
        String running = startCase(definitionId(v1));
        int v2 = deployVersion(resource(V2));

        Response plan = as("manager").get("/api/models/processes/" + KEY + "/migration-plan?from=" + v1 + "&to=" + v2);
        assertThat(plan.status()).as(plan.toString()).isEqualTo(200);
        assertThat(ids(plan.json().path("mappings"), "sourceActivityId")).contains(ASSESS, "Task_CloseComplaint");
        JsonNode check = find(plan.json().path("cases"), running, "processInstanceId");
        assertThat(check.path("canMigrate").asBoolean()).as(plan.toString()).isTrue();
        assertThat(check.path("activeActivities").toString()).contains(ASSESS);
        assertThat(check.path("activeSteps").toString()).contains("投诉判断");
        // only what differs, in words: the added step — not the automatic steps no case waits at
        assertThat(plan.json().path("differences").toString()).contains("新增步骤「主管复核投诉判断」")
                .doesNotContain("类型或所在子流程不同", "登记投诉");
        assertThat(plan.json().path("unmapped")).isEmpty();
        assertThat(instance(running).getProcessDefinitionId()).as("the plan moved nothing").isEqualTo(definitionId(v1));

        Map<String, Object> request = Map.of("from", v1, "to", v2, "processInstanceIds", List.of(running));
        assertProblem(as("agent").post("/api/models/processes/" + KEY + "/migrations", request), 403);
        assertProblem(as("supervisor").post("/api/models/processes/" + KEY + "/migrations", request), 403);
        Response migrated = as("manager").post("/api/models/processes/" + KEY + "/migrations", request);
        assertThat(migrated.status()).as(migrated.toString()).isEqualTo(200);
        assertThat(instance(running).getProcessDefinitionId()).isEqualTo(definitionId(v2));

        completeAssessmentAsInvalid(running);
        assertThat(openTaskKeys(running)).containsExactly(ADDED_STEP);

        List<CaseModelChange> changes = caseHistory.changesOf(running);
        assertThat(changes).hasSize(1);
        assertThat(changes.get(0).actor()).isEqualTo("manager");
        assertThat(changes.get(0).text()).isEqualTo("由 manager 从第 " + v1 + " 版迁移到第 " + v2 + " 版流程");
        Response log = as("auditor").get("/api/models/migrations?processInstanceId=" + running);
        assertThat(log.json().path("content")).hasSize(1);
        assertThat(log.json().path("page").path("totalElements").asLong()).isEqualTo(1);
        assertThat(log.json().path("content").get(0).path("processInstanceIds").toString()).contains(running);

        // the auditor's case timeline shows who moved the case, from which version to which
        String caseNo = instance(running) == null ? null : instance(running).getBusinessKey();
        Response timeline = as("auditor").get("/api/cases/" + caseNo + "/timeline");
        assertThat(timeline.status()).as(timeline.toString()).isEqualTo(200);
        JsonNode migration = find(timeline.json().path("entries"), MigrationTimeline.KIND, "kind");
        assertThat(migration.path("actor").asText()).isEqualTo("manager");
        assertThat(migration.path("summary").asText()).isEqualTo(changes.get(0).text());
        // the process and its versions in words, and why; never its key or the instance's id
        assertThat(migration.path("detail").asText()).contains("第 " + v1 + " 版 → 第 " + v2 + " 版", "流程改版", "发布")
                .doesNotContain(KEY, running);
        assertThat(migration.path("round").asText(null)).as("a migration is about the whole case").isNull();
    }

    @Test
    void aCaseWaitingAtAStepTheNewVersionDropsCannotMoveAndSaysWhy() {
        int v1 = deployVersion(resource(V1));
        int v2 = deployVersion(resource(V2));
        String atReview = startCase(definitionId(v2));
        completeAssessmentAsInvalid(atReview);
        assertThat(openTaskKeys(atReview)).containsExactly(ADDED_STEP);
        // the manager goes back to the first design: version 3 has no review step
        int v3 = deployVersion(resource(V1).replace("投诉处理(改版测试)", "投诉处理(改版测试,撤回复核)"));

        Response plan = as("manager").get("/api/models/processes/" + KEY + "/migration-plan?from=" + v2 + "&to=" + v3);
        JsonNode check = find(plan.json().path("cases"), atReview, "processInstanceId");
        assertThat(check.path("canMigrate").asBoolean()).as(plan.toString()).isFalse();
        assertThat(check.path("reasons").toString()).contains("主管复核投诉判断", "没有对应");
        assertThat(ids(plan.json().path("unmapped"), "activityId")).contains(ADDED_STEP)
                .as("steps no case waits at need no mapping").doesNotContain("End_ComplaintClosed", "Gateway_ComplaintValid");

        Response refused = as("manager").post("/api/models/processes/" + KEY + "/migrations",
                Map.of("from", v2, "to", v3, "processInstanceIds", List.of(atReview)));
        assertInvalidFields(refused, "processInstanceIds");
        assertThat(instance(atReview).getProcessDefinitionId()).isEqualTo(definitionId(v2));
        // and it keeps working where it is
        taskService.complete(task(atReview, ADDED_STEP).getId());
        assertThat(instance(atReview)).isNull();
        assertThat(v1).isLessThan(v2);
    }

    @Test
    void aRenamedStepIsCalledARenameAndNothingElseIsListed() {
        int v1 = deployVersion(resource(V1));
        String running = startCase(definitionId(v1));
        int v2 = deployVersion(v1With("name=\"投诉判断\"", "name=\"投诉受理判断\""));
        Response plan = as("manager").get("/api/models/processes/" + KEY + "/migration-plan?from=" + v1 + "&to=" + v2);
        assertThat(plan.status()).as(plan.toString()).isEqualTo(200);
        JsonNode differences = plan.json().path("differences");
        assertThat(differences).as(differences.toString()).hasSize(1);
        assertThat(differences.get(0).path("kind").asText()).isEqualTo("RENAMED");
        assertThat(differences.get(0).path("text").asText()).startsWith("改名:「投诉判断」→「投诉受理判断」");
        assertThat(plan.json().path("unmapped")).isEmpty();
        assertThat(find(plan.json().path("cases"), running, "processInstanceId").path("canMigrate").asBoolean()).isTrue();
    }

    @Test
    void migratingACaseOfAnotherVersionIsRefused() {
        int v1 = deployVersion(resource(V1));
        int v2 = deployVersion(resource(V2));
        String onV2 = startCase(definitionId(v2));
        assertInvalidFields(as("manager").post("/api/models/processes/" + KEY + "/migrations",
                Map.of("from", v1, "to", v2, "processInstanceIds", List.of(onV2))), "processInstanceIds");
        assertInvalidFields(as("manager").post("/api/models/processes/" + KEY + "/migrations",
                Map.of("from", v1, "to", v2, "processInstanceIds", List.of())), "processInstanceIds");
    }

    @Test
    void theDecisionDiffListsTheChangedRule() {
        String table = ModelValidationTests.decisionCopy();
        Response first = deploy("manager", Map.of("classification-redesign-test.dmn", table));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        // the manager shortens a response deadline in the SLA table
        String changed = changeFirstResponseHours(table);
        Response second = deploy("manager", Map.of("classification-redesign-test.dmn", changed));
        assertThat(second.status()).as(second.toString()).isEqualTo(201);
        Response diff = as("manager").get("/api/models/decisions/complaint-classification-redesign-test/diff?from=1&to=2");
        assertThat(diff.status()).as(diff.toString()).isEqualTo(200);
        assertThat(diff.json().path("changed")).hasSize(1);
        assertThat(diff.json().path("changed").get(0).path("changes").get(0).path("attribute").asText())
                .startsWith("out:");
    }

    static final String REVIEW_FORM = "redesign-test-supervisor-review";

    /**
     * Done means: a manager adds a step with a form of their own (no Java), deploys it, moves a running case: the case
     * reaches the step, and what the supervisor submits there is kept with who and when, in the form's words, on the
     * timeline, the case page and the next task's case card. The new step copies the complaint tasks' complete
     * listener, as copying a task in Modeler does: the handler does not know the step, and nothing fails.
     */
    @Test
    void aStepWithANewFormAddedByTheManagerKeepsItsInputOnTheCaseInChinese() {
        int v1 = deployVersion(resource(V1));
        String running = startCase(definitionId(v1));
        String caseNo = instance(running).getBusinessKey();
        String model = resource(V2).replace("camunda:formRef=\"complaint-escalation\" camunda:formRefBinding=\"latest\""
                + " camunda:candidateGroups=\"supervisors\">", "camunda:formRef=\"" + REVIEW_FORM + "\""
                + " camunda:formRefBinding=\"latest\" camunda:candidateGroups=\"supervisors\">\n      <bpmn:extensionElements>"
                + "<camunda:taskListener delegateExpression=\"${complaintTaskCompletion}\" event=\"complete\" />"
                + "</bpmn:extensionElements>");
        assertThat(model).contains(REVIEW_FORM);
        Response deployed = deploy("manager", files(FILE, model, REVIEW_FORM + ".form", reviewForm()));
        assertThat(deployed.status()).as(deployed.toString()).isEqualTo(201);
        int v2 = v1 + 1;
        assertThat(definitionId(v2)).isNotNull();

        Response migrated = as("manager").post("/api/models/processes/" + KEY + "/migrations",
                Map.of("from", v1, "to", v2, "processInstanceIds", List.of(running)));
        assertThat(migrated.status()).as(migrated.toString()).isEqualTo(200);
        taskService.complete(task(running, ASSESS).getId(), validAssessment("warehouse"));
        assertThat(openTaskKeys(running)).containsExactly(ADDED_STEP);

        // the supervisor submits the new form the way Tasklist does
        Task review = task(running, ADDED_STEP);
        Response done = as("supervisor").post("/engine-rest/task/" + review.getId() + "/complete", Map.of("variables",
                Map.of("reviewResult", Map.of("value", "confirmed"),
                        "reviewOpinion", Map.of("value", "判断无误,同意转仓储部"),
                        "reviewScore", Map.of("value", 4, "type", "Long"))));
        assertThat(done.status()).as(done.toString()).isEqualTo(204);
        assertThat(openTaskKeys(running)).containsExactly("Task_InvestigateComplaint");

        Response timeline = as("auditor").get("/api/cases/" + caseNo + "/timeline");
        assertThat(timeline.status()).as(timeline.toString()).isEqualTo(200);
        JsonNode entry = find(timeline.json().path("entries"), "STEP_ENTRY", "kind");
        assertThat(entry.path("actor").asText()).isEqualTo("supervisor");
        assertThat(entry.path("summary").asText()).isEqualTo("记录步骤: 主管复核投诉判断");
        assertThat(entry.path("detail").asText())
                .isEqualTo("复核结论:维持原判断;复核意见:判断无误,同意转仓储部;复核评分:4");

        Response page = as("auditor").get("/console/cases/" + caseNo);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("记录步骤: 主管复核投诉判断", "复核结论:维持原判断").doesNotContain("confirmed");

        Object card = taskService.getVariableLocal(task(running, "Task_InvestigateComplaint").getId(), "caseSummary");
        assertThat(String.valueOf(card)).contains("其他步骤的记录", "**主管复核投诉判断**(supervisor,",
                "复核意见:判断无误,同意转仓储部");
    }

    /**
     * Done means: the manager makes the P1-A variant (five steps with the leader's approval) the current complaint
     * procedure from the console's list, and a complaint registered through Kefu's API runs through it to 结案. The
     * standard procedure is deployed back afterwards and both deployments removed, so the other tests keep theirs.
     */
    @Test
    void theManagerSwitchesComplaintsToTheP1AVariantAndAComplaintRunsThroughIt() {
        List<String> deployments = new java.util.ArrayList<>();
        try {
            Response variants = as("manager").get("/api/models/variants");
            assertThat(variants.status()).as(variants.toString()).isEqualTo(200);
            assertThat(find(variants.json(), "p1a", "id").path("name").asText()).isEqualTo("投诉处理(五步法,领导审批)");
            assertThat(find(variants.json(), "p1a", "id").path("current").asBoolean()).isFalse();
            assertThat(find(variants.json(), "complaint-handling-standard", "id").path("current").asBoolean()).isTrue();
            assertProblem(as("supervisor").post("/api/models/variants/p1a/deployments", Map.of()), 403);

            Response switched = as("manager").post("/api/models/variants/p1a/deployments", Map.of());
            assertThat(switched.status()).as(switched.toString()).isEqualTo(201);
            deployments.add(switched.json().path("deploymentId").asText());
            assertThat(find(as("manager").get("/api/models/variants").json(), "p1a", "id").path("current").asBoolean())
                    .isTrue();

            Response created = as("agent").post("/api/complaints",
                    complaintRequest(registerCustomer().path("code").asText()));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            String pid = created.json().path("processInstanceId").asText();
            assertThat(repositoryService.getProcessDefinition(instance(pid).getProcessDefinitionId()).getVersionTag())
                    .isEqualTo("p1a");
            taskService.complete(task(pid, ASSESS).getId(), validAssessment("warehouse"));
            taskService.complete(task(pid, "Task_InvestigateComplaint").getId(),
                    Map.of("findings", "包装破损"));
            taskService.complete(task(pid, "Task_ProposeSolutions").getId(), Map.of("solutionOption1", "补发货物"));
            taskService.complete(task(pid, "Task_SelectSolution").getId(),
                    Map.of("solutionDecision", "OPTION_1", "leaderInstruction", "同意"));
            taskService.complete(task(pid, "Task_ImplementSolution").getId(), Map.of("implementationNotes", "已补发"));
            taskService.complete(task(pid, "Task_ConfirmWithCustomer").getId(),
                    Map.of("customerAccepted", true, "acceptanceMethod", "SMS"));
            taskService.complete(task(pid, "Task_CloseComplaint").getId(),
                    Map.of("closingCategory", "DELIVERY", "closingSummary", "已解决"));
            assertThat(instance(pid)).isNull();
            Response closed = as("auditor").get("/api/complaints/" + created.json().path("id").asLong());
            assertThat(closed.json().path("status").asText()).as(closed.toString()).isEqualTo("CLOSED");
        } finally {
            Response back = as("manager").post("/api/models/variants/complaint-handling-standard/deployments", Map.of());
            assertThat(back.status()).as(back.toString()).isIn(200, 201);
            deployments.add(back.json().path("deploymentId").asText());
            deployments.stream().distinct().forEach(id -> repositoryService.deleteDeployment(id, true, true));
        }
    }

    static String reviewForm() {
        return """
                {"id": "%s", "type": "default", "schemaVersion": 16, "components": [
                  {"id": "Field_result", "type": "radio", "key": "reviewResult", "label": "复核结论",
                   "values": [{"label": "维持原判断", "value": "confirmed"}, {"label": "需重新判断", "value": "reconsider"}]},
                  {"id": "Field_opinion", "type": "textarea", "key": "reviewOpinion", "label": "复核意见"},
                  {"id": "Field_score", "type": "number", "key": "reviewScore", "label": "复核评分"},
                  {"id": "Field_empty", "type": "textfield", "key": "reviewRemark", "label": "备注"}
                ]}""".formatted(REVIEW_FORM);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    /** The second output entry of the first rule is the response deadline in hours: add one hour to it. */
    static String changeFirstResponseHours(String table) {
        int rule = table.indexOf("<rule");
        int firstOutput = table.indexOf("<outputEntry", rule);
        int secondOutput = table.indexOf("<outputEntry", firstOutput + 1);
        int textStart = table.indexOf("<text>", secondOutput) + "<text>".length();
        int textEnd = table.indexOf("</text>", textStart);
        String hours = table.substring(textStart, textEnd).trim();
        return table.substring(0, textStart) + (Integer.parseInt(hours) + 1) + table.substring(textEnd);
    }

    void completeAssessmentAsInvalid(String processInstanceId) {
        taskService.complete(task(processInstanceId, ASSESS).getId(), invalidAssessment());
    }

}
