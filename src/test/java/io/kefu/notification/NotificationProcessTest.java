package io.kefu.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.kefu.customer.Customer;
import io.kefu.customer.CustomerRequest;
import io.kefu.customer.CustomerRequest.ContactRequest;
import io.kefu.customer.CustomerService;
import io.kefu.customer.CustomerTier;
import io.kefu.customer.CustomerType;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Notices sent from a BPMN send task ({@code notice-test}, deployed by the test: send task, then a step that can be
 * made to fail) and through {@link NotificationService#send}, against the real SMTP server and HTTP gateway the test
 * JVM runs ({@link NoticeTestServers}). Send jobs are run through the job API.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class NotificationProcessTest {

    static final String PROCESS = "notice-test";

    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired IdentityService identityService;
    @Autowired CustomerService customerService;
    @Autowired NoticeRepository notices;
    @Autowired NotificationService notificationService;
    @Autowired ChannelSwitches channels;
    @Autowired TransactionTemplate tx;

    @BeforeEach
    void deployTheTestProcess() {
        deploy(repositoryService);
    }

    /** Deploys {@code notice-test}; only a changed file makes a new deployment (the database may be persistent). */
    static void deploy(RepositoryService repositoryService) {
        repositoryService.createDeployment().name(PROCESS)
                .addClasspathResource("notification/notice-test.bpmn")
                .enableDuplicateFiltering(false)
                .deploy();
    }

    @Test
    void aCustomerWithAnEmailAddressGetsTheNoticeByEmailWithEveryPlaceholderFilled() throws Exception {
        Customer customer = customer(uniqueEmail());
        ProcessInstance instance = start(customer, "customer", null);

        runSendJob(instance);

        List<MimeMessage> mails = NoticeTestSupport.mailsTo(customer.getEmail());
        assertThat(mails).hasSize(1);
        MimeMessage mail = mails.get(0);
        assertThat(NoticeTestSupport.subject(mail)).isEqualTo("【测试】" + customer.getName() + "的通知");
        String today = DateTimeFormatter.ofPattern("yyyy年M月d日").format(Instant.now().atZone(ZoneId.of("Asia/Shanghai")));
        assertThat(NoticeTestSupport.text(mail))
                .startsWith(customer.getName() + ",您好:")
                .contains("案件 " + instance.getBusinessKey(), "客户编号 " + customer.getCode(), "详情由流程提供", today)
                .doesNotContain("{");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("kefu-test@kefu.example");

        Notice notice = onlyNoticeOf(instance);
        assertThat(notice.getStatus()).isEqualTo(NoticeStatus.SENT);
        assertThat(notice.getChannel()).isEqualTo(NoticeChannel.EMAIL);
        assertThat(notice.getAttempts()).isEqualTo(1);
        assertThat(notice.getArchiveNo()).matches("TZ\\d{4}-\\d{6,}");
        assertThat(notice.getCaseKey()).isEqualTo(instance.getBusinessKey());
        assertThat(notice.getSubject()).isEqualTo(NoticeTestSupport.subject(mail));
        assertThat(mail.getHeader("X-Kefu-Notice")[0]).isEqualTo(notice.getArchiveNo());
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
    }

    @Test
    void aCustomerWithoutEmailGetsAnSmsThroughTheGateway() {
        Customer customer = customer(null);
        String mobile = customer.getContacts().get(0).getPhone();
        ProcessInstance instance = start(customer, "customer", null);

        runSendJob(instance);

        var requests = NoticeTestSupport.rawGatewayRequestsTo(mobile);
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0).authorization()).isEqualTo("Bearer test-gateway-token");
        // not chunked: gateways often refuse that
        assertThat(requests.get(0).contentLength()).isNotNull();
        var sms = NoticeTestSupport.gatewayRequestsTo(mobile).get(0);
        Notice notice = onlyNoticeOf(instance);
        assertThat(sms.path("channel").asText()).isEqualTo("SMS");
        assertThat(sms.path("subject").asText()).isEqualTo("【测试】" + customer.getName() + "的通知");
        assertThat(sms.path("text").asText()).contains("案件 " + instance.getBusinessKey());
        assertThat(sms.path("noticeId").asLong()).isEqualTo(notice.getId());
        assertThat(notice.getStatus()).isEqualTo(NoticeStatus.SENT);
        assertThat(notice.getChannel()).isEqualTo(NoticeChannel.SMS);
        assertThat(notice.getAddress()).isEqualTo(mobile);
    }

    @Test
    void aForcedChannelWinsOverTheEmailAddress() {
        Customer customer = customer(uniqueEmail());
        String mobile = customer.getContacts().get(0).getPhone();
        ProcessInstance instance = start(customer, "customer", "WECHAT");

        runSendJob(instance);

        assertThat(NoticeTestSupport.mailsTo(customer.getEmail())).isEmpty();
        assertThat(NoticeTestSupport.gatewayRequestsTo(mobile)).singleElement()
                .satisfies(r -> assertThat(r.path("channel").asText()).isEqualTo("WECHAT"));
        assertThat(onlyNoticeOf(instance).getChannel()).isEqualTo(NoticeChannel.WECHAT);
    }

    @Test
    void theCustomerMayBeGivenByItsCode() {
        Customer customer = customer(uniqueEmail());
        ProcessInstance instance = start(customer.getCode(), "customer", null);

        runSendJob(instance);

        assertThat(NoticeTestSupport.mailsTo(customer.getEmail())).hasSize(1);
        assertThat(onlyNoticeOf(instance).getCustomerId()).isEqualTo(customer.getId());
    }

    @Test
    void aFailingGatewayIsRetriedPerTheRetryCycleThenRaisesAnIncidentAndARetryFromCockpitSendsIt() {
        Customer customer = customer(null);
        String mobile = customer.getContacts().get(0).getPhone();
        NoticeTestSupport.gatewayFailsFor(mobile, 500);
        try {
            ProcessInstance instance = start(customer, "customer", null);
            Instant before = Instant.now();

            Throwable first = catchThrowable(() -> runSendJob(instance));
            assertThat(first).hasMessageContaining("500");
            Job retried = sendJob(instance);
            // kefu.notification.retry-cycle R3/PT5M, through ${noticeRetryCycle}
            assertThat(retried.getRetries()).isEqualTo(2);
            assertThat(Duration.between(before, retried.getDuedate().toInstant()))
                    .isBetween(Duration.ofMinutes(4), Duration.ofMinutes(6));
            Notice afterFirst = onlyNoticeOf(instance);
            assertThat(afterFirst.getStatus()).isEqualTo(NoticeStatus.FAILED);
            assertThat(afterFirst.getAttempts()).isEqualTo(1);
            assertThat(afterFirst.getLastError()).contains("500");

            int attempts = 1;
            while (sendJob(instance).getRetries() > 0) {
                assertThat(catchThrowable(() -> runSendJob(instance))).isNotNull();
                attempts++;
            }
            assertThat(attempts).isEqualTo(3);
            List<Incident> incidents = runtimeService.createIncidentQuery().processInstanceId(instance.getId()).list();
            assertThat(incidents).singleElement().satisfies(incident -> {
                assertThat(incident.getActivityId()).isEqualTo("Task_SendNotice");
                assertThat(incident.getIncidentMessage()).contains("500");
            });
            Notice failed = onlyNoticeOf(instance);
            assertThat(failed.getStatus()).isEqualTo(NoticeStatus.FAILED);
            assertThat(failed.getAttempts()).isEqualTo(3);
            assertThat(NoticeTestSupport.gatewayRequestsTo(mobile)).hasSize(3);

            // the gateway is back; the operator retries the job in Cockpit
            NoticeTestSupport.gatewayAccepts(mobile);
            managementService.setJobRetries(sendJob(instance).getId(), 1);
            runSendJob(instance);

            Notice sent = onlyNoticeOf(instance);
            assertThat(sent.getStatus()).isEqualTo(NoticeStatus.SENT);
            assertThat(sent.getAttempts()).isEqualTo(4);
            assertThat(sent.getId()).isEqualTo(failed.getId());
            assertThat(NoticeTestSupport.gatewayRequestsTo(mobile)).hasSize(4);
            assertThat(runtimeService.createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
        } finally {
            NoticeTestSupport.gatewayAccepts(mobile);
        }
    }

    @Test
    void aNoticeForAChannelThatIsOffIsArchivedAsChannelOffAndNotSent() {
        Customer customer = customer(null);
        String mobile = customer.getContacts().get(0).getPhone();
        ProcessInstance instance = start(customer, "customer", null);
        channels.set(NoticeChannel.SMS, false);
        try {
            runSendJob(instance);
        } finally {
            channels.set(NoticeChannel.SMS, true);
        }

        assertThat(NoticeTestSupport.gatewayRequestsTo(mobile)).isEmpty();
        Notice notice = onlyNoticeOf(instance);
        assertThat(notice.getStatus()).isEqualTo(NoticeStatus.CHANNEL_OFF);
        assertThat(notice.getAttempts()).isZero();
        assertThat(notice.getArchiveNo()).isNotBlank();
        assertThat(notice.getBody()).contains(instance.getBusinessKey());
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
    }

    @Test
    void anUnknownTemplateIsAnIncidentNotABlankNotice() {
        Customer customer = customer(uniqueEmail());
        Map<String, Object> variables = Map.of("customerId", customer.getId(), "template", "no-such-template",
                "to", "customer");
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(PROCESS, variables);

        runUntilIncident(instance);

        assertThat(runtimeService.createIncidentQuery().processInstanceId(instance.getId()).singleResult()
                .getIncidentMessage()).contains("no-such-template");
        assertThat(noticesOf(instance)).isEmpty();
        assertThat(NoticeTestSupport.mailsTo(customer.getEmail())).isEmpty();
    }

    @Test
    void aPlaceholderNobodyFillsIsAnIncident() {
        Customer customer = customer(uniqueEmail());
        Map<String, Object> variables = Map.of("customerId", customer.getId(), "template", "notice-test-gap",
                "to", "customer");
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(PROCESS, variables);

        runUntilIncident(instance);

        assertThat(runtimeService.createIncidentQuery().processInstanceId(instance.getId()).singleResult()
                .getIncidentMessage()).contains("contractNo");
        assertThat(noticesOf(instance)).isEmpty();
        assertThat(NoticeTestSupport.mailsTo(customer.getEmail())).isEmpty();
    }

    @Test
    void aNoticeToAUserGoesToTheirEmailFromCamunda() {
        String userId = staff("张", "伟", uniqueEmail());
        Map<String, Object> variables = new HashMap<>();
        variables.put("template", "notice-test-staff");
        variables.put("to", "user:" + userId);
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(PROCESS, "NT-" + userId, variables);

        runSendJob(instance);

        String email = identityService.createUserQuery().userId(userId).singleResult().getEmail();
        assertThat(NoticeTestSupport.mailsTo(email)).singleElement().satisfies(mail -> {
            assertThat(NoticeTestSupport.subject(mail)).isEqualTo("【测试】请处理案件 NT-" + userId);
            assertThat(NoticeTestSupport.text(mail)).startsWith("张伟,您好:");
        });
        Notice notice = onlyNoticeOf(instance);
        assertThat(notice.getRecipientType()).isEqualTo(Notice.RecipientType.USER);
        assertThat(notice.getRecipientRef()).isEqualTo(userId);
    }

    @Test
    void aNoticeToAGroupGoesToEveryMemberWithAnEmailAddress() {
        String group = "noticetest" + UUID.randomUUID().toString().substring(0, 8);
        identityService.saveGroup(identityService.newGroup(group));
        String first = staff("李", "娜", uniqueEmail());
        String second = staff("王", "芳", uniqueEmail());
        String withoutEmail = staff("赵", "磊", null);
        for (String member : List.of(first, second, withoutEmail)) {
            identityService.createMembership(member, group);
        }
        Map<String, Object> variables = Map.of("template", "notice-test-staff", "to", "group:" + group);
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(PROCESS, "NT-" + group, variables);

        runSendJob(instance);

        assertThat(noticesOf(instance)).extracting(Notice::getRecipientRef, Notice::getStatus)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(first, NoticeStatus.SENT),
                        org.assertj.core.groups.Tuple.tuple(second, NoticeStatus.SENT));
        for (String member : List.of(first, second)) {
            String email = identityService.createUserQuery().userId(member).singleResult().getEmail();
            assertThat(NoticeTestSupport.mailsTo(email)).hasSize(1);
        }
    }

    @Test
    void aNoticeAlreadySentIsNotSentAgainWhenTheRestOfTheJobFailsAndIsRetried() {
        Customer customer = customer(uniqueEmail());
        Map<String, Object> variables = new HashMap<>();
        variables.put("customerId", customer.getId());
        variables.put("template", "notice-test");
        variables.put("to", "customer");
        variables.put("failAfterSend", true);
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(PROCESS, "NT-" + customer.getCode(),
                variables);

        assertThat(catchThrowable(() -> runSendJob(instance))).hasMessageContaining("the step after the notice failed");
        assertThat(onlyNoticeOf(instance).getStatus()).isEqualTo(NoticeStatus.SENT);

        runtimeService.setVariable(instance.getId(), "failAfterSend", false);
        runSendJob(instance);

        assertThat(NoticeTestSupport.mailsTo(customer.getEmail())).hasSize(1);
        Notice notice = onlyNoticeOf(instance);
        assertThat(notice.getStatus()).isEqualTo(NoticeStatus.SENT);
        assertThat(notice.getAttempts()).isEqualTo(1);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
    }

    @Test
    void codeSendsANoticeThroughTheServiceAndItIsDeliveredByAJobOfTheDeliveryProcess() throws Exception {
        Customer customer = customer(uniqueEmail());
        String caseKey = "NT-API-" + customer.getCode();

        Notice queued = tx.execute(s -> notificationService.send(NoticeRequest.toCustomer("notice-test",
                customer.getId(), caseKey, Map.of("testDetail", "由代码发送"))));

        assertThat(queued.getStatus()).isEqualTo(NoticeStatus.QUEUED);
        assertThat(NoticeTestSupport.mailsTo(customer.getEmail())).isEmpty();
        ProcessInstance delivery = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(NotificationService.DELIVERY_PROCESS).processInstanceBusinessKey(caseKey)
                .singleResult();
        managementService.executeJob(sendJob(delivery).getId());

        assertThat(NoticeTestSupport.mailsTo(customer.getEmail())).singleElement()
                .satisfies(mail -> assertThat(NoticeTestSupport.text(mail)).contains("由代码发送", caseKey));
        assertThat(notices.findById(queued.getId()).orElseThrow().getStatus()).isEqualTo(NoticeStatus.SENT);
    }

    @Test
    void aNoticeCodeSendsInATransactionThatRollsBackIsNeitherRecordedNorSent() {
        Customer customer = customer(uniqueEmail());
        String caseKey = "NT-RB-" + customer.getCode();

        Throwable rolledBack = catchThrowable(() -> tx.executeWithoutResult(s -> {
            notificationService.send(NoticeRequest.toCustomer("notice-test", customer.getId(), caseKey,
                    Map.of("testDetail", "不应发送")));
            throw new IllegalStateException("the caller failed");
        }));

        assertThat(rolledBack).hasMessage("the caller failed");
        assertThat(notices.findAll()).noneMatch(n -> caseKey.equals(n.getCaseKey()));
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseKey).count()).isZero();
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    ProcessInstance start(Customer customer, String to, String channel) {
        return start(customer == null ? null : customer.getId(), to, channel);
    }

    ProcessInstance start(Object customerId, String to, String channel) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("customerId", customerId);
        variables.put("template", "notice-test");
        variables.put("to", to);
        if (channel != null) {
            variables.put("channel", channel);
        }
        return runtimeService.startProcessInstanceByKey(PROCESS, "NT-" + UUID.randomUUID().toString().substring(0, 8),
                variables);
    }

    Job sendJob(ProcessInstance instance) {
        return managementService.createJobQuery().processInstanceId(instance.getId()).singleResult();
    }

    void runSendJob(ProcessInstance instance) {
        managementService.executeJob(sendJob(instance).getId());
    }

    List<Notice> noticesOf(ProcessInstance instance) {
        return notices.findAll().stream()
                .filter(n -> instance.getId().equals(n.getProcessInstanceId()))
                .sorted(java.util.Comparator.comparing(Notice::getId))
                .toList();
    }

    Notice onlyNoticeOf(ProcessInstance instance) {
        List<Notice> found = noticesOf(instance);
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    void runUntilIncident(ProcessInstance instance) {
        for (int attempt = 0; attempt < 10 && sendJob(instance).getRetries() > 0; attempt++) {
            assertThat(catchThrowable(() -> runSendJob(instance))).isNotNull();
        }
        assertThat(sendJob(instance).getRetries()).isZero();
    }

    String staff(String lastName, String firstName, String email) {
        String id = "nt" + UUID.randomUUID().toString().substring(0, 8);
        User user = identityService.newUser(id);
        user.setLastName(lastName);
        user.setFirstName(firstName);
        user.setEmail(email);
        user.setPassword(id);
        identityService.saveUser(user);
        return id;
    }

    Customer customer(String email) {
        String mobile = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        return customerService.register(new CustomerRequest(
                "通知客户 " + UUID.randomUUID().toString().substring(0, 8), CustomerType.FRANCHISEE, CustomerTier.B,
                List.of(new ContactRequest("王店长", mobile, "店长")), "上海市浦东新区世纪大道1号", "华东", 1, null,
                null, email));
    }

    static String uniqueEmail() {
        return "c-" + UUID.randomUUID().toString().substring(0, 8) + "@customer.example";
    }
}
