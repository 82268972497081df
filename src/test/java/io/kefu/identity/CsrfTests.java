package io.kefu.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import io.kefu.complaint.process.ComplaintProcess;
import io.kefu.notification.NoticeRequest;
import io.kefu.notification.NoticeTestSupport;
import io.kefu.notification.NotificationService;
import io.kefu.support.BrowserSession;
import io.kefu.support.HttpApiTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A page of another site that a logged-in user happens to open cannot write in their name. It can make the browser
 * post forms and multipart bodies with the session cookie (an old browser, or a cookie without SameSite, sends it),
 * but it cannot read Kefu's pages and so never knows the session's CSRF token: every such write is refused (403) and
 * changes nothing, while the console's own pages, which send the token, still work. HTTP Basic clients write without
 * a token. Kefu's pages carry a Content-Security-Policy and a Referrer-Policy; the session cookie is SameSite=Lax.
 */
class CsrfTests extends HttpApiTest {

    private static final String ANOTHER_SITE = "https://evil.example";

    @LocalServerPort
    int port;

    @Autowired
    NotificationService notificationService;
    @Autowired
    ManagementService managementService;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    TransactionTemplate tx;

    @Test
    void anotherSitesFormCannotClaimATaskWithTheUsersSessionButTheConsoleCan() {
        Task investigation = investigationForTech();
        BrowserSession tech = BrowserSession.loggedIn(port, "tech");
        String claim = "/api/tasks/" + investigation.getId() + "/claim";

        ResponseEntity<String> forged = tech.post(claim, MediaType.APPLICATION_FORM_URLENCODED,
                new LinkedMultiValueMap<>(), fromAnotherSite());

        assertRefusedForMissingToken(forged);
        assertThat(taskService.createTaskQuery().taskId(investigation.getId()).singleResult().getAssignee())
                .as("the task after the forged claim").isNull();

        ResponseEntity<String> claimed = tech.post(claim, MediaType.APPLICATION_FORM_URLENCODED,
                new LinkedMultiValueMap<>(), consoleToken(tech));

        assertThat(claimed.getStatusCode().value()).as("%s", claimed).isEqualTo(200);
        assertThat(taskService.createTaskQuery().taskId(investigation.getId()).singleResult().getAssignee())
                .isEqualTo("tech");
    }

    @Test
    void anotherSitesFormCannotResendANoticeButTheConsoleCan() {
        long notice = failedNotice();
        // resending is for staff of the notice's case, supervisors and managers
        BrowserSession supervisor = BrowserSession.loggedIn(port, "supervisor");
        String resend = "/api/notices/" + notice + "/resend";

        ResponseEntity<String> forged = supervisor.post(resend, MediaType.APPLICATION_FORM_URLENCODED,
                new LinkedMultiValueMap<>(), fromAnotherSite());

        assertRefusedForMissingToken(forged);
        assertThat(as("supervisor").get("/api/notices/" + notice).json().path("status").asText())
                .as("the notice after the forged resend").isEqualTo("FAILED");

        ResponseEntity<String> resent = supervisor.post(resend, MediaType.APPLICATION_FORM_URLENCODED,
                new LinkedMultiValueMap<>(), consoleToken(supervisor));

        assertThat(resent.getStatusCode().value()).as("%s", resent).isEqualTo(200);
        assertThat(as("supervisor").get("/api/notices/" + notice).json().path("status").asText()).isEqualTo("QUEUED");
    }

    @Test
    void anotherSitesUploadCannotDeployAProcessModelButTheModelsPageCan() {
        String name = unique("csrf-deployment");
        BrowserSession manager = BrowserSession.loggedIn(port, "manager");

        ResponseEntity<String> forged = manager.post("/api/models/deployments", MediaType.MULTIPART_FORM_DATA,
                modelUpload(name), fromAnotherSite());

        assertRefusedForMissingToken(forged);
        assertThat(repositoryService.createDeploymentQuery().deploymentName(name).count())
                .as("deployments after the forged upload").isZero();

        ResponseEntity<String> deployed = manager.post("/api/models/deployments", MediaType.MULTIPART_FORM_DATA,
                modelUpload(name), consoleToken(manager, "/console/models"));

        assertThat(deployed.getStatusCode().value()).as("%s", deployed).isEqualTo(201);
        assertThat(repositoryService.createDeploymentQuery().deploymentName(name).count()).isEqualTo(1);
    }

    @Test
    void aTokenOfAnotherSessionIsRefusedToo() {
        Task investigation = investigationForTech();
        BrowserSession tech = BrowserSession.loggedIn(port, "tech");
        // the attacker's own login gives them a token, but of their session, not the victim's
        HttpHeaders attackersToken = consoleToken(BrowserSession.loggedIn(port, "agent2"));

        ResponseEntity<String> forged = tech.post("/api/tasks/" + investigation.getId() + "/claim",
                MediaType.APPLICATION_FORM_URLENCODED, new LinkedMultiValueMap<>(), attackersToken);

        assertThat(forged.getStatusCode().value()).as("%s", forged).isEqualTo(403);
        assertThat(taskService.createTaskQuery().taskId(investigation.getId()).singleResult().getAssignee()).isNull();
    }

    @Test
    void httpBasicClientsWriteWithoutATokenAndGetNoSession() {
        Task investigation = investigationForTech();

        Response claimed = as("tech").post("/api/tasks/" + investigation.getId() + "/claim", null);

        assertThat(claimed.status()).as("%s", claimed).isEqualTo(200);
        assertThat(taskService.createTaskQuery().taskId(investigation.getId()).singleResult().getAssignee())
                .isEqualTo("tech");
        assertThat(claimed.headers().get(HttpHeaders.SET_COOKIE)).as("cookies of a Basic call").isNull();
    }

    @Test
    void basicCredentialsABrowserRemembersDoNotWorkFromAnotherSite() {
        // a browser that once answered Kefu's Basic prompt attaches the credentials itself, and says where from
        Task investigation = investigationForTech();
        HttpHeaders headers = new HttpHeaders();
        headers.set("Sec-Fetch-Site", "cross-site");
        headers.set(HttpHeaders.ORIGIN, ANOTHER_SITE);

        Response forged = as("tech").send(HttpMethod.POST, "/api/tasks/" + investigation.getId() + "/claim", null,
                headers);

        JsonNode problem = assertProblem(forged, 403);
        assertThat(problem.path("title").asText()).isEqualTo("缺少安全令牌");
        assertThat(taskService.createTaskQuery().taskId(investigation.getId()).singleResult().getAssignee()).isNull();
    }

    @Test
    void aWriteWithoutAnyLoginIsStillAnswered401() {
        Response anonymous = anonymous().post("/api/customers", customerRequest(unique("客户"), mobile()));

        JsonNode problem = assertProblem(anonymous, 401);
        assertThat(problem.path("title").asText()).isEqualTo("未登录");
    }

    @Test
    void theSessionCookieIsSameSiteLax() {
        BrowserSession browser = new BrowserSession(port);
        String token = BrowserSession.csrfToken(browser.get("/login"));
        var form = new LinkedMultiValueMap<String, String>();
        form.add("username", "agent");
        form.add("password", "agent");

        ResponseEntity<String> loggedIn = browser.post("/login", token, form);

        List<String> cookies = loggedIn.getHeaders().get(HttpHeaders.SET_COOKIE);
        assertThat(cookies).as("cookies set by the login").isNotNull();
        assertThat(cookies.stream().filter(c -> c.startsWith("JSESSIONID=")))
                .as("the session cookie of %s", cookies).singleElement()
                .satisfies(c -> assertThat(c).contains("SameSite=Lax", "HttpOnly"));

        // Tasklist shares the session: its cookie is marked once, by the same setting
        List<String> tasklist = new BrowserSession(port).get("/camunda/app/tasklist/").getHeaders()
                .get(HttpHeaders.SET_COOKIE);
        assertThat(tasklist).as("cookies set by Tasklist").isNotNull();
        assertThat(tasklist.stream().filter(c -> c.startsWith("JSESSIONID=")))
                .as("the session cookie of %s", tasklist).singleElement()
                .satisfies(c -> assertThat(c.split("SameSite=Lax", -1)).as(c).hasSize(2));
    }

    @Test
    void kefusPagesAllowOnlyTheirOwnScriptsAndKeepTheAddressToThemselves() {
        BrowserSession browser = BrowserSession.loggedIn(port, "manager");
        for (String page : List.of("/login", "/console", "/console/models", "/console/reports", "/api/tasks")) {
            HttpHeaders headers = browser.get(page).getHeaders();
            String policy = headers.getFirst("Content-Security-Policy");
            assertThat(policy).as("Content-Security-Policy of %s", page).isNotNull()
                    .contains("default-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'self'",
                            "form-action 'self'", "frame-ancestors 'none'")
                    .doesNotContain("unsafe-inline", "unsafe-eval");
            assertThat(headers.getFirst("Referrer-Policy")).as("Referrer-Policy of %s", page).isEqualTo("same-origin");
            assertThat(headers.getFirst("X-Frame-Options")).as("X-Frame-Options of %s", page).isEqualTo("DENY");
        }
        String tasklist = browser.get("/camunda/app/tasklist/").getHeaders().getFirst("Content-Security-Policy");
        assertThat(tasklist).as("Tasklist keeps Camunda's own policy").isNotEqualTo(SecurityConfig.CONTENT_SECURITY_POLICY);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private static void assertRefusedForMissingToken(ResponseEntity<String> response) {
        assertThat(response.getStatusCode().value()).as("%s", response).isEqualTo(403);
        assertThat(response.getHeaders().getContentType()).isNotNull();
        assertThat(response.getHeaders().getContentType().isCompatibleWith(PROBLEM_JSON)).as("%s", response).isTrue();
        assertThat(response.getBody()).contains("缺少安全令牌");
    }

    /** What a browser adds to a form post or fetch that a page of another site makes. */
    private static HttpHeaders fromAnotherSite() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ORIGIN, ANOTHER_SITE);
        headers.set(HttpHeaders.REFERER, ANOTHER_SITE + "/prize.html");
        headers.set("Sec-Fetch-Site", "cross-site");
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, PROBLEM_JSON));
        return headers;
    }

    /** The header the console's scripts send (kefu.fetch), read from the layout of one of its pages. */
    private static HttpHeaders consoleToken(BrowserSession browser, String page) {
        HttpHeaders headers = BrowserSession.csrfHeader(browser.get(page));
        headers.set("Sec-Fetch-Site", "same-origin");
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, PROBLEM_JSON));
        return headers;
    }

    private static HttpHeaders consoleToken(BrowserSession browser) {
        return consoleToken(browser, "/console");
    }

    /** A valid complaint sent to the department tech: its investigation waits, unclaimed, for tech's members. */
    private Task investigationForTech() {
        JsonNode complaint = fileComplaint("agent", registerCustomer().path("code").asText());
        Response assessed = as("agent").post("/api/tasks/" + assessmentTask(complaint).getId() + "/complete",
                validAssessment("tech"));
        assertThat(assessed.status()).as("%s", assessed).isIn(200, 204);
        Task investigation = openTask(complaint, ComplaintProcess.TASK_INVESTIGATE);
        assertThat(investigation).isNotNull();
        // the department's handler (指派专人) hands it back: pool work of tech's members again, to be claimed
        taskService.setAssignee(investigation.getId(), null);
        investigation = openTask(complaint, ComplaintProcess.TASK_INVESTIGATE);
        assertThat(investigation.getAssignee()).isNull();
        return investigation;
    }

    /** A notice to a new customer whose every delivery attempt failed, so that staff may resend it. */
    private long failedNotice() {
        JsonNode customer = registerCustomer();
        String mobile = customer.path("contacts").get(0).path("phone").asText();
        String caseKey = unique("CSRF");
        long id = tx.execute(s -> notificationService.send(NoticeRequest.toCustomer("contract-welcome",
                customer.path("id").asLong(), caseKey, Map.of()))).getId();
        NoticeTestSupport.gatewayFailsFor(mobile, 503);
        try {
            for (Job job = deliveryJob(caseKey); job != null && job.getRetries() > 0; job = deliveryJob(caseKey)) {
                String jobId = job.getId();
                catchThrowable(() -> managementService.executeJob(jobId));
            }
        } finally {
            NoticeTestSupport.gatewayAccepts(mobile);
        }
        assertThat(as("supervisor").get("/api/notices/" + id).json().path("status").asText()).isEqualTo("FAILED");
        return id;
    }

    private Job deliveryJob(String caseKey) {
        List<Job> jobs = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseKey).list().stream()
                .flatMap(p -> managementService.createJobQuery().processInstanceId(p.getId()).list().stream())
                .toList();
        return jobs.stream().filter(j -> j.getRetries() > 0).findFirst().orElse(jobs.isEmpty() ? null : jobs.get(0));
    }

    /** The models page's upload: one new Camunda form, deployed under the given name. */
    private static MultiValueMap<String, Object> modelUpload(String name) {
        String id = name.replace('-', '_');
        String form = "{\"id\": \"" + id + "\", \"type\": \"default\", \"schemaVersion\": 16,"
                + " \"components\": [{\"key\": \"note\", \"label\": \"说明\", \"type\": \"textarea\"}]}";
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("files", new HttpEntity<>(new ByteArrayResource(form.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return id + ".form";
            }
        }));
        body.add("name", name);
        return body;
    }
}
