package io.kefu.phonecase.process;

import static io.kefu.phonecase.process.PhoneCaseProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.kefu.support.ProcessTasks;
import io.kefu.identity.CurrentUser;
import io.kefu.inquiry.InquiryCategory;
import io.kefu.inquiry.InquiryChannel;
import io.kefu.inquiry.InquiryOutcome;
import io.kefu.inquiry.InquiryRequest;
import io.kefu.inquiry.InquiryService;
import io.kefu.phonecase.PhoneCase;
import io.kefu.phonecase.PhoneCaseRequest;
import io.kefu.phonecase.PhoneCaseService;
import io.kefu.phonecase.PhoneCaseStatus;
import io.kefu.shared.ConflictException;
import io.kefu.support.TestUsers;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/** The phone-case process (个案处理), one test per path, started as the inquiry page and Tasklist start it. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PhoneCaseProcessTest {

    static final String CALLER = "周小梅";
    static final String PHONE = "13912345678";
    static final CurrentUser AGENT = new CurrentUser("agent", Set.of("agents"));

    @Autowired
    ProcessEngine processEngine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;
    @Autowired
    ManagementService managementService;
    @Autowired
    IdentityService identityService;
    @Autowired
    InquiryService inquiries;
    @Autowired
    PhoneCaseService cases;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(processEngine);
        TestUsers.ensure(identityService, "agent", "agents");
        TestUsers.ensure(identityService, "supervisor", "supervisors");
        TestUsers.ensure(identityService, "tech", "dept-tech");
        TestUsers.ensure(identityService, "finance", "dept-finance");
    }

    @AfterEach
    void tearDown() {
        BpmnAwareTests.reset();
        ClockUtil.reset();
        identityService.clearAuthentication();
    }

    @Test
    void departmentSolvesTheOwnerCallsBackAndTheCustomerAccepts() {
        long inquiryId = inquiry();
        PhoneCase opened = cases.openFromInquiry(inquiryId, new PhoneCaseRequest(null, "昆明市五华区门店", null, null,
                null, "tech", null), AGENT);
        ProcessInstance process = processOf(opened);
        assertThat(process).hasBusinessKey(opened.getCaseNo()).isWaitingAtExactly(TASK_RESOLVE);
        assertThat(inquiries.find(inquiryId).getOutcome()).isEqualTo(InquiryOutcome.CASE);
        assertThat(opened.getPerson()).isEqualTo(CALLER);
        assertThat(opened.getContact()).isEqualTo(PHONE);
        assertThat(opened.getPlace()).isEqualTo("昆明市五华区门店");
        assertThat(opened.getResolutionDueAt()).isAfter(opened.getOpenedAt());
        Task resolve = task(process, TASK_RESOLVE);
        assertThat(candidateGroups(resolve)).containsExactly("dept-tech");
        assertThat(resolve.getDueDate().toInstant().truncatedTo(ChronoUnit.SECONDS))
                .isEqualTo(opened.getResolutionDueAt().truncatedTo(ChronoUnit.SECONDS));
        String card = (String) taskService.getVariableLocal(resolve.getId(), "caseSummary");
        assertThat(card).contains(opened.getCaseNo(), "技术部", "周**", "139****5678").doesNotContain(PHONE, CALLER);
        assertThatThrownBy(() -> cases.openFromInquiry(inquiryId, null, AGENT)).isInstanceOf(ConflictException.class);

        complete(process, TASK_RESOLVE, "tech", Map.of("solution", "升级收银软件到 5.2 版即可"));
        Task callBack = task(process, TASK_CALL_BACK);
        assertThat(callBack.getAssignee()).as("首问负责人").isEqualTo("agent");
        PhoneCase solved = cases.find(opened.getId());
        assertThat(solved.getStatus()).isEqualTo(PhoneCaseStatus.SOLVED);
        assertThat(solved.getSolvedBy()).isEqualTo("tech");
        assertThat(callBack.getDueDate().toInstant().truncatedTo(ChronoUnit.SECONDS))
                .isEqualTo(solved.getCallbackDueAt().truncatedTo(ChronoUnit.SECONDS));

        complete(process, TASK_CALL_BACK, "agent", Map.of(CUSTOMER_ACCEPTED, true, "callbackNote", "已电话告知,客户满意"));
        assertThat(process).hasPassedInOrder("Task_RegisterPhoneCase", TASK_RESOLVE, TASK_CALL_BACK, END_CLOSED)
                .hasNotPassed(TASK_LEADER_SUPPORT, TASK_SUPERVISE_OVERDUE).isEnded();
        PhoneCase closed = cases.find(opened.getId());
        assertThat(closed.getStatus()).isEqualTo(PhoneCaseStatus.CLOSED);
        assertThat(closed.getClosedAt()).isNotNull();
        assertThat(closed.getCallbacks()).isEqualTo(1);
        assertNoPersonalDataInTheEngine(process);
    }

    @Test
    void aCustomerWhoDoesNotAcceptGoesToALeaderAndTheOwnerCallsBackAgain() {
        PhoneCase opened = cases.openFromInquiry(inquiry(), new PhoneCaseRequest(null, null, null, null, null,
                "finance", null), AGENT);
        ProcessInstance process = processOf(opened);
        complete(process, TASK_RESOLVE, "finance", Map.of("solution", "发票将于三个工作日内补开"));
        complete(process, TASK_CALL_BACK, "agent", Map.of(CUSTOMER_ACCEPTED, false, "callbackNote", "客户要求当天补开"));

        assertThat(process).isWaitingAtExactly(TASK_LEADER_SUPPORT);
        assertThat(cases.find(opened.getId()).getStatus()).isEqualTo(PhoneCaseStatus.WITH_LEADER);
        assertThat(candidateGroups(task(process, TASK_LEADER_SUPPORT))).containsExactly("supervisors");
        Task withoutNote = task(process, TASK_LEADER_SUPPORT);
        taskService.claim(withoutNote.getId(), "supervisor");
        assertThatThrownBy(() -> taskService.complete(withoutNote.getId(), Map.of("leaderNote", " ")))
                .hasMessageContaining("请填写领导意见");
        complete(process, TASK_LEADER_SUPPORT, "supervisor", Map.of("leaderNote", "同意当天加急补开,财务部已确认"));

        Task again = task(process, TASK_CALL_BACK);
        assertThat(again.getAssignee()).isEqualTo("agent");
        complete(process, TASK_CALL_BACK, "agent", Map.of(CUSTOMER_ACCEPTED, true, "callbackNote", "客户接受加急补开"));
        assertThat(process).hasPassed(TASK_LEADER_SUPPORT, END_CLOSED).isEnded();
        PhoneCase closed = cases.find(opened.getId());
        assertThat(closed.getCallbacks()).isEqualTo(2);
        assertThat(closed.getLeaderBy()).isEqualTo("supervisor");
        assertThat(closed.getStatus()).isEqualTo(PhoneCaseStatus.CLOSED);
    }

    @Test
    void aDepartmentLateWithItsSolutionIsSupervisedAndTheCaseGoesOn() {
        PhoneCase opened = cases.openFromInquiry(inquiry(), new PhoneCaseRequest(null, null, null, null, null,
                "tech", null), AGENT);
        ProcessInstance process = processOf(opened);
        Job timer = managementService.createJobQuery().processInstanceId(process.getId())
                .activityId(TIMER_RESOLUTION_DUE).timers().singleResult();
        assertThat(timer.getDuedate().toInstant().truncatedTo(ChronoUnit.SECONDS))
                .isEqualTo(opened.getResolutionDueAt().truncatedTo(ChronoUnit.SECONDS));
        ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 1000));
        managementService.executeJob(timer.getId());

        assertThat(process).isWaitingAt(TASK_RESOLVE, TASK_SUPERVISE_OVERDUE);
        assertThat(cases.find(opened.getId()).getBreachedAt()).isNotNull();
        complete(process, TASK_SUPERVISE_OVERDUE, "supervisor", Map.of("supervisionNote", "已催促技术部今日答复"));
        complete(process, TASK_RESOLVE, "tech", Map.of("solution", "远程重置设备"));
        complete(process, TASK_CALL_BACK, "agent", Map.of(CUSTOMER_ACCEPTED, true, "callbackNote", "客户接受"));
        assertThat(process).hasPassed("Task_RecordResolutionBreach", END_SUPERVISED, END_CLOSED).isEnded();
        assertThat(cases.find(opened.getId()).getSupervisionNote()).contains("已催促技术部");
    }

    @Test
    void anOwnerLateWithTheCallbackIsSupervisedAndStillCallsBack() {
        PhoneCase opened = cases.openFromInquiry(inquiry(), new PhoneCaseRequest(null, null, null, null, null,
                "tech", null), AGENT);
        ProcessInstance process = processOf(opened);
        complete(process, TASK_RESOLVE, "tech", Map.of("solution", "更换打印头"));
        PhoneCase solved = cases.find(opened.getId());
        Job timer = managementService.createJobQuery().processInstanceId(process.getId())
                .activityId(TIMER_CALLBACK_DUE).timers().singleResult();
        assertThat(timer).as("回复客户的工作时间期限").isNotNull();
        assertThat(timer.getDuedate().toInstant().truncatedTo(ChronoUnit.SECONDS))
                .isEqualTo(solved.getCallbackDueAt().truncatedTo(ChronoUnit.SECONDS));
        assertThat(solved.getCallbackDueAt()).isAfter(solved.getSolvedAt());
        ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 1000));
        managementService.executeJob(timer.getId());

        assertThat(process).isWaitingAt(TASK_CALL_BACK, TASK_SUPERVISE_LATE_CALLBACK);
        assertThat(cases.find(opened.getId()).getCallbackBreachedAt()).isNotNull();
        assertThat(cases.find(opened.getId()).getBreachedAt()).as("the department was on time").isNull();
        assertThat(candidateGroups(task(process, TASK_SUPERVISE_LATE_CALLBACK))).containsExactly("supervisors");
        Task withoutNote = task(process, TASK_SUPERVISE_LATE_CALLBACK);
        taskService.claim(withoutNote.getId(), "supervisor");
        assertThatThrownBy(() -> taskService.complete(withoutNote.getId(), Map.of("callbackSupervisionNote", "")))
                .hasMessageContaining("请填写督办意见");
        complete(process, TASK_SUPERVISE_LATE_CALLBACK, "supervisor",
                Map.of("callbackSupervisionNote", "请首问负责人今天下班前回复客户"));
        complete(process, TASK_CALL_BACK, "agent", Map.of(CUSTOMER_ACCEPTED, true, "callbackNote", "客户接受"));
        assertThat(process).hasPassed(RECORD_CALLBACK_BREACH, END_CALLBACK_SUPERVISED, END_CLOSED)
                .hasNotPassed(RECORD_RESOLUTION_BREACH).isEnded();
        assertThat(cases.find(opened.getId()).getCallbackSupervisionNote()).contains("今天下班前");
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(process.getId())
                .variableName("callbackSupervisionNote").count()).as("the note lives in the case, not the engine").isZero();
    }

    @Test
    void aCaseRegisteredWithTheTasklistStartFormKeepsItsContactOutOfTheEngine() {
        identityService.setAuthentication("agent", List.of("agents"));
        Map<String, Object> form = new HashMap<>(Map.of("occurredWhen", "昨天下午", "place", "成都市武侯区",
                "person", CALLER, "contact", PHONE, "event", "会员积分未到账", "department", "business"));
        ProcessInstance process = runtimeService.startProcessInstanceByKey(KEY, form);
        identityService.clearAuthentication();
        PhoneCase opened = cases.forProcessInstance(process.getId()).orElseThrow();
        assertThat(opened.getOwnerId()).isEqualTo("agent");
        assertThat(opened.getContact()).isEqualTo(PHONE);
        assertThat(process).isWaitingAtExactly(TASK_RESOLVE);
        assertThat(candidateGroups(task(process, TASK_RESOLVE))).containsExactly("dept-business");
        assertNoPersonalDataInTheEngine(process);
    }

    private void assertNoPersonalDataInTheEngine(ProcessInstance process) {
        List<Object> values = historyService.createHistoricVariableInstanceQuery().processInstanceId(process.getId())
                .list().stream().map(v -> (Object) String.valueOf(v.getValue())).toList();
        assertThat(values).isNotEmpty().noneMatch(v -> v.toString().contains(PHONE) || v.toString().contains(CALLER));
        assertThat(historyService.createHistoricDetailQuery().processInstanceId(process.getId()).list())
                .noneMatch(d -> String.valueOf(d).contains(PHONE));
    }

    private long inquiry() {
        return inquiries.record(new InquiryRequest(null, InquiryChannel.HOTLINE, InquiryCategory.AFTER_SALES, CALLER,
                PHONE, "昆明", null, "收银机无法打印小票,当场无法答复", InquiryOutcome.ANSWERED, null), "agent").getId();
    }

    private ProcessInstance processOf(PhoneCase phoneCase) {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(phoneCase.getCaseNo())
                .singleResult();
    }

    private Task task(ProcessInstance process, String key) {
        return ProcessTasks.open(taskService, process, key);
    }

    private void complete(ProcessInstance process, String key, String user, Map<String, Object> form) {
        ProcessTasks.complete(taskService, process, key, user, form);
    }

    private Set<String> candidateGroups(Task task) {
        return ProcessTasks.candidateGroups(taskService, task);
    }

}
