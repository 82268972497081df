package io.kefu.task;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.kefu.support.HttpApiTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code GET /api/tasks} with a thousand open tasks: it answers one page and the total, with the same SQL statements
 * (in number and in size) as with a handful — a request never reads, or lists the ids of, every open task.
 */
class TaskListAtScaleTests extends HttpApiTest {

    /** Enough for a first page of 20 assigned tasks, as with {@link #MANY}: the same queries answer both. */
    private static final int FEW = 60;
    private static final int MANY = 1000;

    /** Where the engine (MyBatis) and Hibernate log each statement they prepare, at DEBUG. */
    private static final List<String> SQL_LOGGERS = List.of("org.camunda.bpm.engine.impl.persistence.entity",
            "org.hibernate.SQL");

    @Autowired
    RepositoryService repositoryService;

    private String owner;
    private String deploymentId;
    private String processKey;

    @BeforeEach
    void aUserAndAProcessOfTheirOwn() {
        owner = unique("bulk").replace("-", "");
        User user = identityService.newUser(owner);
        user.setPassword(owner);
        identityService.saveUser(user);
        processKey = "TaskListAtScale_" + owner;
        BpmnModelInstance model = Bpmn.createExecutableProcess(processKey).camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask("Task_Work").name("批量任务").camundaAssignee("${assignee}").camundaCandidateUsers(owner)
                .endEvent().done();
        deploymentId = repositoryService.createDeployment().addModelInstance(processKey + ".bpmn", model)
                .deploy().getId();
    }

    @AfterEach
    void removeTheProcessAndItsTasks() {
        repositoryService.deleteDeployment(deploymentId, true, true);
        identityService.deleteUser(owner);
    }

    @Test
    void aThousandOpenTasksAreAnsweredOnePageAtATimeWithTheSameStatements() {
        startCases(0, FEW);
        Statements few = statementsOf(() -> as(owner).get("/api/tasks?size=20"));
        JsonNode fewPage = few.response().json();
        assertThat(fewPage.path("page").path("totalElements").asLong()).as("%s", fewPage).isEqualTo(FEW);
        assertThat(fewPage.path("content")).hasSize(20);

        startCases(FEW, MANY);
        Statements many = statementsOf(() -> as(owner).get("/api/tasks?size=20"));

        assertThat(many.response().status()).as("%s", many.response()).isEqualTo(200);
        JsonNode page = many.response().json();
        assertThat(page.path("page").path("totalElements").asLong()).isEqualTo(MANY);
        assertThat(page.path("page").path("totalPages").asLong()).isEqualTo(MANY / 20);
        assertThat(page.path("content")).hasSize(20);
        page.path("content").forEach(task ->
                assertThat(task.path("businessKey").asText()).as("%s", task).startsWith("BULK-"));
        assertThat(many.count()).as("statements per request with %d open tasks (as with %d):%n%s", MANY, FEW, many.sql())
                .isEqualTo(few.count());
        assertThat(many.largestParameterCount()).as("parameters of the largest statement:%n%s", many.sql())
                .isEqualTo(few.largestParameterCount());
    }

    @Test
    void pagesRunThroughMyTasksThenTheOffersWithoutRepeatingOrSkippingAny() {
        startCases(0, 25);   // every third assigned to the owner: 9 assigned, 16 offered
        Set<String> seen = new HashSet<>();
        List<String> assignees = new ArrayList<>();
        for (int number = 0; number < 3; number++) {
            JsonNode page = as(owner).get("/api/tasks?size=10&page=" + number + "&sort=created,desc").json();
            assertThat(page.path("page").path("totalElements").asLong()).isEqualTo(25);
            page.path("content").forEach(task -> {
                assertThat(seen.add(task.path("id").asText())).as("repeated: %s", task).isTrue();
                assignees.add(task.path("assignee").asText(""));
            });
        }
        assertThat(seen).hasSize(25);
        assertThat(assignees.subList(0, 9)).containsOnly(owner);
        assertThat(assignees.subList(9, 25)).containsOnly("");
    }

    @Test
    void anUnknownSortOrAnOversizedPageIsAnswered400NamingIt() {
        assertInvalidFields(as(owner).get("/api/tasks?sort=processInstanceId"), "sort");
        assertInvalidFields(as(owner).get("/api/tasks?size=100000"), "size");
    }

    /** Cases {@code from} … {@code to - 1}; every third task is assigned to the owner, the others offered to them. */
    private void startCases(int from, int to) {
        for (int n = from; n < to; n++) {
            runtimeService.startProcessInstanceByKey(processKey, "BULK-" + n,
                    Variables.createVariables().putValue("assignee", n % 3 == 0 ? owner : null));
        }
    }

    record Statements(Response response, List<String> sql) {

        int count() {
            return sql.size();
        }

        long largestParameterCount() {
            return sql.stream().mapToLong(s -> s.chars().filter(c -> c == '?').count()).max().orElse(0);
        }
    }

    /** The response to a request, after a warm-up, and the SQL statements the server prepared while answering it. */
    private Statements statementsOf(Supplier<Response> request) {
        assertThat(request.get().status()).isEqualTo(200);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        Map<Logger, Level> levels = new HashMap<>();
        for (String name : SQL_LOGGERS) {
            Logger logger = (Logger) LoggerFactory.getLogger(name);
            levels.put(logger, logger.getLevel());
            logger.setLevel(Level.DEBUG);
            logger.addAppender(appender);
        }
        Response response;
        try {
            response = request.get();
        } finally {
            levels.forEach((logger, level) -> {
                logger.detachAppender(appender);
                logger.setLevel(level);
            });
        }
        // the job executor and the metrics refresh query on their own threads; only the request's statements count
        List<String> sql = appender.list.stream()
                .filter(event -> event.getThreadName().startsWith("http-nio"))
                .map(ILoggingEvent::getFormattedMessage)
                .filter(message -> message.startsWith("==>  Preparing:") || !message.startsWith("==>"))
                .filter(message -> !message.startsWith("<=="))
                .toList();
        return new Statements(response, sql);
    }
}
