package io.kefu.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kefu.complaint.process.ComplaintProcess;
import io.kefu.support.CamundaWebapp;
import io.kefu.support.HeadlessChromium;
import io.kefu.support.HttpApiTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Camunda Tasklist in a real headless browser, in Chinese: one complaint walks its main path from the start form to
 * 结案, every step done by the demo user who does it, through Tasklist's own filters, claim button and Camunda Forms —
 * as Kefu's users work. Each form shows the case card with the complainant's number masked; a refused submission
 * shows Kefu's Chinese message; nothing on the way is refused by the Content-Security-Policy or fails in the browser.
 */
class TasklistBrowserTest extends HttpApiTest {

    private static final String COMPLAINANT_PHONE = "13912345678";
    private static final String MASKED_PHONE = "139****5678";

    /** Screenshots of every step, for whoever reads a failure (and for looking at what the users see). */
    private static final Path SHOTS = Path.of("target", "tasklist-walk");

    @LocalServerPort
    int port;

    private static final By ERROR = By.cssSelector(".notifications .alert-danger");

    private WebDriver browser;
    private WebDriverWait wait;
    private final List<LogEntry> console = new ArrayList<>();
    private CamundaWebapp tasklist;

    @BeforeEach
    void ensureAnAdministrator() {
        CamundaWebapp.ensureAnAdministrator(identityService);
    }

    @BeforeEach
    void startBrowser() {
        browser = HeadlessChromium.start("zh-CN");
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        tasklist = new CamundaWebapp(browser, port, SHOTS);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            screenshot("last");
            browser.quit();
        }
    }

    @Test
    void oneComplaintWalksFromTheStartFormToClosedThroughTasklistEachStepByItsUser() {
        JsonNode customer = registerCustomer();

        // the agent takes the call and starts 投诉处理 with its start form
        logIn("agent");
        click(By.xpath("//a[normalize-space(.)='发起流程']"));
        startProcess("投诉处理");
        // the customer is looked up by number in the start form's select, which Kefu fills
        search("customerCode", customer.path("code").asText());
        type("complainantName", "李四光");
        type("complainantPhone", COMPLAINANT_PHONE);
        choose("category", "产品质量");
        pick("severity", "一般");
        type("description", "收到的货物有破损,外包装完好");
        type("customerRequest", "换货");
        screenshot("start-form");
        submit("发起");

        JsonNode complaint = complaintOf(customer);
        String caseNo = complaint.path("caseNo").asText();

        // 投诉判断: the agent owns the case, so the task is theirs already
        openTask("我的待办", complaint, ComplaintProcess.TASK_ASSESS_VALIDITY, caseNo);
        pick("complaintValid", "成立");
        type("validityReason", "货物确有破损,照片为证");
        choose("department", "技术部");
        choose("causeType", "产品问题");
        submit("完成");

        // the department investigates and proposes solutions (two of three)
        logIn("tech");
        openTask("我的待办", complaint, ComplaintProcess.TASK_INVESTIGATE, caseNo);
        claimIfOffered();
        type("findings", "仓库装车时挤压导致破损");
        type("responsiblePerson", "仓库班组长");
        submit("完成");

        openTask("我的待办", complaint, ComplaintProcess.TASK_PROPOSE_SOLUTIONS, caseNo);
        claimIfOffered();
        type("solutionOption1", "补发新货并承担运费");
        type("solutionOption2", "按货值八折退款");
        submit("完成");

        // the supervisor first picks the option nobody wrote: Kefu refuses it in Chinese, then a real one
        logIn("supervisor");
        openTask("我的待办", complaint, ComplaintProcess.TASK_SELECT_SOLUTION, caseNo);
        claim();
        pick("solutionDecision", "采用方案三");
        type("leaderInstruction", "同意,尽快补发");
        String refusal = submitRefused("完成");
        assertThat(refusal).contains("方案三未填写")
                .doesNotContain("ENGINE-", "Cannot submit", "Exception", "at io.kefu", "at org.");
        pick("solutionDecision", "采用方案一");
        submit("完成");

        // the department carries it out
        logIn("tech");
        openTask("我的待办", complaint, ComplaintProcess.TASK_IMPLEMENT_SOLUTION, caseNo);
        claimIfOffered();
        type("implementationNotes", "已补发新货,客户已签收");
        submit("完成");

        // the owner confirms with the customer and makes the return visit
        logIn("agent");
        openTask("我的待办", complaint, ComplaintProcess.TASK_CONFIRM_WITH_CUSTOMER, caseNo);
        pick("customerAccepted", "接受");
        choose("acceptanceMethod", "电话录音确认");
        type("acceptanceReference", "REC-20240101-01");
        submit("完成");

        openTask("我的待办", complaint, ComplaintProcess.TASK_RETURN_VISIT, caseNo);
        pick("satisfaction", "满意");
        type("visitRemarks", "客户对补发速度满意");
        submit("完成");

        // the supervisor closes the case
        logIn("supervisor");
        openTask("我的待办", complaint, ComplaintProcess.TASK_CLOSE, caseNo);
        claim();
        choose("closingCategory", "产品质量");
        type("closingSummary", "包装加固,装车规范已更新");
        submit("完成");

        assertThat(as("supervisor").get("/api/complaints/" + complaint.path("id").asText()).json()
                .path("status").asText()).isEqualTo("CLOSED");
        drainConsole();
        assertThat(console).as("messages in the browser's console")
                .map(LogEntry::getMessage)
                .noneMatch(message -> message.contains("Content Security Policy"));
        assertThat(console).as("errors in the browser's console from Kefu's files in Tasklist")
                .filteredOn(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .filteredOn(message -> message.contains("/app/tasklist/scripts/")
                        || message.contains("/app/tasklist/styles/") || message.contains("/app/tasklist/locales/"))
                .isEmpty();
        assertThat(console).as("scripts failing in Tasklist")
                .map(LogEntry::getMessage)
                .filteredOn(message -> message.contains("Uncaught"))
                // RequireJS giving up under load, which logIn recovers from by reloading
                .filteredOn(message -> !message.contains("Load timeout for modules"))
                .isEmpty();
    }

    /**
     * 客户签字 needs the signed form kept: the agent's first 完成 is refused in Chinese; the agent attaches the scan in
     * the task's 附件 tab (Kefu's Tasklist plugin, with Tasklist's own login) and the same answer then completes.
     */
    @Test
    void anAgentAttachesTheCustomersSignatureInTheAttachmentTabAndThenCompletesTheConfirmation() throws IOException {
        JsonNode complaint = complaintAwaitingTheCustomer();
        String caseNo = complaint.path("caseNo").asText();
        Path scan = Files.createTempFile("签字单", ".png");
        Files.write(scan, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4});

        logIn("agent");
        openTask("我的待办", complaint, ComplaintProcess.TASK_CONFIRM_WITH_CUSTOMER, caseNo);
        pick("customerAccepted", "接受");
        choose("acceptanceMethod", "客户签字");
        assertThat(submitRefused("完成")).contains("签字单").doesNotContain("Exception", "ENGINE-");

        click(By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space(.)='附件']"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("kefu-evidence"), caseNo));
        assertThat(browser.findElement(By.id("kefu-evidence")).getText()).contains("本案件还没有附件");
        assertThat(browser.findElement(By.id("kefu-evidence")).getText()).contains("选择文件", "未选择文件")
                .doesNotContain("Choose", "No file");
        browser.findElement(By.id("kefu-evidence-file")).sendKeys(scan.toAbsolutePath().toString());
        click(By.id("kefu-evidence-upload"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".kefu-evidence-status"),
                "已上传"));
        assertThat(browser.findElement(By.cssSelector(".kefu-evidence-list")).getText())
                .contains(scan.getFileName().toString(), "agent", "通知客户并确认");
        screenshot("evidence-attached");

        click(By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space(.)='表单']"));
        dismissNotifications();
        pick("customerAccepted", "接受");
        choose("acceptanceMethod", "客户签字");
        submit("完成");

        JsonNode attachments = as("agent").get("/api/cases/" + caseNo + "/attachments").json();
        assertThat(attachments).hasSize(1);
        assertThat(attachments.get(0).path("contentType").asText()).isEqualTo("image/png");
        assertThat(openTask(complaint, ComplaintProcess.TASK_CONFIRM_WITH_CUSTOMER)).as("completed").isNull();
        drainConsole();
        assertThat(console).as("messages in the browser's console")
                .map(LogEntry::getMessage)
                .noneMatch(message -> message.contains("Content Security Policy") || message.contains("kefu-evidence"));
        Files.deleteIfExists(scan);
    }

    // ---- Tasklist ----------------------------------------------------------------------------------------------

    /** Logs in through Tasklist's own login form, in a fresh session. */
    private void logIn(String user) {
        drainConsole();
        tasklist.logIn("tasklist", user, identityService, By.xpath("//a[normalize-space(.)='发起流程']"));
    }

    /**
     * Opens the complaint's task from one of Tasklist's filters, and checks the case card at the top of its form: the
     * case number, and the complainant's number masked.
     */
    private void openTask(String filter, JsonNode complaint, String taskKey, String caseNo) {
        Task task = openTask(complaint, taskKey);
        assertThat(task).as("open task %s of %s", taskKey, caseNo).isNotNull();
        click(By.xpath("//*[contains(@class,'task-filters')]//a[contains(normalize-space(.),'" + filter + "')]"));
        By inList = By.cssSelector(".tasks-list a[href*='task=" + task.getId() + "']");
        try {
            // the list may be redrawn between finding the card and clicking it (a refresh after login): find it again
            new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                    .until(driver -> {
                        WebElement card = ExpectedConditions.elementToBeClickable(inList).apply(driver);
                        if (card == null) {
                            return false;
                        }
                        card.click();
                        return true;
                    });
        } catch (TimeoutException notOnTheFirstPage) {
            // the suite shares its database: the user may have more tasks than Tasklist's first page shows, and the
            // filter sorts by due date. Open it as a link to the task in that filter would (the form is what counts)
            String url = browser.getCurrentUrl();
            browser.get(url + (url.contains("?") ? "&" : "?") + "task=" + task.getId());
        }
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".fjs-container"), caseNo));
        String card = browser.findElement(By.cssSelector(".fjs-container")).getText();
        assertThat(card).as("case card of %s", task.getName())
                .contains(caseNo, MASKED_PHONE)
                .doesNotContain(COMPLAINANT_PHONE);
        screenshot(taskKey);
    }

    /**
     * A department step is assigned to its least-loaded member (指派专人): tech works it without claiming when tech is
     * that member; only when the step is the department's pool work (another member is the handler) is it claimed.
     */
    private void claimIfOffered() {
        if (!browser.findElements(By.cssSelector("button.claim")).stream().filter(WebElement::isDisplayed).toList()
                .isEmpty()) {
            claim();
        }
    }

    /** A searchable select: the text typed into it, then the first option that starts with it picked. */
    private void search(String key, String text) {
        WebElement input = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector(".fjs-container input[id$='Field_" + key + "']")));
        input.click();
        input.sendKeys(text);
        click(By.xpath("(//div[contains(@class,'fjs-dropdownlist-item')][starts-with(normalize-space(.),'" + text
                + "')])[1]"));
    }

    private void claim() {
        click(By.cssSelector("button.claim"));
        wait.until(ExpectedConditions.or(
                ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")),
                ExpectedConditions.visibilityOfElementLocated(ERROR)));
        assertNoError("claiming");
    }

    /**
     * Submits the form with its button: the form goes away (Tasklist's success message is shown for a few seconds
     * only, too short to be waited for on a loaded machine), and no error notification shows.
     */
    private void submit(String button) {
        dismissNotifications();
        WebElement form = browser.findElement(By.cssSelector(".fjs-container"));
        click(By.xpath("//button[normalize-space(.)='" + button + "']"));
        wait.until(ExpectedConditions.or(ExpectedConditions.stalenessOf(form),
                ExpectedConditions.visibilityOfElementLocated(ERROR)));
        screenshot("after-" + button);
        assertNoError("submitting with " + button);
    }

    private void assertNoError(String doing) {
        assertThat(browser.findElements(ERROR)).as("error notifications after %s", doing)
                .filteredOn(WebElement::isDisplayed)
                .map(WebElement::getText)
                .isEmpty();
    }

    /** Submits the form and returns the error notification Tasklist shows. */
    private String submitRefused(String button) {
        dismissNotifications();
        click(By.xpath("//button[normalize-space(.)='" + button + "']"));
        String shown = awaitNotification("alert-danger", null);
        screenshot("refused-" + button);
        return shown;
    }

    /** Waits for a notification of the given class(es, separated by |) and returns its text. */
    private String awaitNotification(String classes, String text) {
        StringBuilder xpath = new StringBuilder("//div[contains(@class,'notifications')]//div[");
        String[] names = classes.split("\\|");
        for (int i = 0; i < names.length; i++) {
            xpath.append(i > 0 ? " or " : "").append("contains(@class,'").append(names[i]).append("')");
        }
        xpath.append("]");
        if (text != null) {
            xpath.append("[contains(.,'").append(text).append("')]");
        }
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(xpath.toString()))).getText();
    }

    private void dismissNotifications() {
        for (WebElement close : browser.findElements(By.cssSelector(".notifications .close"))) {
            try {
                if (close.isDisplayed()) {
                    close.click();
                }
            } catch (StaleElementReferenceException closedMeanwhile) {
                // Tasklist removes a notification by itself after a while: gone is what this wanted
            }
        }
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".notifications .alert"), 0));
    }

    // ---- Camunda Forms (form-js): fields are found by the id the .form gives them (Field_<key>) ------------------

    private WebElement field(String key) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".fjs-container [id$='Field_" + key + "']")));
    }

    private void type(String key, String text) {
        WebElement input = field(key);
        input.clear();
        input.sendKeys(text);
    }

    /** A select (a hidden input in its group): opened by clicking the group, the option picked by its label. */
    private void choose(String key, String label) {
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".fjs-container input[id$='Field_" + key + "']"))).findElement(By.xpath("..")).click();
        click(By.xpath("//div[contains(@class,'fjs-dropdownlist-item')][normalize-space(.)='" + label + "']"));
    }

    /** A radio button, by its label. */
    private void pick(String key, String label) {
        click(By.xpath("//label[contains(@for,'Field_" + key + "-')][normalize-space(.)='" + label + "']"));
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    /**
     * Picks a process in 发起流程's list until its start form opens: the list is drawn while the dialog slides in, and a
     * click computed before the rows settled can land on the row above.
     */
    private void startProcess(String name) {
        By process = By.xpath("//div[contains(@class,'modal')]//a[normalize-space(.)='" + name + "']");
        By form = By.cssSelector(".fjs-container");
        for (int attempt = 1; ; attempt++) {
            WebElement row = wait.until(ExpectedConditions.elementToBeClickable(process));
            ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].click()", row);
            try {
                new WebDriverWait(browser, Duration.ofSeconds(10))
                        .until(ExpectedConditions.presenceOfElementLocated(form));
                return;
            } catch (TimeoutException notYet) {
                if (attempt == 3) {
                    throw notYet;
                }
            }
        }
    }

    private void click(By locator) {
        wait.until(ExpectedConditions.elementToBeClickable(locator)).click();
    }

    /** The complaint the start form opened: the only one of this test's customer. */
    private JsonNode complaintOf(JsonNode customer) {
        JsonNode page = as("supervisor").get("/api/complaints?customerId=" + customer.path("id").asText()).json();
        assertThat(page.path("content")).as("complaints of the customer").hasSize(1);
        return page.path("content").get(0);
    }

    private void drainConsole() {
        console.addAll(browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll());
    }

    private void screenshot(String name) {
        tasklist.screenshot(name);
        drainConsole();
        try {
            Files.write(SHOTS.resolve("console.txt"), console.stream().map(LogEntry::toString).toList(),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
