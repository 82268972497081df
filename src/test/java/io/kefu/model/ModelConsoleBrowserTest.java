package io.kefu.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.support.HeadlessChromium;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The process-redesign page in a real headless browser: a manager uploads a broken model and reads why it is refused,
 * deploys the changed complaint process, sees the added step in the diff and on the diagram, and moves a running case
 * to the new version. Fails — never skips — when the browser is missing.
 */
class ModelConsoleBrowserTest extends ModelApiTest {

    @LocalServerPort
    int port;

    private WebDriver browser;
    private WebDriverWait wait;
    private Path uploads;

    @BeforeEach
    void startBrowser() throws IOException {
        browser = HeadlessChromium.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        uploads = Files.createTempDirectory("kefu-models");
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aManagerUploadsAChangedComplaintProcessComparesItAndMovesARunningCase() throws IOException {
        int v1 = deployVersion(resource(V1));
        String running = startCase(definitionId(v1));

        browser.get("http://localhost:" + port + "/console/models");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        browser.findElement(By.id("username")).sendKeys("manager");
        browser.findElement(By.id("password")).sendKeys("manager");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("model-table")));
        assertThat(browser.findElement(By.id("model-table")).getText()).contains(KEY, "manager");

        // a model whose closing task lost its form is refused, in plain words
        choose(file("broken", v1With("camunda:formRef=\"complaint-close\" camunda:formRefBinding=\"latest\" ", "")));
        browser.findElement(By.id("validate-button")).click();
        WebElement problems = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("problem-list")));
        assertThat(problems.getText()).contains("没有表单", "USER_TASK_NO_FORM", "Task_CloseComplaint");

        // the changed process with the supervisor's review is deployed
        choose(file("changed", resource(V2)));
        browser.findElement(By.id("upload-name")).sendKeys("redesign-test-console");
        browser.findElement(By.id("deploy-button")).click();
        WebElement deployed = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("deploy-ok")));
        int v2 = v1 + 1;
        assertThat(deployed.getText()).contains("投诉处理(改版测试) 第 " + v2 + " 版");

        // the ready variants a manager can switch to, by their Chinese names
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("variant-table"))).getText())
                .contains("投诉处理(五步法,领导审批)", "投诉处理(专业机构程序,所务会议)", "当前运行", "部署为当前版本");

        // the diff lists the added step and marks it on the diagram
        new Select(browser.findElement(By.id("process-key"))).selectByValue(KEY);
        browser.findElement(By.id("from-version")).sendKeys(String.valueOf(v1));
        browser.findElement(By.id("to-version")).clear();
        browser.findElement(By.id("to-version")).sendKeys(String.valueOf(v2));
        browser.findElement(By.id("diff-button")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("diagram-status"), "data-rendered", "true"));
        assertThat(browser.findElement(By.id("diff-table")).getText()).contains("新增", "主管复核投诉判断", "人工任务",
                "流向:「投诉成立?」 → 「主管复核投诉判断」").doesNotContain("Task_SupervisorReview", "Gateway_");
        screenshot("diff");
        assertThat(browser.findElements(By.cssSelector("#diagram [data-element-id=Task_SupervisorReview].diff-added")))
                .hasSize(1);

        // the migration plan: the running case can move; the manager moves it
        browser.findElement(By.id("plan-button")).click();
        WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#migration-cases tr[data-instance='" + running + "']")));
        assertThat(row.getText()).contains("可以", "投诉判断").doesNotContain("Task_AssessValidity");
        // only what differs is called out, by name and with the true reason; the diagram is beside it
        String differences = browser.findElement(By.id("plan-differences")).getText();
        assertThat(differences).contains("新增步骤「主管复核投诉判断」").doesNotContain("类型或所在子流程不同", "登记投诉",
                "Task_");
        wait.until(ExpectedConditions.attributeToBe(By.id("diagram-status"), "data-rendered", "true"));
        assertThat(browser.findElement(By.id("diagram-pane")).getLocation().getY())
                .as("the diagram is beside the plan, not below it")
                .isLessThan(browser.findElement(By.id("migration-cases")).getLocation().getY());
        screenshot("migration-plan");
        // no case is ticked until the manager chooses it
        WebElement choice = row.findElement(By.cssSelector("input.case-choice"));
        assertThat(choice.isSelected()).isFalse();
        assertThat(browser.findElement(By.id("migrate-button")).isEnabled()).isFalse();
        choice.click();
        browser.findElement(By.id("migrate-button")).click();
        WebElement migrated = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("migration-ok")));
        assertThat(migrated.getText()).contains("第 " + v1 + " 版迁移到第 " + v2 + " 版");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(running).singleResult()
                .getProcessDefinitionId()).isEqualTo(definitionId(v2));
        // the deployment and the migration went through the page's own script, with the session's CSRF token
        assertThat(HeadlessChromium.cspViolations(browser)).as("refused by the Content-Security-Policy").isEmpty();
    }

    /** Saves what the page looks like (target/screenshots) for a person to look at. */
    private void screenshot(String name) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "screenshots"));
        byte[] png = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
        Files.write(dir.resolve(name + ".png"), png);
    }

    private Path file(String folder, String content) throws IOException {
        Path dir = Files.createDirectories(uploads.resolve(folder));
        return Files.writeString(dir.resolve(FILE), content, StandardCharsets.UTF_8);
    }

    private void choose(Path file) {
        WebElement input = browser.findElement(By.id("upload-files"));
        input.clear();
        input.sendKeys(file.toAbsolutePath().toString());
        // the field's own button would read "Choose Files" in an English browser: Kefu's button and the chosen name show
        assertThat(browser.findElement(By.id("upload-section")).getText())
                .contains("选择文件(可多选)", file.getFileName().toString()).doesNotContain("Choose", "No file");
    }
}
