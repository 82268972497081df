package io.kefu.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kefu.complaint.process.ComplaintProcess;
import io.kefu.support.BrowserSession;
import io.kefu.support.HttpApiTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

/** The agent's home (我的工作) and the header's search box, as a browser gets them. */
class ConsoleHomeTests extends HttpApiTest {

    @LocalServerPort
    int port;

    @Test
    void theHotlineLandsOnItsHomeAndDepartmentsOnTasklist() {
        BrowserSession agent = new BrowserSession(port);
        ResponseEntity<String> login = agent.logIn("agent", "agent");
        assertThat(login.getHeaders().getLocation()).hasPath("/");
        assertThat(agent.get("/").getHeaders().getLocation()).hasPath("/console");
        assertThat(agent.get("/console").getBody()).contains("<h1>我的工作</h1>", "id=\"console-search\"");
        BrowserSession tech = new BrowserSession(port);
        tech.logIn("tech", "tech");
        assertThat(tech.get("/").getHeaders().getLocation()).hasPath("/camunda/app/tasklist/");
    }

    @Test
    void theHomeListsTheAgentsOpenCaseWithItsStepAndDeadlineAndWhatIsOverdue() {
        JsonNode complaint = fileComplaint("agent", registerCustomer().path("code").asText());
        String caseNo = complaint.path("caseNo").asText();
        Task assess = openTask(complaint, ComplaintProcess.TASK_ASSESS_VALIDITY);
        // long overdue, so that it is among the first the bounded list shows whatever other tests left
        assess.setDueDate(Date.from(Instant.now().minus(3650, ChronoUnit.DAYS)));
        taskService.saveTask(assess);

        String home = BrowserSession.loggedIn(port, "agent").get("/console").getBody();

        String overdue = section(home, "home-overdue");
        assertThat(overdue).contains(">" + caseNo + "</a>", assess.getName(), "class=\"overdue\"");
        String mine = section(home, "home-my-cases");
        assertThat(mine).contains("href=\"/console/cases/" + caseNo + "\"", assess.getName());
        // another agent's home does not list it
        assertThat(BrowserSession.loggedIn(port, "agent2").get("/console").getBody()).doesNotContain(caseNo);
    }

    @Test
    void aCaseWhoseStepIsWithADepartmentIsListedAsWaitingOnIt() {
        JsonNode complaint = fileComplaint("agent", registerCustomer().path("code").asText());
        String caseNo = complaint.path("caseNo").asText();
        taskService.complete(openTask(complaint, ComplaintProcess.TASK_ASSESS_VALIDITY).getId(),
                validAssessment("tech"));

        String waiting = section(BrowserSession.loggedIn(port, "agent").get("/console").getBody(), "home-waiting");

        assertThat(waiting).contains(">" + caseNo + "</a>", "技术部", "展开调查");
    }

    @Test
    void theSearchBoxFindsACaseByNumberAndACustomerByName() {
        JsonNode customer = registerCustomer();
        JsonNode complaint = fileComplaint("agent", customer.path("code").asText());
        BrowserSession agent = BrowserSession.loggedIn(port, "agent");

        String byNumber = agent.get("/console/search?q=" + complaint.path("caseNo").asText().toLowerCase()).getBody();
        assertThat(byNumber).contains("href=\"/console/cases/" + complaint.path("caseNo").asText() + "\"");
        String byName = agent.get("/console/search?q=" + customer.path("name").asText()).getBody();
        assertThat(byName).contains("/console/customers?code=" + customer.path("code").asText());
    }

    @Test
    void onlyThoseEntitledToPersonalDataFindACustomerByPhone() {
        String phone = mobile();
        JsonNode customer = registerCustomer(customerRequest(unique("电话查找"), phone));
        String typed = phone.substring(0, 3) + " " + phone.substring(3, 7) + " " + phone.substring(7);

        ResponseEntity<String> agent = BrowserSession.loggedIn(port, "agent").get("/console/search?q=" + typed);
        assertThat(agent.getBody()).contains("/console/customers/" + customer.path("id").asLong() + "\"")
                .doesNotContain("id=\"phone-refused\"");

        ResponseEntity<String> tech = BrowserSession.loggedIn(port, "tech").get("/console/search?q=" + typed);
        assertThat(tech.getStatusCode().value()).isEqualTo(200);
        assertThat(tech.getBody()).contains("id=\"phone-refused\"")
                .doesNotContain("/console/customers/" + customer.path("id").asLong() + "\"");
    }

    private static String section(String body, String id) {
        int start = body.indexOf("id=\"" + id + "\"");
        assertThat(start).as("section %s in %s", id, body).isGreaterThan(0);
        return body.substring(start, body.indexOf("</section>", start));
    }
}
