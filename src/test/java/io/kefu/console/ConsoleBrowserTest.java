package io.kefu.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kefu.complaint.process.ComplaintProcess;
import io.kefu.support.HeadlessChromium;
import io.kefu.support.HttpApiTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The console in a real headless browser (Debian's chromium and chromium-driver): an auditor finds a closed complaint,
 * opens its timeline and sees the path on the diagram, exports it; a manager opens the report with its charts and
 * exports it; an agent lands on their home (我的工作) and finds a case with the header's search box. Fails — never skips — when the browser is missing, so that CI cannot pass without running it.
 */
class ConsoleBrowserTest extends HttpApiTest {

    @LocalServerPort
    int port;

    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void startBrowser() {
        browser = HeadlessChromium.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anAuditorFollowsAClosedComplaintAndAManagerReadsTheMonthlyReport() {
        JsonNode customer = registerCustomer();
        JsonNode complaint = fileComplaint("agent", customer.path("code").asText());
        Task assessment = assessmentTask(complaint);
        assertThat(as("agent").post("/api/tasks/" + assessment.getId() + "/complete", invalidAssessment()).status())
                .isEqualTo(200);
        String caseNo = complaint.path("caseNo").asText();

        // the auditor logs in and searches the customer's cases
        open("/console/cases");
        logIn("auditor");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("case-search")));
        WebElement customerField = browser.findElement(By.cssSelector("#case-search input[name=customer]"));
        customerField.sendKeys(customer.path("code").asText());
        browser.findElement(By.id("search-button")).click();
        WebElement link = wait.until(ExpectedConditions.elementToBeClickable(By.linkText(caseNo)));
        assertThat(browser.findElement(By.cssSelector("#case-results tbody tr .case-customer")).getText())
                .as("the row names the customer").startsWith(customer.path("code").asText());
        link.click();

        // the case page: timeline and the diagram with the path taken
        wait.until(ExpectedConditions.textToBe(By.id("case-key"), caseNo));
        wait.until(ExpectedConditions.attributeToBe(By.id("diagram-status"), "data-rendered", "true"));
        List<WebElement> executed = browser.findElements(By.cssSelector("#diagram .djs-element.executed"));
        assertThat(executed).as("highlighted steps on the diagram").hasSizeGreaterThan(3);
        assertThat(browser.findElements(By.cssSelector("#diagram [data-element-id=Task_AssessValidity].executed")))
                .hasSize(1);
        assertThat(browser.findElements(By.cssSelector("#diagram [data-element-id=Task_InvestigateComplaint].executed")))
                .isEmpty();
        assertThat(browser.findElements(By.cssSelector("#timeline tbody tr"))).hasSizeGreaterThan(10);
        assertThat(browser.findElement(By.id("timeline")).getText()).contains("完成任务: 投诉判断").contains("agent");

        // export: the link the page offers downloads the CSV
        String csv = fetch(browser.findElement(By.id("export-csv")).getAttribute("href"));
        assertThat(csv).startsWith("200 ").contains("时间,来源,类型,人员,事件,详情,详情(代码),流程节点,技术步骤");

        // an unknown case is a Chinese page with a way back, under the same policy
        open("/console/cases/TS1999-99999");
        wait.until(ExpectedConditions.textToBe(By.id("error-title"), "未找到"));
        browser.findElement(By.id("error-home")).click();
        wait.until(ExpectedConditions.urlToBe("http://localhost:" + port + "/console"));
        assertThat(HeadlessChromium.cspViolations(browser)).as("refused by the Content-Security-Policy").isEmpty();

        // the manager opens the report page: figures, a chart, export links
        browser.findElement(By.cssSelector("form[action='/logout'] button")).click();
        wait.until(ExpectedConditions.urlContains("/login?logout"));
        open("/console/reports");
        logIn("manager");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("report-title")));
        assertThat(browser.findElement(By.id("kpis")).getText()).contains("受理投诉数");
        WebElement chart = browser.findElement(By.id("chart-0"));
        assertThat(((Number) ((JavascriptExecutor) browser).executeScript(
                "return Chart.getChart(arguments[0]) ? arguments[0].width : 0", chart)).intValue())
                .as("a chart is drawn on the canvas").isGreaterThan(0);
        String xlsx = fetch(browser.findElement(By.id("export-report-xlsx")).getAttribute("href"));
        assertThat(xlsx).startsWith("200 ");
        assertThat(HeadlessChromium.cspViolations(browser)).as("refused by the Content-Security-Policy").isEmpty();

        // and the policy holds: a script written into the page (as an injection would) does not run, and is reported
        JavascriptExecutor page = (JavascriptExecutor) browser;
        page.executeScript("const s = document.createElement('script'); s.textContent = 'window.injected = true';"
                + " document.body.appendChild(s);");
        assertThat(page.executeScript("return window.injected === true")).isEqualTo(false);
        assertThat(HeadlessChromium.cspViolations(browser)).anyMatch(message -> message.contains("script-src"));
    }

    @Test
    void anAgentLandsOnTheirHomeAndFindsACaseByItsNumber() throws IOException {
        JsonNode customer = registerCustomer();
        JsonNode complaint = fileComplaint("agent", customer.path("code").asText());
        String caseNo = complaint.path("caseNo").asText();
        Task assess = openTask(complaint, ComplaintProcess.TASK_ASSESS_VALIDITY);
        assess.setDueDate(Date.from(Instant.now().minus(3650, ChronoUnit.DAYS)));
        taskService.saveTask(assess);

        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        browser.get("http://localhost:" + port + "/login");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username"))).sendKeys("agent");
        browser.findElement(By.id("password")).sendKeys("agent");
        browser.findElement(By.cssSelector("button[type=submit]")).click();

        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "我的工作"));
        assertThat(browser.getCurrentUrl()).endsWith("/console");
        assertThat(browser.findElement(By.id("home-overdue")).getText()).contains(caseNo, "投诉判断");
        assertThat(browser.findElement(By.id("home-my-cases")).getText()).contains(caseNo);
        shot("home");

        var search = browser.findElement(By.id("console-search"));
        search.sendKeys(caseNo.toLowerCase(), Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("search-for")));
        shot("search");
        browser.findElement(By.linkText(caseNo)).click();
        wait.until(ExpectedConditions.textToBe(By.id("case-key"), caseNo));
        assertThat(HeadlessChromium.cspViolations(browser)).as("refused by the Content-Security-Policy").isEmpty();
    }

    /** Screenshots of the agent's home, to look at: target/console-home. */
    private static final Path SHOTS = Path.of("target", "console-home");

    private void shot(String name) throws IOException {
        Files.createDirectories(SHOTS);
        Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    private void logIn(String user) {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(user);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
    }

    /** Fetches a URL in the page (with the browser's session): "status first-characters". */
    private String fetch(String url) {
        Object result = ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => r.text().then(t => done(r.status + ' ' + t.substring(0, 300))))
                  .catch(e => done('error ' + e));""", url);
        return String.valueOf(result);
    }
}
