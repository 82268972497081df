package io.kefu.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** One test per validation rule: a broken model is refused with the reason, and never reaches the engine. */
class ModelValidationTests extends ModelApiTest {

    @Autowired
    ModelValidator validator;

    /** Deploys the broken model as manager; it must be refused naming the problem, and deploy nothing. */
    JsonNode refused(String fileName, String content, String expectedCode, String elementId) {
        long definitionsBefore = repositoryService.createProcessDefinitionQuery().processDefinitionKey(KEY).count();
        Response response = deploy("manager", fileName, content);
        JsonNode problem = assertProblem(response, 400);
        assertThat(problem.path("type").asText()).isEqualTo("urn:kefu:problem:model-invalid");
        assertThat(problemCodes(response)).as("problems of %s", response).contains(expectedCode + "@" + elementId);
        problem.path("problems").forEach(p -> assertThat(p.path("message").asText()).isNotBlank());
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(KEY).count())
                .isEqualTo(definitionsBefore);
        return problem;
    }

    @Test
    void everyModelKefuShipsValidatesClean() throws IOException {
        List<ModelResource> shipped = new ArrayList<>();
        for (String pattern : List.of("classpath*:processes/*/*.bpmn", "classpath*:processes/*/*.dmn",
                "classpath*:processes/*/forms/*.form")) {
            for (Resource file : new PathMatchingResourcePatternResolver().getResources(pattern)) {
                shipped.add(new ModelResource("processes/" + file.getFilename(), file.getContentAsByteArray()));
            }
        }
        assertThat(shipped).hasSizeGreaterThan(3);
        ValidationReport report = validator.validate(shipped);
        assertThat(report.problems()).as(report.summary()).isEmpty();
    }

    /** Each ready variant validates clean as the console deploys it: its own files, against what Kefu deployed. */
    @Test
    void everyVariantKefuShipsValidatesClean() throws IOException {
        for (String variant : List.of("p1a", "p1c")) {
            List<ModelResource> files = new ArrayList<>();
            for (Resource file : new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:processes/complaint/variants/" + variant + "/**/*.*")) {
                files.add(new ModelResource(file.getFilename(), file.getContentAsByteArray()));
            }
            assertThat(files).as(variant).isNotEmpty();
            ValidationReport report = validator.validate(files);
            assertThat(report.problems()).as(variant + ": " + report.summary()).isEmpty();
        }
    }

    @Test
    void theUnchangedCopyOfTheComplaintProcessPassesTheDryRunAndListsTheDecisionOutputs() {
        Response response = upload("manager", "/api/models/validate", Map.of(FILE, resource(V1)), Map.of());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().path("valid").asBoolean()).as(response.toString()).isTrue();
        assertThat(response.json().path("notes").toString()).contains("complaint-classification", "priority");
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(KEY).count()).isZero();
    }

    @Test
    void unparsableXmlIsRefused() {
        JsonNode problem = refused(FILE, resource(V1).substring(0, 3000), "XML_INVALID", "");
        assertThat(problem.path("detail").asText()).contains("无法解析");
    }

    @Test
    void aUserTaskWithoutAFormIsRefused() {
        refused(FILE, v1With("camunda:formRef=\"complaint-close\" camunda:formRefBinding=\"latest\" ", ""),
                "USER_TASK_NO_FORM", "Task_CloseComplaint");
    }

    @Test
    void aFormThatExistsNowhereIsRefusedButOneInTheSameUploadIsFound() {
        String model = v1With("camunda:formRef=\"complaint-close\"", "camunda:formRef=\"complaint-close-redesigned\"");
        JsonNode problem = refused(FILE, model, "FORM_NOT_FOUND", "Task_CloseComplaint");
        assertThat(problem.path("detail").asText()).contains("complaint-close-redesigned");

        String form = closeForm("{\"key\": \"closingCategory\", \"label\": \"结案分类\", \"type\": \"select\"},"
                + " {\"key\": \"closingSummary\", \"label\": \"结案总结\", \"type\": \"textarea\"},"
                + " {\"key\": \"closingNote\", \"label\": \"结案说明\", \"type\": \"textarea\"}");
        Response withForm = upload("manager", "/api/models/validate",
                files(FILE, model, "complaint-close-redesigned.form", form), Map.of());
        assertThat(withForm.json().path("valid").asBoolean()).as(withForm.toString()).isTrue();
        assertThat(withForm.json().path("notes").toString())
                .as("a field the handler does not read is kept as a generic entry").contains("结案说明 作为通用记录保存到案件");
    }

    @Test
    void aFormWithoutAFieldItsStepsHandlerReadsIsRefused() {
        String model = v1With("camunda:formRef=\"complaint-close\"", "camunda:formRef=\"complaint-close-redesigned\"");
        String form = closeForm("{\"key\": \"closingNote\", \"label\": \"结案说明\", \"type\": \"textarea\"}");
        Response response = upload("manager", "/api/models/validate",
                files(FILE, model, "complaint-close-redesigned.form", form), Map.of());
        assertThat(response.json().path("valid").asBoolean()).as(response.toString()).isFalse();
        assertThat(problemCodes(response)).containsExactlyInAnyOrder("STEP_FIELD_MISSING@Task_CloseComplaint",
                "STEP_FIELD_MISSING@Task_CloseComplaint");
        assertThat(response.json().path("problems").toString()).contains("closingCategory", "closingSummary",
                "complaintTaskCompletion");
    }

    @Test
    void aPersonalFieldOnAStepNoHandlerKnowsIsRefused() {
        String model = v1With("camunda:formRef=\"complaint-close\"", "camunda:formRef=\"complaint-close-redesigned\"")
                .replace("<bpmn:userTask id=\"Task_CloseComplaint\"", "<bpmn:userTask id=\"Task_CloseComplaintNew\"")
                .replace("targetRef=\"Task_CloseComplaint\"", "targetRef=\"Task_CloseComplaintNew\"")
                .replace("sourceRef=\"Task_CloseComplaint\"", "sourceRef=\"Task_CloseComplaintNew\"")
                .replace("bpmnElement=\"Task_CloseComplaint\"", "bpmnElement=\"Task_CloseComplaintNew\"");
        String form = closeForm("{\"key\": \"visitorPhone\", \"label\": \"来访人电话\", \"type\": \"textfield\","
                + " \"properties\": {\"personal\": \"true\"}}");
        Response response = upload("manager", "/api/models/validate",
                files(FILE, model, "complaint-close-redesigned.form", form), Map.of());
        assertThat(problemCodes(response)).as(response.toString()).contains("STEP_PERSONAL_FIELD@Task_CloseComplaintNew");
        assertThat(response.json().path("problems").toString()).contains("来访人电话");
    }

    static String closeForm(String components) {
        return "{\"id\": \"complaint-close-redesigned\", \"type\": \"default\", \"schemaVersion\": 16,"
                + " \"components\": [" + components + "]}";
    }

    @Test
    void aFormWithoutAnIdIsRefused() {
        Response response = deploy("manager", Map.of("nameless.form", "{\"components\": []}"));
        assertProblem(response, 400);
        assertThat(problemCodes(response)).contains("FORM_INVALID@");
    }

    @Test
    void anUnknownCandidateGroupIsRefused() {
        JsonNode problem = refused(FILE, v1With("camunda:formRef=\"complaint-close\" camunda:formRefBinding=\"latest\" "
                + "camunda:candidateGroups=\"supervisors\"", "camunda:formRef=\"complaint-close\" "
                + "camunda:formRefBinding=\"latest\" camunda:candidateGroups=\"night-shift\""),
                "GROUP_UNKNOWN", "Task_CloseComplaint");
        assertThat(problem.path("detail").asText()).contains("night-shift", "不存在");
    }

    @Test
    void anUnknownAssigneeIsRefusedWhileAnExpressionIsCheckedForSyntaxOnly() {
        refused(FILE, v1With("camunda:assignee=\"${ownerId}\"", "camunda:assignee=\"nobody-at-all\""),
                "USER_UNKNOWN", "Task_AssessValidity");
        refused(FILE, v1With("camunda:assignee=\"${ownerId}\"", "camunda:assignee=\"${ownerId\""),
                "EXPRESSION_INVALID", "Task_AssessValidity");
    }

    @Test
    void aUserTaskNobodyIsToDoIsRefused() {
        refused(FILE, v1With(" camunda:candidateGroups=\"supervisors\">", ">"), "USER_TASK_NO_ASSIGNEE",
                "Task_CloseComplaint");
    }

    @Test
    void aDelegateKefuDoesNotHaveIsRefused() {
        JsonNode problem = refused(FILE, v1With("${recordBreachDelegate}", "${sendFaxDelegate}"), "DELEGATE_UNKNOWN",
                "Task_RecordResponseBreach");
        assertThat(problem.path("detail").asText()).contains("sendFaxDelegate");
    }

    @Test
    void aTaskListenerUsedAsAServiceTaskDelegateIsRefused() {
        refused(FILE, v1With("camunda:delegateExpression=\"${recordBreachDelegate}\"",
                "camunda:delegateExpression=\"${complaintTaskCompletion}\""), "DELEGATE_WRONG_TYPE",
                "Task_RecordResponseBreach");
    }

    @Test
    void aTimerThatDoesNotParseIsRefused() {
        JsonNode problem = refused(FILE, v1With("<bpmn:timeDate xsi:type=\"bpmn:tFormalExpression\">${responseDue}",
                "<bpmn:timeDate xsi:type=\"bpmn:tFormalExpression\">下周二"), "TIMER_INVALID", "TimerDefinition_ResponseDeadline");
        assertThat(problem.path("detail").asText()).contains("下周二", "ISO 8601");
    }

    @Test
    void timersInIso8601OrCronPass() {
        for (String timer : List.of("<bpmn:timeDate xsi:type=\"bpmn:tFormalExpression\">2026-12-31T18:00:00",
                "<bpmn:timeDuration xsi:type=\"bpmn:tFormalExpression\">P3DT4H",
                "<bpmn:timeCycle xsi:type=\"bpmn:tFormalExpression\">R3/PT1H",
                "<bpmn:timeCycle xsi:type=\"bpmn:tFormalExpression\">0 0 9 ? * MON-FRI")) {
            String element = timer.substring(1, timer.indexOf(' '));
            String model = v1With("<bpmn:timeDate xsi:type=\"bpmn:tFormalExpression\">${responseDue}</bpmn:timeDate>",
                    timer + "</" + element + ">");
            Response response = upload("manager", "/api/models/validate", Map.of(FILE, model), Map.of());
            assertThat(response.json().path("valid").asBoolean()).as("%s: %s", timer, response).isTrue();
        }
    }

    @Test
    void aDecisionThatDoesNotExistIsRefused() {
        refused(FILE, v1With("camunda:decisionRef=\"complaint-classification\"",
                "camunda:decisionRef=\"complaint-classification-gone\""), "DECISION_NOT_FOUND", "Task_ClassifyComplaint");
    }

    @Test
    void aConditionReadingADecisionOutputTheTableDoesNotHaveIsRefused() {
        JsonNode problem = refused(FILE, v1With("${notifyManager}</bpmn:conditionExpression>",
                "${classification.notifyManagr}</bpmn:conditionExpression>"), "DECISION_OUTPUT_UNKNOWN",
                "Flow_NotifyManager");
        assertThat(problem.path("detail").asText()).contains("notifyManagr", "notifyManager");
    }

    @Test
    void aProcessWithoutHistoryTimeToLiveIsRefused() {
        refused(FILE, v1With(" camunda:historyTimeToLive=\"1825\"", ""), "HISTORY_TTL_MISSING", KEY);
    }

    @Test
    void aDecisionWithoutHistoryTimeToLiveIsRefused() {
        Response response = deploy("manager", Map.of("classification-redesign-test.dmn",
                decisionCopy().replace(" camunda:historyTimeToLive=\"1825\"", "")));
        assertProblem(response, 400);
        assertThat(problemCodes(response)).contains("HISTORY_TTL_MISSING@complaint-classification-redesign-test");
        assertThat(repositoryService.createDecisionDefinitionQuery()
                .decisionDefinitionKey("complaint-classification-redesign-test").count()).isZero();
    }

    @Test
    void aDecisionTableWithAHitPolicyTheEngineCannotUseIsRefused() {
        Response response = deploy("manager", Map.of("classification-redesign-test.dmn",
                decisionCopy().replace(" hitPolicy=\"FIRST\"", " hitPolicy=\"FIRST\" aggregation=\"SUM\"")));
        JsonNode problem = assertProblem(response, 400);
        assertThat(problemCodes(response)).containsExactly("DMN_INVALID@");
        assertThat(problem.path("detail").asText()).contains("命中策略");
    }

    @Test
    void anUnreadableDecisionTableIsRefused() {
        Response response = deploy("manager", Map.of("classification-redesign-test.dmn",
                decisionCopy().replace("</decisionTable>", "")));
        assertProblem(response, 400);
        assertThat(problemCodes(response)).containsExactly("XML_INVALID@");
    }

    @Test
    void anInvalidProcessKeyIsRefused() {
        refused(FILE, resource(V1).replace("\"" + KEY + "\"", "\"投诉处理流程\""), "KEY_INVALID", "投诉处理流程");
    }

    @Test
    void aRefusedDeploymentIsRecordedWithWhoAndWhy() {
        long before = deploymentRecordCount();
        refused(FILE, v1With("${recordBreachDelegate}", "${sendFaxDelegate}"), "DELEGATE_UNKNOWN",
                "Task_RecordResponseBreach");
        assertThat(deploymentRecordCount()).isEqualTo(before + 1);
        Map<String, Object> record = deploymentRecords("manager").get(0);
        assertThat(record.get("OUTCOME")).isEqualTo("REFUSED");
        assertThat(record.get("SOURCE")).isEqualTo("kefu-console");
        assertThat((String) record.get("SUMMARY")).contains("DELEGATE_UNKNOWN", "sendFaxDelegate");
        Response log = as("auditor").get("/api/models/deployments?size=5");
        assertThat(log.status()).isEqualTo(200);
        assertThat(log.json().path("content").size()).isBetween(1, 5);
        assertThat(log.json().path("content").get(0).path("outcome").asText()).isEqualTo("REFUSED");
        assertThat(log.json().path("content").get(0).path("actor").asText()).isEqualTo("manager");
    }

    static String decisionCopy() {
        return resource("models/complaint-classification-redesign-test.dmn");
    }
}
