package io.kefu.demo;

import io.kefu.escalation.EscalationReport;
import io.kefu.escalation.EscalationRequest;
import io.kefu.escalation.EscalationService;
import io.kefu.escalation.EscalationTrigger;
import io.kefu.identity.CurrentUser;
import io.kefu.inquiry.InquiryCategory;
import io.kefu.inquiry.InquiryChannel;
import io.kefu.inquiry.InquiryOutcome;
import io.kefu.inquiry.InquiryRequest;
import io.kefu.inquiry.InquiryService;
import io.kefu.phonecase.PhoneCase;
import io.kefu.phonecase.PhoneCaseRequest;
import io.kefu.phonecase.PhoneCaseService;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Living examples of 个案 and 请示报告, made through the real processes by the demo users: a phone case with 技术部
 * (tech's task), one whose solution 财务部 gave and that agent2 is to call back, a report of a leak at the manager's
 * step with its breach record, and an urgent report waiting for its after-report. Created once (when no phone case
 * exists yet).
 */
@Component
@Order(70)
@ConditionalOnProperty(name = "kefu.demo.enabled", havingValue = "true")
class DemoRulebooks implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoRulebooks.class);

    private final InquiryService inquiries;
    private final PhoneCaseService phoneCases;
    private final EscalationService reports;
    private final IdentityService identityService;
    private final TaskService taskService;
    private final TransactionTemplate transaction;
    private final JdbcTemplate jdbc;

    DemoRulebooks(InquiryService inquiries, PhoneCaseService phoneCases, EscalationService reports,
            IdentityService identityService, TaskService taskService, TransactionTemplate transaction,
            JdbcTemplate jdbc) {
        this.inquiries = inquiries;
        this.phoneCases = phoneCases;
        this.reports = reports;
        this.identityService = identityService;
        this.taskService = taskService;
        this.transaction = transaction;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        Long existing = jdbc.queryForObject("select count(*) from phone_case", Long.class);
        if (existing != null && existing > 0) {
            return;
        }
        phoneCase("agent", "张女士", "13800138021", "会员卡积分兑换时提示系统错误,当场无法查明原因", "tech");
        PhoneCase solved = phoneCase("agent2", "刘先生", "13900139022", "门店上月返利未到账,需财务核对", "finance");
        step(solved.getProcessInstanceId(), "Task_ProposeSolution", "finance",
                Map.of("solution", "返利已核对无误,将于本周五随货款一并返还"));

        EscalationReport leak = raise("agent", EscalationTrigger.LEAK, "客户资料表误发至外部邮箱",
                "整理回访名单时将含客户电话的表格误发给了外部地址,已请对方删除", false);
        step(leak.getProcessInstanceId(), "Task_SupervisorInstruction", "supervisor",
                Map.of("decided", false, "instruction", "已要求立即联系对方删除并书面确认,呈报经理"));
        EscalationReport urgent = raise("agent2", EscalationTrigger.MAJOR_ERROR, "系统重复扣款,客户在现场要求退款",
                "收银系统故障导致同一订单扣款两次,客户在门店等待处理", true);
        step(urgent.getProcessInstanceId(), "Task_DirectorInstruction", "director",
                Map.of("instruction", "同意先行退款,技术部排查故障,事后追查原因"));
        log.info("Created demo phone cases and escalation reports");
    }

    private PhoneCase phoneCase(String agent, String caller, String phone, String summary, String department) {
        return DemoActor.as(identityService, agent, () -> transaction.execute(s -> {
            long inquiryId = inquiries.record(new InquiryRequest(null, InquiryChannel.HOTLINE,
                    InquiryCategory.AFTER_SALES, caller, phone, "广东省广州市", null, summary, InquiryOutcome.ANSWERED,
                    null), agent).getId();
            return phoneCases.openFromInquiry(inquiryId, new PhoneCaseRequest(null, null, null, null, null,
                    department, null), new CurrentUser(agent, Set.of("agents")));
        }));
    }

    private EscalationReport raise(String user, EscalationTrigger trigger, String subject, String details,
            boolean urgent) {
        return DemoActor.as(identityService, user, () -> transaction.execute(s -> reports.open(
                new EscalationRequest(trigger, subject, details, null, urgent), new CurrentUser(user, Set.of("agents")))));
    }

    private void step(String processInstanceId, String taskKey, String user, Map<String, Object> form) {
        DemoActor.as(identityService, user, () -> {
            Task task = taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey)
                    .singleResult();
            taskService.claim(task.getId(), user);
            taskService.complete(task.getId(), form);
            return null;
        });
    }
}
