package io.kefu.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kefu.complaint.process.ComplaintProcess;
import io.kefu.support.HeadlessChromium;
import io.kefu.support.HttpApiTest;
import java.math.BigDecimal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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
        assertThat(csv).startsWith("200 ").contains("时间,轮次,来源,类型,人员,事件,详情,详情(代码),流程节点,技术步骤");

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

    /**
     * Issue 12's "done": a complaint walked through every step, with one 不满意 return visit and a second round that
     * ends 满意 and closed, reads for the auditor as the story of that case alone, round by round, in words — no
     * element id, no upper-case code, no instance id — with the technical steps behind a switch; and the manager's
     * report pages for the month show figures that agree with each other. Screenshots in target/console-shots.
     */
    @Test
    void anAuditorReadsAReopenedComplaintRoundByRoundAndAManagerSeesFiguresThatAgree() throws Exception {
        JsonNode customer = registerCustomer();
        Instant step = Instant.now().minusSeconds(7200).truncatedTo(ChronoUnit.SECONDS);
        ClockUtil.setCurrentTime(Date.from(step));
        JsonNode complaint;
        try {
            complaint = fileComplaint("agent", customer.path("code").asText());
            for (Object[] s : walkWithOneUnsatisfiedVisit()) {
                step = step.plusSeconds(60);
                ClockUtil.setCurrentTime(Date.from(step));
                @SuppressWarnings("unchecked")
                Map<String, Object> form = (Map<String, Object>) s[2];
                work(complaint, (String) s[0], (String) s[1], form);
            }
        } finally {
            ClockUtil.reset();
        }
        String caseNo = complaint.path("caseNo").asText();
        JsonNode closed = as("auditor").get("/api/complaints/" + complaint.path("id").asText()).json();
        assertThat(closed.path("status").asText()).isEqualTo("CLOSED");

        open("/console/cases/" + caseNo);
        logIn("auditor");
        wait.until(ExpectedConditions.textToBe(By.id("case-key"), caseNo));
        screenshot("case-" + caseNo);

        // grouped: what belongs to no round first, then 第 1 轮 and 第 2 轮, each under its heading
        assertThat(browser.findElements(By.cssSelector("#timeline tbody.round-group")))
                .extracting(g -> g.getAttribute("data-round")).containsExactly("none", "1", "2");
        assertThat(browser.findElements(By.cssSelector("#timeline tr.round-heading")))
                .extracting(WebElement::getText)
                .satisfiesExactly(h -> assertThat(h).startsWith("案件整体"), h -> assertThat(h).startsWith("第 1 轮"),
                        h -> assertThat(h).startsWith("第 2 轮"));
        String round1 = browser.findElement(By.cssSelector("#timeline tbody[data-round='1']")).getText();
        String round2 = browser.findElement(By.cssSelector("#timeline tbody[data-round='2']")).getText();
        assertThat(round1).contains("完成任务: 投诉判断", "完成任务: 投诉回访", "不满意", "客户签字")
                .doesNotContain("经理督办不满意投诉");
        assertThat(round2).contains("经理督办不满意投诉", "二次彻查", "完成任务: 结案与分类统计", "满意")
                .doesNotContain("完成任务: 投诉判断");
        String story = browser.findElement(By.id("timeline")).getText();
        assertReadable(story, caseNo);
        // the sub-process is left once the task that ends it is completed
        assertThat(story.indexOf("完成任务: 通知客户并确认")).isLessThan(story.indexOf("离开 调查与处理"));

        // every step on request, still round by round; and back
        browser.findElement(By.id("show-all-steps")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("show-story")));
        screenshot("case-all-steps");
        String all = browser.findElement(By.id("timeline")).getText();
        assertThat(browser.findElements(By.cssSelector("#timeline tr.entry")).size())
                .isGreaterThan(story.split("\n").length - 3);
        assertThat(browser.findElements(By.cssSelector("#timeline tbody.round-group")))
                .extracting(g -> g.getAttribute("data-round")).containsExactly("none", "1", "2");
        assertThat(all).contains("经过", "网关");
        assertReadable(all, caseNo);
        browser.findElement(By.id("show-story")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("show-all-steps")));

        // the manager: the month's complaint and satisfaction figures agree with each other
        browser.findElement(By.cssSelector("form[action='/logout'] button")).click();
        wait.until(ExpectedConditions.urlContains("/login?logout"));
        String month = java.time.YearMonth.from(Instant.parse(closed.path("createdAt").asText())
                .atZone(java.time.ZoneId.of("Asia/Shanghai"))).toString();
        open("/console/reports?report=complaints&month=" + month);
        logIn("manager");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("kpis")));
        screenshot("report-complaints");
        Map<String, String> complaints = kpis();
        if (!complaints.get("解决超时投诉").equals("0")) {
            assertThat(new BigDecimal(complaints.get("解决及时率"))).isLessThan(new BigDecimal("100"));
        }
        open("/console/reports?report=satisfaction&month=" + month);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("kpis")));
        screenshot("report-satisfaction");
        Map<String, String> satisfaction = kpis();
        assertThat(Integer.parseInt(satisfaction.get("曾不满意的投诉"))).isPositive();
        assertThat(new BigDecimal(satisfaction.get("不满意率"))).isPositive();
        assertThat(Long.parseLong(satisfaction.get("回访答复数")))
                .as("a case visited twice counts twice per visit, once per case")
                .isGreaterThan(Long.parseLong(satisfaction.get("已回访投诉")));
        assertThat(HeadlessChromium.cspViolations(browser)).as("refused by the Content-Security-Policy").isEmpty();
    }

    /** No engine element id, no upper-case code, no instance id, and no other case's number. */
    private static void assertReadable(String text, String caseNo) {
        assertThat(Pattern.compile("[A-Za-z]+_[A-Za-z]+").matcher(text).find()).as("an element id in%n%s", text).isFalse();
        Matcher identifier = Pattern.compile("\\b[a-z]+[A-Z][A-Za-z]*\\b").matcher(text);
        assertThat(identifier.find() ? identifier.group() : null).as("a field name in%n%s", text).isNull();
        Matcher code = Pattern.compile("\\b[A-Z]{2,}\\b").matcher(text);
        assertThat(code.find() ? code.group() : null).as("an upper-case code in%n%s", text).isNull();
        assertThat(Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}").matcher(text).find()).as("an instance id")
                .isFalse();
        Matcher cases = Pattern.compile("TS\\d{4}-\\d{5}").matcher(text);
        while (cases.find()) {
            assertThat(cases.group()).as("another case").isEqualTo(caseNo);
        }
    }

    /** Every step of a complaint with one 不满意 return visit, a second round, a 满意 visit and the closing. */
    private static List<Object[]> walkWithOneUnsatisfiedVisit() {
        List<Object[]> steps = new java.util.ArrayList<>();
        steps.add(new Object[] {"Task_AssessValidity", "agent", Map.of("complaintValid", true,
                "validityReason", "客户所述属实", "department", "tech", "causeType", "PRODUCT")});
        for (String round : List.of("首轮", "二次彻查")) {
            steps.add(new Object[] {"Task_InvestigateComplaint", "tech", Map.of("findings", round + ":批次包装缺陷",
                    "responsiblePerson", "包装组")});
            steps.add(new Object[] {"Task_ProposeSolutions", "tech", Map.of("solutionOption1", round + "补发",
                    "solutionOption2", "退款", "solutionOption3", "书面说明")});
            steps.add(new Object[] {"Task_SelectSolution", "supervisor", Map.of("solutionDecision", "OPTION_1",
                    "leaderInstruction", "同意")});
            steps.add(new Object[] {"Task_ImplementSolution", "tech", Map.of("implementationNotes", round + "已补发",
                    "penalties", "无")});
            steps.add(new Object[] {"Task_ConfirmWithCustomer", "agent", Map.of("customerAccepted", true,
                    "acceptanceMethod", "SIGNATURE", "acceptanceReference", "签收单")});
            boolean first = round.equals("首轮");
            steps.add(new Object[] {"Task_ReturnVisit", "agent", Map.of("satisfaction",
                    first ? "DISSATISFIED" : "SATISFIED", "visitRemarks", first ? "问题再次出现" : "客户认可")});
            if (first) {
                steps.add(new Object[] {"Task_ReviewReopenedComplaint", "manager", Map.of("managerInstruction",
                        "二次彻查", "department", "tech")});
            }
        }
        steps.add(new Object[] {"Task_CloseComplaint", "supervisor", Map.of("closingCategory", "PRODUCT_QUALITY",
                "closingSummary", "已闭环")});
        return steps;
    }

    private Map<String, String> kpis() {
        Map<String, String> kpis = new java.util.HashMap<>();
        for (WebElement row : browser.findElements(By.cssSelector("#kpis tbody tr"))) {
            List<WebElement> cells = row.findElements(By.tagName("td"));
            kpis.put(cells.get(0).getText(), cells.get(1).getText());
        }
        return kpis;
    }

    private int shot;

    /** The page as it is, then (on a case page) its timeline screen by screen, and the timeline's text. */
    private void screenshot(String name) throws java.io.IOException {
        Path dir = Path.of("target", "console-shots");
        Files.createDirectories(dir);
        int n = ++shot;
        Files.write(dir.resolve(String.format("%02d-%s.png", n, name)),
                ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        List<WebElement> timeline = browser.findElements(By.id("timeline"));
        if (timeline.isEmpty()) {
            return;
        }
        Files.writeString(dir.resolve(String.format("%02d-%s.txt", n, name)), timeline.get(0).getText());
        JavascriptExecutor page = (JavascriptExecutor) browser;
        page.executeScript("arguments[0].scrollIntoView()", timeline.get(0));
        for (int part = 1; part <= 12; part++) {
            Files.write(dir.resolve(String.format("%02d-%s-%02d.png", n, name, part)),
                    ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            Object moved = page.executeScript("const y = window.scrollY; window.scrollBy(0, window.innerHeight - 80);"
                    + " return window.scrollY > y;");
            if (!Boolean.TRUE.equals(moved)) {
                break;
            }
        }
        page.executeScript("window.scrollTo(0, 0)");
    }

    /** The agent attaches a letter on the case page: the page's script sends it with the CSRF token, the list shows it. */
    @Test
    void anAgentAttachesALetterOnTheCasePage() throws IOException {
        JsonNode complaint = fileComplaint("agent", registerCustomer().path("code").asText());
        String caseNo = complaint.path("caseNo").asText();
        Path letter = Files.createTempFile("客户来信", ".pdf");
        Files.writeString(letter, "%PDF-1.7 客户来信");

        open("/console/cases/" + caseNo);
        logIn("agent");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("attachment-form")));
        assertThat(browser.findElement(By.id("evidence")).getText()).contains("本案件还没有附件", "选择文件", "未选择文件")
                .doesNotContain("Choose", "No file");
        browser.findElement(By.id("attachment-file")).sendKeys(letter.toAbsolutePath().toString());
        assertThat(browser.findElement(By.id("attachment-file-chosen")).getText())
                .isEqualTo(letter.getFileName().toString());
        browser.findElement(By.id("attachment-upload")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("attachments")));
        assertThat(browser.findElement(By.id("attachments")).getText())
                .contains(letter.getFileName().toString(), "agent", "案件页");
        assertThat(HeadlessChromium.cspViolations(browser)).as("refused by the Content-Security-Policy").isEmpty();
        Files.createDirectories(Path.of("target", "console-walk"));
        Files.write(Path.of("target", "console-walk", "case-evidence.png"),
                ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        Files.deleteIfExists(letter);
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
