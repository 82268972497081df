package io.kefu.operations;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.kefu.complaint.BreachType;
import io.kefu.complaint.Channel;
import io.kefu.complaint.Complaint;
import io.kefu.complaint.ComplaintCategory;
import io.kefu.complaint.ComplaintIntake;
import io.kefu.complaint.ComplaintService;
import io.kefu.complaint.Severity;
import io.kefu.complaint.process.ComplaintProcess;
import io.kefu.support.HttpApiTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Health probes, Kefu's metrics on /actuator/prometheus, and the case id in the logs. */
@ExtendWith(OutputCaptureExtension.class)
class OperationsTests extends HttpApiTest {

    /** A user in no group, as a Prometheus scrape would log in. */
    static final String MONITORING = "monitoring";

    @Autowired
    ComplaintService complaintService;
    @Autowired
    ManagementService managementService;
    @Autowired
    MeterRegistry registry;
    @Autowired
    EngineMetrics engineMetrics;

    final ListAppender<ILoggingEvent> complaintLog = new ListAppender<>();

    @BeforeEach
    void setUp() {
        if (identityService.createUserQuery().userId(MONITORING).count() == 0) {
            User user = identityService.newUser(MONITORING);
            user.setFirstName("Prometheus");
            user.setLastName("Scrape");
            user.setPassword(MONITORING);
            identityService.saveUser(user);
        }
        complaintLog.start();
        ((Logger) LoggerFactory.getLogger(ComplaintService.class)).addAppender(complaintLog);
    }

    @AfterEach
    void tearDown() {
        ((Logger) LoggerFactory.getLogger(ComplaintService.class)).detachAppender(complaintLog);
    }

    // ---- health ----------------------------------------------------------------------------------------------

    @Test
    void probesAnswerWithoutLogin() {
        for (String probe : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
            Response response = anonymous().get(probe);
            assertThat(response.status()).as("%s: %s", probe, response).isEqualTo(200);
            assertThat(response.json().path("status").asText()).as(probe).isEqualTo("UP");
            assertThat(response.json().has("components")).as("%s shows no details without login", probe).isFalse();
        }
    }

    @Test
    void readinessChecksTheDatabaseAndTheJobExecutor() {
        Response response = as(MONITORING).get("/actuator/health/readiness");

        assertThat(response.status()).as("%s", response).isEqualTo(200);
        assertThat(response.json().path("components").path("readinessState").path("status").asText()).isEqualTo("UP");
        assertThat(response.json().path("components").path("db").path("status").asText()).isEqualTo("UP");
        // the tests run without job execution (application-test.yaml): a choice, not a fault
        assertThat(response.json().path("components").path("jobExecutor").path("status").asText()).isEqualTo("UP");
        assertThat(response.json().path("components").path("jobExecutor").path("details").path("jobExecutor").asText())
                .isEqualTo("disabled");
    }

    // ---- metrics ---------------------------------------------------------------------------------------------

    @Test
    void openingACaseCountsIt() {
        double before = opened(ComplaintCategory.PRODUCT_QUALITY);

        openCase(ComplaintCategory.PRODUCT_QUALITY);

        assertThat(opened(ComplaintCategory.PRODUCT_QUALITY)).isEqualTo(before + 1);
    }

    @Test
    void openTasksAreCountedByCandidateGroup() {
        // a critical complaint is put before the managers at once (a task for the group managers)
        openCase(ComplaintCategory.TECHNICAL, Severity.CRITICAL);
        long managersTasks = taskService.createTaskQuery().taskCandidateGroup("managers").includeAssignedTasks()
                .active().count();
        assertThat(managersTasks).isPositive();

        engineMetrics.refreshNow();

        assertThat(registry.get(EngineMetrics.OPEN_TASKS).tag("group", "managers").gauge().value())
                .isEqualTo(managersTasks);
        assertThat(registry.get(EngineMetrics.OPEN_INCIDENTS).gauge().value())
                .isEqualTo(runtimeService.createIncidentQuery().count());
    }

    @Test
    void aMissedDeadlineIsCountedAndLoggedWithTheCaseId(CapturedOutput output) {
        Complaint complaint = openCase(ComplaintCategory.DELIVERY);
        double before = breaches(BreachType.RESPONSE);
        Job timer = managementService.createJobQuery().processInstanceId(complaint.getProcessInstanceId())
                .activityId(ComplaintProcess.TIMER_RESPONSE_DEADLINE).singleResult();

        managementService.executeJob(timer.getId());

        assertThat(breaches(BreachType.RESPONSE)).isEqualTo(before + 1);
        ILoggingEvent breach = complaintLog.list.stream()
                .filter(e -> e.getFormattedMessage().contains("missed its RESPONSE deadline"))
                .filter(e -> e.getFormattedMessage().contains(complaint.getCaseNo()))
                .findFirst().orElseThrow();
        assertThat(breach.getMDCPropertyMap()).containsEntry("caseId", complaint.getCaseNo());
        // the console pattern puts it after the level
        assertThat(output.getOut()).contains(" WARN [" + complaint.getCaseNo() + "]");
    }

    @Test
    void stepsTheEngineRunsNameTheCaseInTheLog() {
        Complaint complaint = openCase(ComplaintCategory.SERVICE_ATTITUDE);

        // classification runs as a delegate of the case's process: the engine put the business key into the MDC
        ILoggingEvent classified = complaintLog.list.stream()
                .filter(e -> e.getFormattedMessage().startsWith("Complaint " + complaint.getCaseNo() + " classified"))
                .findFirst().orElseThrow();
        assertThat(classified.getMDCPropertyMap()).containsEntry("caseId", complaint.getCaseNo());
    }

    @Test
    void prometheusShowsKefusMetricsToLoggedInUsersOnly() {
        openCase(ComplaintCategory.DELIVERY);

        ResponseEntity<String> scrape = scrape(MONITORING);

        assertThat(scrape.getStatusCode().value()).isEqualTo(200);
        assertThat(scrape.getBody()).contains(
                "kefu_complaints_opened_total{",
                "kefu_complaints_closed_total{",
                "kefu_sla_breaches_total{",
                "kefu_tasks_open{",
                "group=\"agents\"",
                "group=\"dept-tech\"",
                "kefu_incidents_open{",
                "kefu_jobs_failed{",
                "type=\"resolution\"",
                "outcome=\"invalid\"",
                "application=\"kefu\"");

        ResponseEntity<String> anonymous = scrape(null);
        assertThat(anonymous.getStatusCode().value()).as("without login").isEqualTo(401);
        assertThat(String.valueOf(anonymous.getBody())).as("without login").doesNotContain("kefu_");
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    Complaint openCase(ComplaintCategory category) {
        return openCase(category, Severity.MINOR);
    }

    Complaint openCase(ComplaintCategory category, Severity severity) {
        String customerCode = registerCustomer().path("code").asText();
        return complaintService.openCase(new ComplaintIntake(customerCode, "张三丰", "13812345678", Channel.HOTLINE,
                category, severity, "客户反映的问题", "尽快处理", null), "agent");
    }

    double opened(ComplaintCategory category) {
        return registry.get(ComplaintMetrics.OPENED).tag("category", ComplaintMetrics.tagValue(category)).counter()
                .count();
    }

    double breaches(BreachType type) {
        return registry.get(ComplaintMetrics.SLA_BREACHES).tag("type", ComplaintMetrics.tagValue(type)).counter()
                .count();
    }

    ResponseEntity<String> scrape(String user) {
        HttpHeaders headers = new HttpHeaders();
        if (user != null) {
            headers.setBasicAuth(user, user, StandardCharsets.UTF_8);
        }
        headers.setAccept(List.of(MediaType.TEXT_PLAIN));
        return rest.exchange("/actuator/prometheus", HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }
}
