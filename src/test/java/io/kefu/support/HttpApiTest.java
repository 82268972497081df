package io.kefu.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kefu.complaint.process.ComplaintProcess;
import io.kefu.identity.KefuGroups;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Base of the REST tests: the whole application on a random port, called over real HTTP with HTTP Basic, so that
 * Spring Security, Camunda's engine REST filter, the controllers and {@code ProblemHandler} all run as in production.
 * Every test class extends this one and adds no context annotations, so they all share one Spring context.
 * <p>
 * Tests never assume an empty database (the suite also runs on MariaDB): every test makes its own customers with
 * unique names and scopes its searches to them.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
public abstract class HttpApiTest {

    /**
     * A user for tests that send wrong passwords, and only for them: Camunda refuses every login of a user for a few
     * seconds after a wrong password (the delay grows with each failure), which would break other tests logging in as that user.
     */
    protected static final String GUESSED_USER = "agent3";

    /** The users the tests log in as (password = user id), with their only group. */
    protected static final Map<String, String> USERS = Map.of(
            "agent", KefuGroups.AGENTS,
            "agent2", KefuGroups.AGENTS,
            GUESSED_USER, KefuGroups.AGENTS,
            "supervisor", KefuGroups.SUPERVISORS,
            "manager", KefuGroups.MANAGERS,
            "auditor", KefuGroups.AUDITORS,
            "tech", KefuGroups.DEPARTMENT_PREFIX + "tech");

    protected static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    @Autowired
    protected TestRestTemplate rest;
    @Autowired
    protected IdentityService identityService;
    @Autowired
    protected RuntimeService runtimeService;
    @Autowired
    protected TaskService taskService;
    @Autowired
    protected HistoryService historyService;

    @BeforeEach
    void ensureTestUsers() {
        USERS.forEach((id, group) -> {
            if (identityService.createUserQuery().userId(id).count() == 0) {
                User user = identityService.newUser(id);
                user.setFirstName(id);
                user.setLastName("Test");
                user.setPassword(id);
                user.setEmail(id + "@kefu.example");
                identityService.saveUser(user);
            }
            if (identityService.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
                identityService.createMembership(id, group);
            }
        });
        // a wrong password in an earlier test must not lock a user out of this one
        identityService.unlockUser(GUESSED_USER);
    }

    // ---- HTTP ------------------------------------------------------------------------------------------------

    /** A response as the client saw it; the body decoded as UTF-8 (error messages are Chinese). */
    public record Response(int status, HttpHeaders headers, String body) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new AssertionError("response body is not JSON (status " + status + "): " + body, e);
            }
        }

        public MediaType contentType() {
            return headers.getContentType();
        }

        /** The {@code field} of every entry of a validation problem's {@code errors}. */
        public List<String> errorFields() {
            List<String> fields = new ArrayList<>();
            json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
            return fields;
        }

        @Override
        public String toString() {
            return status + " " + headers.getContentType() + " " + body;
        }
    }

    /** A client logged in as {@code user} (password = user id). */
    protected Client as(String user) {
        return new Client(user, user);
    }

    protected Client withPassword(String user, String password) {
        return new Client(user, password);
    }

    protected Client anonymous() {
        return new Client(null, null);
    }

    public final class Client {

        private final String user;
        private final String password;

        private Client(String user, String password) {
            this.user = user;
            this.password = password;
        }

        public Response get(String path) {
            return send(HttpMethod.GET, path, null, new HttpHeaders());
        }

        public Response post(String path, Object body) {
            return send(HttpMethod.POST, path, body, new HttpHeaders());
        }

        public Response put(String path, Object body, HttpHeaders headers) {
            return send(HttpMethod.PUT, path, body, headers);
        }

        /** Sends {@code body} as JSON: a String exactly as given (even if it is not JSON), anything else serialized. */
        public Response send(HttpMethod method, String path, Object body, HttpHeaders headers) {
            HttpHeaders h = new HttpHeaders();
            h.putAll(headers);
            if (user != null) {
                h.setBasicAuth(user, password, StandardCharsets.UTF_8);
            }
            h.setAccept(List.of(MediaType.APPLICATION_JSON, PROBLEM_JSON));
            byte[] content = null;
            if (body != null) {
                h.setContentType(MediaType.APPLICATION_JSON);
                content = (body instanceof String s ? s : write(body)).getBytes(StandardCharsets.UTF_8);
            }
            ResponseEntity<byte[]> response = rest.exchange(path, method, new HttpEntity<>(content, h), byte[].class);
            byte[] bytes = response.getBody();
            return new Response(response.getStatusCode().value(), response.getHeaders(),
                    bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8));
        }
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Logged in to Tasklist as a browser is: Camunda's session cookie and its CSRF token (cookie and header). */
    protected HttpHeaders tasklistSession(String user) {
        Map<String, String> jar = new LinkedHashMap<>();
        remember(jar, rest.getForEntity("/camunda/app/tasklist/default/", String.class));
        HttpHeaders login = withCookies(jar);
        login.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        var form = new LinkedMultiValueMap<String, String>();
        form.add("username", user);
        form.add("password", user);
        ResponseEntity<String> loggedIn = rest.exchange("/camunda/api/admin/auth/user/default/login/tasklist",
                HttpMethod.POST, new HttpEntity<>(form, login), String.class);
        assertThat(loggedIn.getStatusCode().value()).as("login: %s", loggedIn).isEqualTo(200);
        remember(jar, loggedIn);
        // the login starts a new session: its CSRF token comes with the next read, as in the browser
        remember(jar, rest.exchange("/camunda/api/engine/engine/", HttpMethod.GET,
                new HttpEntity<>(withCookies(jar)), String.class));
        return withCookies(jar);
    }

    private static void remember(Map<String, String> jar, ResponseEntity<?> response) {
        response.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).forEach(c -> {
            String[] pair = c.split(";", 2)[0].split("=", 2);
            jar.put(pair[0], pair.length > 1 ? pair[1] : "");
        });
    }

    private static HttpHeaders withCookies(Map<String, String> jar) {
        HttpHeaders headers = new HttpHeaders();
        jar.forEach((name, value) -> headers.add(HttpHeaders.COOKIE, name + "=" + value));
        if (jar.containsKey("XSRF-TOKEN")) {
            headers.set("X-XSRF-TOKEN", jar.get("XSRF-TOKEN"));
        }
        return headers;
    }

    // ---- assertions ------------------------------------------------------------------------------------------

    /** Whatever went wrong, a client never gets to see how Kefu is built. */
    protected static void assertNoStackTrace(Response response) {
        assertThat(response.body())
                .as("response body of %s", response)
                .doesNotContain("at io.kefu", "at org.", "at java.", "\tat ", ".java:", "Exception", "stackTrace", "trace\"");
    }

    /** RFC 7807 problem details with the given status, and no stack trace. */
    protected static JsonNode assertProblem(Response response, int status) {
        assertThat(response.status()).as("status of %s", response).isEqualTo(status);
        assertThat(response.contentType()).as("content type of %s", response).isNotNull();
        assertThat(response.contentType().isCompatibleWith(PROBLEM_JSON)).as("content type of %s", response).isTrue();
        JsonNode problem = response.json();
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asText()).isNotBlank();
        assertNoStackTrace(response);
        return problem;
    }

    /** A 400 validation problem naming exactly these fields, each with a message. */
    protected static JsonNode assertInvalidFields(Response response, String... fields) {
        JsonNode problem = assertProblem(response, 400);
        assertThat(problem.path("type").asText()).isEqualTo("urn:kefu:problem:validation");
        assertThat(response.errorFields()).as("fields named by %s", response).containsExactlyInAnyOrder(fields);
        problem.path("errors").forEach(e -> assertThat(e.path("message").asText()).isNotBlank());
        return problem;
    }

    // ---- test data -------------------------------------------------------------------------------------------

    /** A token no other test (or earlier run on a persistent database) uses. */
    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A mobile number 138xxxx5678 with a random middle, so searches by phone find only this test's customer. */
    /** Mobile numbers unique within a run (searches by phone must find only their own customer): 138xxxx5678. */
    protected static String mobile() {
        return "138" + String.format("%04d", NEXT_MOBILE.getAndIncrement() % 10_000) + "5678";
    }

    private static final AtomicInteger NEXT_MOBILE = new AtomicInteger(ThreadLocalRandom.current().nextInt(10_000));

    protected static Map<String, Object> contact(String name, String phone) {
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("name", name);
        contact.put("phone", phone);
        contact.put("title", "店长");
        return contact;
    }

    /** A valid customer request (mutable, for tests to break). */
    protected static Map<String, Object> customerRequest(String name, String phone) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("name", name);
        request.put("type", "DEALER");
        request.put("tier", "B");
        request.put("contacts", new ArrayList<>(List.of(contact("张三丰", phone))));
        request.put("address", "浙江省杭州市西湖区文三路100号");
        request.put("region", "华东");
        request.put("storeCount", 3);
        return request;
    }

    /** Registers a customer as the supervisor and returns it as the supervisor sees it (unmasked). */
    protected JsonNode registerCustomer(Map<String, Object> request) {
        Response response = as("supervisor").post("/api/customers", request);
        assertThat(response.status()).as("registering %s: %s", request, response).isEqualTo(201);
        return response.json();
    }

    protected JsonNode registerCustomer() {
        return registerCustomer(customerRequest(unique("客户"), mobile()));
    }

    /** A valid complaint about the customer (mutable, for tests to break). */
    protected static Map<String, Object> complaintRequest(String customerCode) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("customerCode", customerCode);
        request.put("complainantName", "李四光");
        request.put("complainantPhone", "13912345678");
        request.put("channel", "HOTLINE");
        request.put("category", "PRODUCT_QUALITY");
        request.put("severity", "MINOR");
        request.put("description", "收到的货物有破损");
        request.put("customerRequest", "换货");
        return request;
    }

    /** Files a complaint over the API as {@code user} and returns the case as they see it. */
    protected JsonNode fileComplaint(String user, Map<String, Object> request) {
        Response response = as(user).post("/api/complaints", request);
        assertThat(response.status()).as("filing %s: %s", request, response).isEqualTo(201);
        return response.json();
    }

    protected JsonNode fileComplaint(String user, String customerCode) {
        return fileComplaint(user, complaintRequest(customerCode));
    }

    /** The open task of the case with this key, straight from the engine (no authorization checks). */
    protected Task openTask(JsonNode complaint, String taskKey) {
        return taskService.createTaskQuery()
                .processInstanceId(complaint.path("processInstanceId").asText())
                .taskDefinitionKey(taskKey)
                .singleResult();
    }

    /** Claims the case's open task unless it is the user's already, then submits the form, as Tasklist would. */
    protected void work(JsonNode complaint, String taskKey, String user, Map<String, Object> form) {
        Task task = openTask(complaint, taskKey);
        assertThat(task).as("open task %s", taskKey).isNotNull();
        if (task.getAssignee() == null) {
            Response claimed = as(user).post("/api/tasks/" + task.getId() + "/claim", Map.of());
            assertThat(claimed.status()).as("claiming %s: %s", taskKey, claimed).isLessThan(300);
        }
        Response done = as(user).post("/api/tasks/" + task.getId() + "/complete", form);
        assertThat(done.status()).as("completing %s: %s", taskKey, done).isEqualTo(200);
    }

    protected Task assessmentTask(JsonNode complaint) {
        Task task = openTask(complaint, ComplaintProcess.TASK_ASSESS_VALIDITY);
        assertThat(task).as("assessment task of %s", complaint.path("caseNo").asText()).isNotNull();
        return task;
    }

    /** The assessment form as the owner submits it for a valid complaint sent to {@code department}. */
    protected static Map<String, Object> validAssessment(String department) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("complaintValid", true);
        form.put("validityReason", "货物确有破损,照片为证");
        form.put("department", department);
        form.put("causeType", "PACKAGING");
        return form;
    }

    protected static Map<String, Object> invalidAssessment() {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("complaintValid", false);
        form.put("validityReason", "签收时未提出异议");
        form.put("invalidReply", "感谢您的反馈,经核实货物签收时完好");
        return form;
    }

    /** A complaint of the agent's, valid, investigated by 技术部, approved and implemented: waiting for the customer. */
    protected JsonNode complaintAwaitingTheCustomer() {
        JsonNode complaint = fileComplaint("agent", registerCustomer().path("code").asText());
        completeStep(complaint, "Task_AssessValidity", "agent", validAssessment("tech"));
        completeStep(complaint, "Task_InvestigateComplaint", "tech", Map.of("findings", "出库复核缺失",
                "responsiblePerson", "仓储二组"));
        completeStep(complaint, "Task_ProposeSolutions", "tech", Map.of("solutionOption1", "补发并致歉",
                "solutionOption2", "退款", "solutionOption3", "书面说明"));
        completeStep(complaint, "Task_SelectSolution", "supervisor", Map.of("solutionDecision", "OPTION_1",
                "leaderInstruction", "同意方案一"));
        completeStep(complaint, "Task_ImplementSolution", "tech", Map.of("implementationNotes", "已补发", "penalties", "无"));
        return complaint;
    }

    /** Completes the case's open task with this key as {@code user} through Kefu's task API (claimed if need be). */
    protected void completeStep(JsonNode complaint, String taskKey, String user, Map<String, Object> form) {
        Task task = openTask(complaint, taskKey);
        assertThat(task).as("open task %s", taskKey).isNotNull();
        Response done = as(user).post("/api/tasks/" + task.getId() + "/complete", form);
        assertThat(done.status()).as("completing %s: %s", taskKey, done).isEqualTo(200);
    }

    protected long historicComplaintProcesses() {
        return historyService.createHistoricProcessInstanceQuery()
                .processDefinitionKey(ComplaintProcess.KEY).count();
    }

    protected static int yearInShanghai(String instant) {
        return Instant.parse(instant).atZone(ZoneId.of("Asia/Shanghai")).getYear();
    }
}
