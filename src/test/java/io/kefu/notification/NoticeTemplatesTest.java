package io.kefu.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The templates as managers edit them, and every send task of every deployed process: asynchronous, with the retry
 * cycle, naming a template that exists. A process that breaks these rules fails here, not in production.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class NoticeTemplatesTest {

    @Autowired NoticeTemplates templates;
    @Autowired RepositoryService repositoryService;

    @Test
    void everyTemplateHasASubjectAndABodyAndNoKeyIsDefinedDifferentlyTwice() {
        assertThat(templates.conflicts()).isEmpty();
        Map<String, NoticeTemplates.Template> all = templates.all();
        assertThat(all).containsKey("contract-welcome");
        assertThat(all.values()).allSatisfy(t -> {
            assertThat(t.subject()).as(t.key()).isNotBlank();
            assertThat(t.body()).as(t.key()).isNotBlank();
        });
    }

    @Test
    void placeholdersAreFilledVerbatimAndEveryMissingOneIsNamed() {
        RenderedText text = templates.render("notice-test-staff",
                Map.of("caseKey", "CT-$1\\x", "recipientName", "王芳"));
        assertThat(text.subject()).isEqualTo("【测试】请处理案件 CT-$1\\x");
        assertThat(text.body()).startsWith("王芳,您好:");

        assertThatThrownBy(() -> templates.render("notice-test", Map.of("caseKey", "CT-1")))
                .isInstanceOf(NoticeFailure.class)
                .hasMessageContaining("customerName")
                .hasMessageContaining("recipientName")
                .hasMessageContaining("testDetail");
        assertThatThrownBy(() -> templates.render("no-such-template", Map.of()))
                .isInstanceOf(NoticeFailure.class).hasMessageContaining("no-such-template");
    }

    @Test
    void aKeyTwoFilesDefineDifferentlyFailsOnlyThatTemplate() {
        NoticeTemplates twoFiles = at("classpath*:notification/conflict/*.yaml");

        assertThatThrownBy(() -> twoFiles.get("greeting")).isInstanceOf(NoticeFailure.class)
                .hasMessageContaining("greeting").hasMessageContaining("a.yaml").hasMessageContaining("b.yaml");
        assertThat(twoFiles.get("shared").body()).isEqualTo("相同");
        assertThat(twoFiles.render("farewell", Map.of("recipientName", "李娜")).body()).isEqualTo("再见,李娜");
        assertThat(twoFiles.all()).containsOnlyKeys("shared", "farewell");
    }

    @Test
    void aKeyTwiceInOneFileIsAnError() {
        assertThatThrownBy(() -> at("classpath*:notification/twice/*.yaml").get("greeting"))
                .isInstanceOf(NoticeFailure.class).hasMessageContaining("greeting");
    }

    private static NoticeTemplates at(String location) {
        return new NoticeTemplates(new NotificationSettings("R3/PT5M", location, null, null, null, null));
    }

    @Test
    void everySendTaskOfEveryProcessIsAsynchronousWithTheRetryCycleAndAKnownTemplate() {
        NotificationProcessTest.deploy(repositoryService);
        List<String> problems = new ArrayList<>();
        int sendTasks = 0;
        for (ProcessDefinition definition : repositoryService.createProcessDefinitionQuery().latestVersion().list()) {
            BpmnModelInstance model = repositoryService.getBpmnModelInstance(definition.getId());
            for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
                if (!"${sendNoticeDelegate}".equals(task.getCamundaDelegateExpression())) {
                    continue;
                }
                sendTasks++;
                String where = definition.getKey() + "/" + task.getId();
                if (!task.isCamundaAsyncBefore()) {
                    problems.add(where + ": not camunda:asyncBefore");
                }
                if (task.getExtensionElements() == null || task.getExtensionElements().getElementsQuery()
                        .filterByType(CamundaFailedJobRetryTimeCycle.class).count() == 0) {
                    problems.add(where + ": no failedJobRetryTimeCycle");
                }
                String template = model.getModelElementsByType(CamundaInputParameter.class).stream()
                        .filter(p -> p.getParentElement().getParentElement().getParentElement() == task)
                        .filter(p -> SendNoticeDelegate.TEMPLATE.equals(p.getCamundaName()))
                        .map(p -> p.getTextContent().trim()).findFirst().orElse(null);
                if (template == null) {
                    problems.add(where + ": no noticeTemplate input");
                } else if (!template.contains("${") && !templates.all().containsKey(template)) {
                    problems.add(where + ": unknown template " + template);
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(sendTasks).as("send tasks found (notice-test at least)").isPositive();
    }
}
