package io.kefu.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.kefu.customer.Customer;
import io.kefu.customer.CustomerRepository;
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
    @Autowired CustomerRepository customerRepository;
    @Autowired NoticeRepository notices;
    @Autowired NotificationService notificationService;
    @Autowired ChannelSwitches channels;
    @Autowired TransactionTemplate tx;

    @BeforeEach
    void deployTheTestProcess() {
        // only a changed file makes a new deployment (the suite may run again on a persistent database)
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

    // ---- helpers ---------------------------------------------------------------------------------------------

    ProcessInstance start(Customer customer, String to, String channel) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("customerId", customer == null ? null : customer.getId());
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

    Customer customer(String email) {
        String mobile = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        Customer registered = customerService.register(new CustomerRequest(
                "通知客户 " + UUID.randomUUID().toString().substring(0, 8), CustomerType.FRANCHISEE, CustomerTier.B,
                List.of(new ContactRequest("王店长", mobile, "店长")), "上海市浦东新区世纪大道1号", "华东", 1, null,
                null));
        if (email == null) {
            return registered;
        }
        return tx.execute(s -> {
            Customer c = customerRepository.findById(registered.getId()).orElseThrow();
            c.changeEmail(email);
            return c;
        });
    }

    static String uniqueEmail() {
        return "c-" + UUID.randomUUID().toString().substring(0, 8) + "@customer.example";
    }
}
