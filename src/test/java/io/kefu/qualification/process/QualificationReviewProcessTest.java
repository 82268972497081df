package io.kefu.qualification.process;

import static io.kefu.qualification.process.QualificationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.kefu.support.ProcessTasks;
import io.kefu.contract.Contract;
import io.kefu.contract.ContractService;
import io.kefu.contract.ContractStart;
import io.kefu.contract.ContractStatus;
import io.kefu.contract.process.ContractProcess;
import io.kefu.customer.Customer;
import io.kefu.customer.CustomerRequest;
import io.kefu.customer.CustomerRequest.ContactRequest;
import io.kefu.customer.CustomerDetails;
import io.kefu.customer.CustomerService;
import io.kefu.customer.CustomerTier;
import io.kefu.customer.CustomerType;
import io.kefu.qualification.QualificationReview;
import io.kefu.qualification.QualificationService;
import io.kefu.qualification.ReviewStatus;
import io.kefu.support.TestUsers;
import io.kefu.visit.VisitKind;
import io.kefu.visit.VisitService;
import jakarta.persistence.EntityManagerFactory;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.hibernate.envers.AuditReaderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The qualification review (资质审核), one test per path: scored without change, tier changed, credit declined and
 * cooperation kept, credit declined and cooperation stopped (the contract's termination starts).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class QualificationReviewProcessTest {

    static final String CONTACT = "钱经理";
    static final String PHONE = "13955556666";

    @Autowired
    ProcessEngine processEngine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;
    @Autowired
    IdentityService identityService;
    @Autowired
    CustomerService customers;
    @Autowired
    ContractService contracts;
    @Autowired
    QualificationService reviews;
    @Autowired
    VisitService visits;
    @Autowired
    EntityManagerFactory entityManagerFactory;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(processEngine);
        TestUsers.ensure(identityService, "business", "dept-business");
        TestUsers.ensure(identityService, "supervisor", "supervisors");
        TestUsers.ensure(identityService, "manager", "managers");
        TestUsers.ensure(identityService, "agent", "agents");
    }

    @AfterEach
    void tearDown() {
        BpmnAwareTests.reset();
        identityService.clearAuthentication();
    }

    @Test
    void aReviewStartedInTasklistPlansTheYearlyMeetingAndEndsWithTheTierKept() {
        Customer customer = customer(CustomerTier.B);
        identityService.setAuthentication("business", List.of("dept-business"));
        ProcessInstance process = runtimeService.startProcessInstanceByKey(KEY, Map.of("customerCode",
                customer.getCode()));
        identityService.clearAuthentication();

        QualificationReview review = reviews.forProcessInstance(process.getId()).orElseThrow();
        assertThat(process).hasBusinessKey(review.getReviewNo()).isWaitingAtExactly(TASK_SCORE);
        assertThat(review.getOpenedBy()).isEqualTo("business");
        assertThat(review.getCycleMonths()).as("重要客户 B 级: review-cycle.dmn").isEqualTo(24);
        assertThat(candidateGroups(task(process, TASK_SCORE))).containsExactlyInAnyOrder("dept-business",
                "supervisors");
        var meeting = visits.find(review.getMeetingVisitId());
        assertThat(meeting.getKind()).isEqualTo(VisitKind.ANNUAL_MEETING);
        assertThat(meeting.getDueDate()).isAfter(reviews.today());
        String card = (String) taskService.getVariableLocal(task(process, TASK_SCORE).getId(), "caseSummary");
        assertThat(card).contains(review.getReviewNo(), "重要客户", "年度会晤").doesNotContain(PHONE);
        // a second review of the same customer while this one runs is refused
        assertThatThrownBy(() -> reviews.open(customer.getCode(), "supervisor"))
                .hasMessageContaining("进行中的资质审核");

        assertThatThrownBy(() -> complete(process, TASK_SCORE, "business", Map.of("satisfaction", "4",
                "contribution", "9")))
                .hasMessageContaining("contribution").hasMessageContaining("credit");
        assertThat(process).isWaitingAtExactly(TASK_SCORE);
        complete(process, TASK_SCORE, "business", Map.of("satisfaction", "4", "contribution", "4", "credit", "4",
                "scoreNote", "年度会晤顺利,经营稳定"));

        assertThat(process).isEnded().hasPassed(END_REVIEWED);
        QualificationReview done = reviews.find(review.getId());
        assertThat(done.getStatus()).isEqualTo(ReviewStatus.CLOSED);
        assertThat(done.getGrade()).isEqualTo(CustomerTier.B);
        assertThat(done.getTotalScore()).isEqualTo(12);
        assertThat(done.isTierChanged()).isFalse();
        assertThat(done.getScoredBy()).isEqualTo("business");
        assertThat(done.getNextReviewOn()).isEqualTo(reviews.today().plusMonths(24));
        assertThat(customers.find(customer.getId()).tier()).isEqualTo(CustomerTier.B);
        assertNoFormFieldsOrPersonalDataInTheEngine(process);
    }

    @Test
    void highScoresMoveTheCustomerUpATierWithTheReasonOnRecord() {
        Customer customer = customer(CustomerTier.B);
        ProcessInstance process = processOf(reviews.start(new io.kefu.qualification.QualificationReviewRequest(
                customer.getCode()), new io.kefu.identity.CurrentUser("supervisor", java.util.Set.of("supervisors"))));

        assertThatThrownBy(() -> complete(process, TASK_SCORE, "supervisor", Map.of("satisfaction", "5",
                "contribution", "5", "credit", "5")))
                .as("the grade A differs from tier B: a reason is required").hasMessageContaining("tierChangeReason");
        assertThat(customers.find(customer.getId()).tier()).as("nothing half-written").isEqualTo(CustomerTier.B);
        complete(process, TASK_SCORE, "supervisor", Map.of("satisfaction", "5", "contribution", "5", "credit", "5",
                "tierChangeReason", "门店增至 5 家,回款及时"));

        assertThat(process).isEnded().hasPassed(END_REVIEWED);
        QualificationReview done = reviews.forProcessInstance(process.getId()).orElseThrow();
        assertThat(done.isTierChanged()).isTrue();
        assertThat(done.getTierBefore()).isEqualTo(CustomerTier.B);
        assertThat(done.getTierAfter()).isEqualTo(CustomerTier.A);
        assertThat(done.getTierChangeReason()).isEqualTo("门店增至 5 家,回款及时");
        assertThat(customers.find(customer.getId()).tier()).isEqualTo(CustomerTier.A);
        // the change is in the customer's audited history: B before, A after
        var em = entityManagerFactory.createEntityManager();
        try {
            var audit = AuditReaderFactory.get(em);
            List<Number> revisions = audit.getRevisions(Customer.class, customer.getId());
            assertThat(revisions).hasSizeGreaterThanOrEqualTo(2);
            assertThat(audit.find(Customer.class, customer.getId(), revisions.get(revisions.size() - 2)).getTier())
                    .isEqualTo(CustomerTier.B);
            assertThat(audit.find(Customer.class, customer.getId(), revisions.get(revisions.size() - 1)).getTier())
                    .isEqualTo(CustomerTier.A);
        } finally {
            em.close();
        }
        // 核心/重要 class stays; the next review follows the new tier's cycle (重要客户 A: 12 months)
        assertThat(done.getNextReviewOn()).isEqualTo(reviews.today().plusMonths(12));
    }

    @Test
    void creditLowerThanAtTheLastReviewAsksTheManagerAndCooperationIsKept() {
        Customer customer = customer(CustomerTier.B);
        ProcessInstance first = processOf(reviews.openAndStart(customer.getCode(), "business"));
        complete(first, TASK_SCORE, "business", Map.of("satisfaction", "4", "contribution", "4", "credit", "5",
                "newTier", "B"));
        assertThat(first).isEnded().hasPassed(END_REVIEWED);

        ProcessInstance second = processOf(reviews.openAndStart(customer.getCode(), "business"));
        complete(second, TASK_SCORE, "business", Map.of("satisfaction", "4", "contribution", "3", "credit", "3",
                "scoreNote", "近两个月回款延迟"));
        assertThat(second).isWaitingAtExactly(TASK_DECIDE);
        QualificationReview declined = reviews.forProcessInstance(second.getId()).orElseThrow();
        assertThat(declined.isCreditDeclined()).isTrue();
        assertThat(declined.getPreviousCredit()).isEqualTo(5);
        assertThat(declined.getStatus()).isEqualTo(ReviewStatus.AWAITING_DECISION);
        assertThat(candidateGroups(task(second, TASK_DECIDE))).containsExactly("managers");

        // this customer has no contract in force: stopping cooperation cannot start a termination
        assertThatThrownBy(() -> complete(second, TASK_DECIDE, "manager", Map.of(STOP_COOPERATION, true,
                "decisionNote", "终止合作"))).hasMessageContaining("stopCooperation").hasMessageContaining("没有合作中的合同");
        assertThatThrownBy(() -> complete(second, TASK_DECIDE, "manager", Map.of(STOP_COOPERATION, false)))
                .hasMessageContaining("decisionNote");
        complete(second, TASK_DECIDE, "manager", Map.of(STOP_COOPERATION, false, "decisionNote",
                "客户已承诺本月结清,继续合作并观察"));

        assertThat(second).isEnded().hasPassed(END_KEPT);
        QualificationReview kept = reviews.find(declined.getId());
        assertThat(kept.getStatus()).isEqualTo(ReviewStatus.COOPERATION_KEPT);
        assertThat(kept.getDecidedBy()).isEqualTo("manager");
        assertThat(kept.getTerminationContractId()).isNull();
    }

    @Test
    void poorCreditLeadsToStoppingCooperationAndStartsTheContractsTermination() {
        Contract contract = activeContract();
        CustomerDetails customer = customers.find(contract.getCustomerId());
        ProcessInstance process = processOf(reviews.openAndStart(customer.code(), "business"));
        complete(process, TASK_SCORE, "business", Map.of("satisfaction", "3", "contribution", "3", "credit", "2",
                "tierChangeReason", "信用状况差,降为 C 类"));
        assertThat(process).isWaitingAtExactly(TASK_DECIDE);
        QualificationReview review = reviews.forProcessInstance(process.getId()).orElseThrow();
        assertThat(review.getGrade()).as("credit 1–2: grade C whatever the total").isEqualTo(CustomerTier.C);
        assertThat(review.getPreviousCredit()).as("first review").isNull();
        assertThat(review.isCreditDeclined()).isTrue();

        complete(process, TASK_DECIDE, "manager", Map.of(STOP_COOPERATION, true, "decisionNote",
                "多次逾期付款,信誉限度额已超,终止合作"));

        assertThat(process).isEnded().hasPassed(TASK_START_TERMINATION, END_TERMINATION);
        QualificationReview stopped = reviews.find(review.getId());
        assertThat(stopped.getStatus()).isEqualTo(ReviewStatus.TERMINATION_STARTED);
        assertThat(stopped.getTerminationContractId()).isEqualTo(contract.getId());
        Contract pending = contracts.find(contract.getId());
        assertThat(pending.isTerminationPending()).isTrue();
        assertThat(pending.getTerminationReason()).contains(review.getReviewNo(), "信用");
        ProcessInstance termination = runtimeService.createProcessInstanceQuery()
                .processInstanceId(pending.getTerminationProcessId()).singleResult();
        assertThat(termination).hasProcessDefinitionKey(ContractProcess.TERMINATION_KEY)
                .hasBusinessKey(contract.getContractNo()).isWaitingAtExactly(ContractProcess.TASK_REVIEW_TERMINATION);
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private Customer customer(CustomerTier tier) {
        return customers.register(new CustomerRequest("资质审核测试客户-" + UUID.randomUUID().toString().substring(0, 8),
                CustomerType.FRANCHISEE, tier, List.of(new ContactRequest(CONTACT, PHONE, "店长")),
                "江苏省苏州市工业园区星湖街1号", "华东", 2, "agent", LocalDate.now().minusYears(2)));
    }

    /** An agency contract through the onboarding process up to its signing, when it comes into force. */
    private Contract activeContract() {
        Contract opened = contracts.startOnboarding(new ContractStart(null, CustomerType.AGENT,
                "资质审核解约测试-" + UUID.randomUUID().toString().substring(0, 6), CustomerTier.B, CONTACT, PHONE,
                "苏州市中心路1号", "华东"), "agent");
        String pid = opened.getProcessInstanceId();
        completeIn(pid, ContractProcess.TASK_QUALIFICATION_REVIEW, "agent", Map.of("documentsChecked", true,
                "checkMethod", "ON_SITE", "ndaSigned", true, "evaluationReport", "证照齐全",
                ContractProcess.QUALIFIED, true));
        Map<String, Object> draft = new HashMap<>();
        draft.put("partyCompany", contracts.companyName());
        draft.put("partyCustomer", customers.find(opened.getCustomerId()).name());
        draft.put("territory", "苏州市");
        draft.put("termStart", LocalDate.now().toString());
        draft.put("termEnd", LocalDate.now().plusYears(3).minusDays(1).toString());
        draft.put("feeAmount", 30000.0);
        draft.put("feeTerms", "签约时一次付清");
        completeIn(pid, ContractProcess.TASK_DRAFT_CONTRACT, "agent", draft);
        completeIn(pid, ContractProcess.TASK_REVIEW_CONTRACT, "supervisor", Map.of(ContractProcess.REVIEW_PASSED, true,
                "reviewNote", "条款完整"));
        completeIn(pid, ContractProcess.TASK_APPROVE_CONTRACT, "manager", Map.of(ContractProcess.APPROVED, true,
                "approvalNote", "同意"));
        completeIn(pid, ContractProcess.TASK_RECORD_SIGNING, "manager", Map.of("signedOn",
                LocalDate.now().toString()));
        Contract active = contracts.find(opened.getId());
        assertThat(active.getStatus()).isEqualTo(ContractStatus.ACTIVE);
        return active;
    }

    private void completeIn(String pid, String key, String user, Map<String, Object> form) {
        Task task = taskService.createTaskQuery().processInstanceId(pid).taskDefinitionKey(key).singleResult();
        assertThat(task).as("open task %s", key).isNotNull();
        taskService.setAssignee(task.getId(), user);
        taskService.complete(task.getId(), form);
    }

    private ProcessInstance processOf(QualificationReview review) {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(review.getReviewNo())
                .processDefinitionKey(KEY).singleResult();
    }

    private Task task(ProcessInstance process, String key) {
        return ProcessTasks.open(taskService, process, key);
    }

    private void complete(ProcessInstance process, String key, String user, Map<String, Object> form) {
        ProcessTasks.complete(taskService, process, key, user, form);
    }

    private List<String> candidateGroups(Task task) {
        return List.copyOf(ProcessTasks.candidateGroups(taskService, task));
    }

    private void assertNoFormFieldsOrPersonalDataInTheEngine(ProcessInstance process) {
        var variables = historyService.createHistoricVariableInstanceQuery().processInstanceId(process.getId()).list();
        assertThat(variables).extracting(v -> v.getName()).contains(REVIEW_ID, CREDIT_DECLINED)
                .doesNotContain("satisfaction", "contribution", "credit", "scoreNote");
        assertThat(variables).extracting(v -> String.valueOf(v.getValue()))
                .noneMatch(v -> v.contains(PHONE) || v.contains(CONTACT));
    }
}
