package io.kefu.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kefu.support.HttpApiTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** The notice archive over HTTP: who reads it, what they see of a customer's address, search, resend. */
class NoticeApiTests extends HttpApiTest {

    @Autowired NotificationService notificationService;
    @Autowired ManagementService managementService;
    @Autowired TransactionTemplate tx;

    @Test
    void anonymousClientsGet401() {
        assertProblem(anonymous().get("/api/notices"), 401);
        assertProblem(anonymous().get("/api/notices/1"), 401);
    }

    @Test
    void theAuditorReadsNoticesWithTheCustomersMobileMasked() {
        JsonNode customer = customer("agent");
        String mobile = customer.path("contacts").get(0).path("phone").asText();
        String caseKey = unique("NA");
        long id = sendAndDeliver(customer, caseKey);

        Response page = as("auditor").get("/api/notices?caseKey=" + caseKey);
        assertThat(page.status()).isEqualTo(200);
        JsonNode notice = page.json().path("content").get(0);
        assertThat(page.json().path("page").path("totalElements").asInt()).isEqualTo(1);
        assertThat(notice.path("id").asLong()).isEqualTo(id);
        assertThat(notice.path("address").asText()).isEqualTo(mobile.substring(0, 3) + "****" + mobile.substring(7));
        assertThat(notice.path("personalDataMasked").asBoolean()).isTrue();
        assertThat(notice.path("status").asText()).isEqualTo("SENT");
        assertThat(notice.path("statusLabel").asText()).isEqualTo("已发送");
        assertThat(notice.path("channel").asText()).isEqualTo("SMS");
        assertThat(notice.path("archiveNo").asText()).startsWith("TZ");
        assertThat(notice.path("subject").asText()).contains(customer.path("name").asText());

        Response one = as("auditor").get("/api/notices/" + id);
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().path("address").asText()).doesNotContain(mobile);
    }

    @Test
    void theSpecialistAndSupervisorsSeeTheAddressOtherAgentsDoNot() {
        JsonNode customer = customer("agent");
        String mobile = customer.path("contacts").get(0).path("phone").asText();
        long id = sendAndDeliver(customer, unique("NA"));

        assertThat(as("agent").get("/api/notices/" + id).json().path("address").asText()).isEqualTo(mobile);
        assertThat(as("supervisor").get("/api/notices/" + id).json().path("address").asText()).isEqualTo(mobile);
        assertThat(as("manager").get("/api/notices/" + id).json().path("personalDataMasked").asBoolean()).isFalse();
        assertThat(as("agent2").get("/api/notices/" + id).json().path("address").asText()).isNotEqualTo(mobile);
        assertThat(as("agent2").get("/api/notices/" + id).json().path("personalDataMasked").asBoolean()).isTrue();
    }

    @Test
    void searchFiltersByCaseCustomerStatusChannelAndPeriod() {
        JsonNode customer = customer(null);
        long customerId = customer.path("id").asLong();
        String caseKey = unique("NS");
        long sent = sendAndDeliver(customer, caseKey);
        long queued = send(customer, caseKey);
        String scope = "/api/notices?customerId=" + customerId;
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

        assertThat(ids(as("supervisor").get(scope))).containsExactly(queued, sent);
        assertThat(ids(as("supervisor").get(scope + "&status=SENT"))).containsExactly(sent);
        assertThat(ids(as("supervisor").get(scope + "&status=QUEUED"))).containsExactly(queued);
        assertThat(ids(as("supervisor").get(scope + "&channel=SMS"))).containsExactly(queued, sent);
        assertThat(ids(as("supervisor").get(scope + "&channel=EMAIL"))).isEmpty();
        assertThat(ids(as("supervisor").get("/api/notices?caseKey=" + caseKey + "&status=SENT"))).containsExactly(sent);
        assertThat(ids(as("supervisor").get(scope + "&from=" + today.minusDays(1) + "&to=" + today)))
                .containsExactly(queued, sent);
        assertThat(ids(as("supervisor").get(scope + "&from=" + today.plusDays(1)))).isEmpty();
        assertThat(ids(as("supervisor").get(scope + "&to=" + today.minusDays(1)))).isEmpty();
        assertThat(ids(as("supervisor").get(scope + "&size=1")).size()).isEqualTo(1);
        String archiveNo = as("supervisor").get("/api/notices/" + sent).json().path("archiveNo").asText();
        assertThat(ids(as("auditor").get("/api/notices?archiveNo=" + archiveNo))).containsExactly(sent);
    }

    @Test
    void badSearchParametersAreNamedAndUnknownNoticesAre404() {
        assertInvalidFields(as("supervisor").get("/api/notices?status=LOST"), "status");
        assertInvalidFields(as("supervisor").get("/api/notices?channel=PIGEON"), "channel");
        assertInvalidFields(as("supervisor").get("/api/notices?from=yesterday"), "from");
        assertProblem(as("supervisor").get("/api/notices/999999999"), 404);
    }

    @Test
    void supervisorsResendAFailedNoticeOthersOffTheCaseMayNotAndASentNoticeIsNotResent() {
        JsonNode customer = customer(null);
        String mobile = customer.path("contacts").get(0).path("phone").asText();
        String caseKey = unique("NR");
        long id = send(customer, caseKey);
        failDelivery(caseKey, mobile);
        assertThat(as("supervisor").get("/api/notices/" + id).json().path("status").asText()).isEqualTo("FAILED");
        assertThat(as("supervisor").get("/api/notices/" + id).json().path("lastError").asText()).contains("503");

        assertProblem(as("auditor").post("/api/notices/" + id + "/resend", null), 403);
        // agent and the tech department read the archive but have nothing to do with this case
        assertProblem(as("agent").post("/api/notices/" + id + "/resend", null), 403);
        assertProblem(as("tech").post("/api/notices/" + id + "/resend", null), 403);
        assertThat(as("supervisor").get("/api/notices/" + id).json().path("status").asText()).isEqualTo("FAILED");
        Response resent = as("supervisor").post("/api/notices/" + id + "/resend", null);
        assertThat(resent.status()).as("%s", resent).isEqualTo(200);
        assertThat(resent.json().path("status").asText()).isEqualTo("QUEUED");
        List<Job> jobs = deliveryJobs(caseKey).stream().filter(j -> j.getRetries() > 0).toList();
        assertThat(jobs).hasSize(1);
        managementService.executeJob(jobs.get(0).getId());

        assertThat(as("supervisor").get("/api/notices/" + id).json().path("status").asText()).isEqualTo("SENT");
        assertThat(NoticeTestSupport.gatewayRequestsTo(mobile)).hasSize(4);
        assertProblem(as("supervisor").post("/api/notices/" + id + "/resend", null), 409);
        assertProblem(as("supervisor").post("/api/notices/999999999/resend", null), 404);
    }

    @Test
    void theOwnerOfTheCaseResendsItsNoticeAnotherAgentMayNot() {
        JsonNode customer = customer(null);
        String mobile = customer.path("contacts").get(0).path("phone").asText();
        String caseKey = fileComplaint("agent", customer.path("code").asText()).path("caseNo").asText();
        long id = send(customer, caseKey);
        failDelivery(caseKey, mobile);

        assertProblem(as("agent2").post("/api/notices/" + id + "/resend", null), 403);
        Response resent = as("agent").post("/api/notices/" + id + "/resend", null);
        assertThat(resent.status()).as("%s", resent).isEqualTo(200);
        assertThat(resent.json().path("status").asText()).isEqualTo("QUEUED");
    }

    @Test
    void onlyTheHotlineSortsTheArchiveByAddress() {
        assertInvalidFields(as("tech").get("/api/notices?sort=address"), "sort");
        assertInvalidFields(as("auditor").get("/api/notices?sort=address,desc"), "sort");
        assertThat(as("supervisor").get("/api/notices?sort=address").status()).isEqualTo(200);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private JsonNode customer(String specialist) {
        Map<String, Object> request = customerRequest(unique("通知客户"), mobile());
        if (specialist != null) {
            request.put("specialist", specialist);
        }
        return registerCustomer(request);
    }

    private long send(JsonNode customer, String caseKey) {
        return tx.execute(s -> notificationService.send(NoticeRequest.toCustomer("contract-welcome",
                customer.path("id").asLong(), caseKey, Map.of()))).getId();
    }

    private long sendAndDeliver(JsonNode customer, String caseKey) {
        long id = send(customer, caseKey);
        managementService.executeJob(deliveryJob(caseKey).getId());
        return id;
    }

    /** Runs the notice's delivery until its retries are spent, the gateway refusing this number. */
    private void failDelivery(String caseKey, String mobile) {
        NoticeTestSupport.gatewayFailsFor(mobile, 503);
        try {
            for (Job job = deliveryJob(caseKey); job != null && job.getRetries() > 0; job = deliveryJob(caseKey)) {
                String jobId = job.getId();
                org.assertj.core.api.Assertions.catchThrowable(() -> managementService.executeJob(jobId));
            }
        } finally {
            NoticeTestSupport.gatewayAccepts(mobile);
        }
    }

    /** The jobs of the case's notice deliveries (a complaint's own timers left out). */
    private List<Job> deliveryJobs(String caseKey) {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseKey)
                .processDefinitionKey(NotificationService.DELIVERY_PROCESS).list().stream()
                .flatMap(p -> managementService.createJobQuery().processInstanceId(p.getId()).list().stream())
                .toList();
    }

    private Job deliveryJob(String caseKey) {
        List<Job> jobs = deliveryJobs(caseKey);
        return jobs.stream().filter(j -> j.getRetries() > 0).findFirst().orElse(jobs.isEmpty() ? null : jobs.get(0));
    }

    private static List<Long> ids(Response response) {
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        response.json().path("content").forEach(n -> ids.add(n.path("id").asLong()));
        return ids;
    }
}
