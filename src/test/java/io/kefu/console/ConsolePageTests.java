package io.kefu.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kefu.support.BrowserSession;
import io.kefu.support.HttpApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The console as a browser gets it (session cookie, {@code Accept: text/html}): errors are Chinese pages in the
 * console's layout with a way back, menus offer only what the user may open, the case search tells where each case
 * stands — while the API keeps answering problem details.
 */
class ConsolePageTests extends HttpApiTest {

    @LocalServerPort
    int port;

    @Test
    void anUnknownCaseIsANotFoundPageInChineseWithAWayBack() {
        ResponseEntity<String> page = BrowserSession.loggedIn(port, "auditor").get("/console/cases/TS1999-99999");

        assertErrorPage(page, 404, "未找到");
    }

    @Test
    void anUnknownCustomerIsANotFoundPageToo() {
        BrowserSession browser = BrowserSession.loggedIn(port, "manager");

        assertErrorPage(browser.get("/console/customers/987654321"), 404, "未找到");
        assertErrorPage(browser.get("/console/customers?code=C99999999"), 404, "未找到");
        assertErrorPage(browser.get("/console/no-such-page"), 404, "未找到");
    }

    @Test
    void aMalformedAddressIsABadInputPage() {
        ResponseEntity<String> page = BrowserSession.loggedIn(port, "manager").get("/console/customers/not-a-number");

        assertErrorPage(page, 400, "输入有误");
    }

    @Test
    void anAgentIsNotOfferedReportsOrModelsAndOpeningThemIsAForbiddenPage() {
        BrowserSession agent = BrowserSession.loggedIn(port, "agent");

        String menu = nav(agent.get("/console/cases"));
        assertThat(menu).contains("案件查询").doesNotContain("月度报表", "流程管理");
        assertThat(agent.get("/console").getBody()).doesNotContain("/console/reports");
        assertErrorPage(agent.get("/console/reports"), 403, "无权访问");
        assertErrorPage(agent.get("/console/models"), 403, "无权访问");
    }

    @Test
    void aManagerIsOfferedReportsAndModelsAndCanOpenThem() {
        BrowserSession manager = BrowserSession.loggedIn(port, "manager");

        assertThat(nav(manager.get("/console/cases"))).contains("月度报表", "流程管理");
        assertThat(manager.get("/console/reports").getStatusCode().value()).isEqualTo(200);
        assertThat(manager.get("/console/models").getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void anAuditorIsOfferedWhatTheControllersLetThemOpen() {
        BrowserSession auditor = BrowserSession.loggedIn(port, "auditor");

        assertThat(nav(auditor.get("/console/cases"))).contains("月度报表", "流程管理");
    }

    @Test
    void theCaseSearchShowsCustomerCurrentStepAndDueDate() {
        JsonNode customer = registerCustomer();
        JsonNode complaint = fileComplaint("agent", customer.path("code").asText());
        String caseNo = complaint.path("caseNo").asText();
        String step = assessmentTask(complaint).getName();

        ResponseEntity<String> page = BrowserSession.loggedIn(port, "auditor")
                .get("/console/cases?customer=" + customer.path("code").asText());

        String row = rowOf(page.getBody(), caseNo);
        assertThat(row).contains(customer.path("code").asText() + " " + customer.path("name").asText());
        assertThat(row).contains("class=\"case-step step\">" + step + "<");
        assertThat(row).containsPattern("class=\"case-due[^\"]*\">20\\d\\d-\\d\\d-\\d\\d \\d\\d:\\d\\d<");
    }

    @Test
    void theCaseHeaderNamesTheProcessAndVersionInWords() {
        JsonNode complaint = fileComplaint("agent", registerCustomer().path("code").asText());
        String instance = complaint.path("processInstanceId").asText();

        String body = BrowserSession.loggedIn(port, "auditor").get("/console/cases/" + complaint.path("caseNo").asText())
                .getBody();

        String header = body.substring(body.indexOf("<h1"), body.indexOf("</h1>"));
        assertThat(header).containsPattern("投诉处理 · 第 \\d+ 版").doesNotContain(instance);
        assertThat(body.substring(body.indexOf("<details"), body.indexOf("</details>"))).contains(instance);
    }

    /**
     * The case page lists the case's evidence; its workers attach a file from it (the page's script sends the CSRF
     * token, without which nothing is written), auditors only read and download. The file field carries the console's
     * Chinese picker (its 选择文件 button is drawn by console.js and checked in a real browser by ConsoleBrowserTest).
     */
    @Test
    void theCasePageListsTheEvidenceAndItsWorkersAttachAFileWithThePagesToken() {
        JsonNode complaint = fileComplaint("agent", registerCustomer().path("code").asText());
        String caseNo = complaint.path("caseNo").asText();
        BrowserSession agent = BrowserSession.loggedIn(port, "agent");
        ResponseEntity<String> page = agent.get("/console/cases/" + caseNo);
        assertThat(page.getBody()).contains("id=\"evidence\"", "id=\"no-attachments\"", "id=\"attachment-form\"",
                "data-picker");

        LinkedMultiValueMap<String, Object> upload = new LinkedMultiValueMap<>();
        upload.add("file", new ByteArrayResource("%PDF-1.7 客户确认书".getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "客户确认书.pdf";
            }
        });
        String api = "/api/cases/" + caseNo + "/attachments";
        ResponseEntity<String> forged = agent.post(api, MediaType.MULTIPART_FORM_DATA, upload, new HttpHeaders());
        assertThat(forged.getStatusCode().value()).as("without the page's token").isEqualTo(403);
        ResponseEntity<String> attached = agent.post(api, MediaType.MULTIPART_FORM_DATA, upload,
                BrowserSession.csrfHeader(page));
        assertThat(attached.getStatusCode().value()).as("%s", attached.getBody()).isEqualTo(201);

        String listed = BrowserSession.loggedIn(port, "auditor").get("/console/cases/" + caseNo).getBody();
        String section = listed.substring(listed.indexOf("id=\"evidence\""), listed.indexOf("</section>"));
        assertThat(section).contains("客户确认书.pdf", "agent", "/attachments/").doesNotContain("attachment-form");
    }

    @Test
    void theApiKeepsAnsweringProblemDetailsEvenToABrowser() {
        BrowserSession browser = BrowserSession.loggedIn(port, "agent");

        for (String uri : new String[] {"/api/cases/TS1999-99999/timeline", "/api/reports/complaints"}) {
            ResponseEntity<String> answer = browser.get(uri);
            assertThat(answer.getStatusCode().is4xxClientError()).as(uri).isTrue();
            assertThat(answer.getHeaders().getContentType()).as(uri).isNotNull();
            assertThat(answer.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .as("%s: %s", uri, answer.getBody()).isTrue();
        }
        assertProblem(as("agent").get("/api/cases/TS1999-99999/timeline"), 404);
    }

    private static void assertErrorPage(ResponseEntity<String> page, int status, String title) {
        assertThat(page.getStatusCode().value()).as(page.getBody()).isEqualTo(status);
        assertThat(page.getHeaders().getContentType()).isNotNull();
        assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        assertThat(page.getBody())
                .contains("<h1 id=\"error-title\">" + title + "</h1>")
                .contains("id=\"error-back\"", "id=\"error-home\"", "id=\"console-nav\"")
                .doesNotContain("\"type\":", "about:blank", "Exception", "\tat ");
    }

    private static String nav(ResponseEntity<String> page) {
        String body = page.getBody();
        return body.substring(body.indexOf("<ul id=\"console-nav\">"), body.indexOf("</ul>"));
    }

    private static String rowOf(String body, String caseNo) {
        int link = body.indexOf(">" + caseNo + "</a>");
        assertThat(link).as("row of %s in %s", caseNo, body).isGreaterThan(0);
        return body.substring(body.lastIndexOf("<tr", link), body.indexOf("</tr>", link));
    }
}
