package io.kefu.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kefu.complaint.process.ComplaintProcess;
import io.kefu.support.CamundaWebapp;
import io.kefu.support.HeadlessChromium;
import io.kefu.support.HttpApiTest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What users see of Camunda's webapps, in a real headless browser in Chinese: Tasklist's cards say which case,
 * customer and priority a task is, typing a case number or a customer code into Tasklist's search finds the case's
 * task, a department's task waits in its 我的待办; Cockpit and Admin read in Chinese without the Camunda 8 notice, and
 * Cockpit opens a process on the version its running instances are on.
 */
class CamundaWebappsBrowserTest extends HttpApiTest {

    private static final Path SHOTS = Path.of("target", "webapps-walk");
    /** The navigation of Cockpit and Admin in English: none of it may remain. */
    private static final List<String> ENGLISH_NAVIGATION = List.of("Dashboard", "Processes", "Decisions",
            "Human Tasks", "More", "Users", "Groups", "Tenants", "Authorizations", "System", "Batches", "Deployments");
    private static final By STARTED_TASKLIST = By.xpath("//a[normalize-space(.)='发起流程']");
    private static final By SEARCH_BOX = By.cssSelector(".tasks-list .search-container > input");
    private static final By CARDS = By.cssSelector(".tasks-list li.task");

    @LocalServerPort
    int port;
    @Autowired
    RepositoryService repositoryService;

    private WebDriver browser;
    private WebDriverWait wait;
    private CamundaWebapp webapp;

    @BeforeEach
    void startBrowser() {
        CamundaWebapp.ensureAnAdministrator(identityService);
        // a browser that prefers English: Kefu's webapps speak Chinese whatever the browser's language
        browser = HeadlessChromium.start("en-US");
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        webapp = new CamundaWebapp(browser, port, SHOTS);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            webapp.screenshot("last");
            browser.quit();
        }
    }

    @Test
    void anAgentFindsACaseByItsNumberOrCustomerCodeInTasklistsSearchAndWorksItWithoutClaiming() {
        JsonNode customer = registerCustomer();
        JsonNode complaint = fileComplaint("agent", customer.path("code").asText());
        fileComplaint("agent", registerCustomer().path("code").asText());
        String caseNo = complaint.path("caseNo").asText();
        Task assessment = assessmentTask(complaint);

        webapp.logIn("tasklist", "agent", identityService, STARTED_TASKLIST);
        openFilter("我的待办");
        // typed as an agent would, lower case included
        search(caseNo.toLowerCase());

        WebElement card = onlyCard(assessment);
        assertThat(card.getText()).as("card of %s", caseNo)
                .contains("案件编号", caseNo, "客户", customer.path("name").asText(), customer.path("code").asText(),
                        "事由", "产品质量投诉", "优先级", "P3 普通");
        assertThat(card.findElements(By.cssSelector(".cells-wrapper .priority"))).as("bare task priority")
                .noneMatch(WebElement::isDisplayed);
        assertThat(browser.findElement(By.cssSelector(".tasks-list [cam-widget-search]")).getText())
                .as("the search criterion").contains("案件编号", caseNo).doesNotContain("caseNo");
        webapp.screenshot("found-by-case-number");

        // the owner's own step is theirs: it opens ready to work, with no 认领
        card.findElement(By.cssSelector("h4 a")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".fjs-container"), caseNo));
        assertThat(browser.findElements(By.cssSelector("button.claim"))).as("claim button")
                .noneMatch(WebElement::isDisplayed);
        webapp.screenshot("opened-without-claiming");

        // the customer's code finds the same case
        openFilter("我的待办");
        search(customer.path("code").asText());
        assertThat(onlyCard(assessment).getText()).contains(caseNo);
        webapp.screenshot("found-by-customer-code");
    }

    @Test
    void aDepartmentUserSeesTheDepartmentsTaskInMyTasksWithItsCaseCustomerAndPriority() {
        JsonNode customer = registerCustomer();
        JsonNode complaint = fileComplaint("agent", customer.path("code").asText());
        taskService.complete(assessmentTask(complaint).getId(), validAssessment("tech"));
        Task investigation = openTask(complaint, ComplaintProcess.TASK_INVESTIGATE);
        String caseNo = complaint.path("caseNo").asText();

        webapp.logIn("tasklist", "tech", identityService, STARTED_TASKLIST);
        openFilter("我的待办");
        // the newest task comes first in 我的待办: no search needed
        WebElement card = wait.until(ExpectedConditions.visibilityOfElementLocated(cardOf(investigation)));
        assertThat(card.getText()).as("card in 我的待办")
                .contains(investigation.getName(), caseNo, customer.path("name").asText(), "P3 普通");
        webapp.screenshot("department-my-tasks");
    }

    @Test
    void cockpitReadsInChineseWithoutTheCamunda8NoticeAndOpensAProcessOnTheVersionItsInstancesRunOn() {
        fileComplaint("agent", registerCustomer().path("code").asText());
        By navigation = By.cssSelector("[cam-widget-header] .sections-menu");

        webapp.logIn("cockpit", "admin", identityService, navigation);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "运行中的流程实例"));
        assertChinese(navigation, "流程", "决策", "人工任务");
        webapp.screenshot("cockpit-dashboard");

        webapp.open("cockpit", "/processes");
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//a[normalize-space(.)='投诉处理']"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "定义版本"));
        assertChinese(navigation, "流程");
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("流程实例", "运行中的实例")
                .doesNotContain("Process Instances", "Running Instances", "Definition Version");
        webapp.screenshot("cockpit-process");

        // a process whose only running instance is on version 1 of 2 opens on version 1
        String v1 = deployVersionCheck();
        runtimeService.startProcessInstanceById(v1);
        String v2 = deployVersionCheck();
        try {
            webapp.open("cockpit", "/process-definition/" + v2 + "/runtime");
            wait.until(browser -> URLDecoder.decode(browser.getCurrentUrl(), StandardCharsets.UTF_8)
                    .contains("/process-definition/" + v1));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "定义版本"));
            webapp.screenshot("cockpit-version-with-instances");
        } finally {
            for (String id : List.of(v1, v2)) {
                repositoryService.deleteDeployment(repositoryService.getProcessDefinition(id).getDeploymentId(),
                        true, true);
            }
        }
    }

    @Test
    void adminReadsInChineseWithoutTheCamunda8Notice() {
        By navigation = By.cssSelector("[cam-widget-header] .sections-menu");

        webapp.logIn("admin", "admin", identityService, navigation);
        assertChinese(navigation, "用户", "组", "授权", "系统");
        webapp.open("admin", "/users");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "用户列表"));
        assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("List of Users", "Add User");
        webapp.screenshot("admin-users");
    }

    // ---- Tasklist ----------------------------------------------------------------------------------------------

    private void openFilter(String name) {
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//*[contains(@class,'task-filters')]//a[contains(normalize-space(.),'" + name + "')]"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(SEARCH_BOX));
    }

    /** Types into Tasklist's search box and presses Enter, as a user does. */
    private void search(String text) {
        WebElement box = wait.until(ExpectedConditions.elementToBeClickable(SEARCH_BOX));
        box.sendKeys(text);
        box.sendKeys(Keys.ENTER);
    }

    private static By cardOf(Task task) {
        return By.xpath("//*[contains(@class,'tasks-list')]//li[contains(@class,'task')][.//a[contains(@href,'task="
                + task.getId() + "')]]");
    }

    /** Waits until the list shows this task's card and no other, and returns it. */
    private WebElement onlyCard(Task task) {
        wait.until(ExpectedConditions.and(ExpectedConditions.visibilityOfElementLocated(cardOf(task)),
                ExpectedConditions.numberOfElementsToBe(CARDS, 1)));
        return browser.findElement(cardOf(task));
    }

    // ---- Cockpit and Admin -------------------------------------------------------------------------------------

    /** The navigation has these Chinese entries and none in English; Camunda 8's notice is not shown. */
    private void assertChinese(By navigation, String... entries) {
        // the menu shows before its texts are filled in: wait for them
        String shown = wait.until(d -> {
            String text = d.findElement(navigation).getText();
            return text.isBlank() ? null : text;
        });
        assertThat(shown).as("navigation").contains(entries);
        assertThat(shown.lines().map(String::strip)).as("navigation in English").doesNotContainAnyElementsOf(
                ENGLISH_NAVIGATION);
        assertThat(browser.findElements(By.cssSelector(".ce-eol-banner"))).as("Camunda 8 notice")
                .noneMatch(WebElement::isDisplayed);
        assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("Camunda 8", "migrate");
    }

    /** A new version of a small process of this test's own (waiting in a receive task), deployed; its id. */
    private String deployVersionCheck() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("kefu-version-check").name("版本检查")
                .camundaHistoryTimeToLive(1)
                .startEvent().receiveTask("Wait").name("等待").endEvent().done();
        String deployment = repositoryService.createDeployment().name("版本检查")
                .addModelInstance("kefu-version-check.bpmn", model).deploy().getId();
        ProcessDefinition definition = repositoryService.createProcessDefinitionQuery().deploymentId(deployment)
                .singleResult();
        return definition.getId();
    }
}
