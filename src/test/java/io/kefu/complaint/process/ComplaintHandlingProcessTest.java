package io.kefu.complaint.process;

import static io.kefu.complaint.process.ComplaintProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.groups.Tuple.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.kefu.complaint.Breach;
import io.kefu.complaint.BreachType;
import io.kefu.shared.CaseNote;
import io.kefu.complaint.Channel;
import io.kefu.complaint.Complaint;
import io.kefu.complaint.ComplaintCategory;
import io.kefu.complaint.ComplaintIntake;
import io.kefu.complaint.ComplaintRound;
import io.kefu.complaint.ComplaintService;
import io.kefu.complaint.ComplaintSettings;
import io.kefu.complaint.ComplaintStatus;
import io.kefu.complaint.Satisfaction;
import io.kefu.complaint.Severity;
import io.kefu.customer.Customer;
import io.kefu.customer.CustomerRequest;
import io.kefu.customer.CustomerRequest.ContactRequest;
import io.kefu.customer.CustomerService;
import io.kefu.customer.CustomerTier;
import io.kefu.customer.CustomerType;
import io.kefu.shared.ConflictException;
import io.kefu.shared.InvalidInputException;
import io.kefu.shared.time.BusinessCalendar;
import io.kefu.task.CaseCardProvider;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The complaint-handling process, one test per path through the BPMN: cases are opened through {@link ComplaintService}
 * (or the Tasklist start form), tasks completed with the fields of their forms, timers fired through the job API.
 * What each step did is checked on the complaint record, where the case lives.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ComplaintHandlingProcessTest {

    // The people these tests need; created here when absent (the demo users are not created in tests).
    static final String OWNER = "agent";
    static final String SUPERVISOR = "supervisor";
    static final String MANAGER = "manager";
    /** The only member of dept-sales: the employee complained about in the recusal test. */
    static final String SALES = "sales";
    static final String TECH = "tech";
    static final String WAREHOUSE = "warehouse";

    /** The sub-process 调查与处理: a case waits "in" it while one of its tasks is open. */
    static final String RESOLUTION = "SubProcess_Resolution";

    /** Form fields a completed task must leave behind in the complaint record, not in the process. */
    static final List<String> FORM_FIELDS = List.of("validityReason", "department", "causeType", "invalidReply",
            "findings", "responsiblePerson", "solutionOption1", "solutionOption2", "solutionOption3",
            "leaderInstruction", "managerInstruction", "implementationNotes", "penalties", "acceptanceMethod",
            "acceptanceReference", "customerFeedback", "visitRemarks", "improvement", "closingCategory",
            "closingSummary", "rootCause", "preventiveMeasures", "escalationNote");

    @Autowired
    ProcessEngine processEngine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    IdentityService identityService;
    @Autowired
    AuthorizationService authorizationService;
    @Autowired
    ComplaintService complaints;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CustomerService customers;
    @Autowired
    BusinessCalendar calendar;
    @Autowired
    ComplaintSettings settings;
    @Autowired
    TransactionTemplate transaction;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(processEngine);
        ensureUser(OWNER, "agents");
        ensureUser(SUPERVISOR, "supervisors");
        ensureUser(MANAGER, "managers");
        ensureUser(SALES, "dept-sales");
        ensureUser(TECH, "dept-tech");
        ensureUser(WAREHOUSE, "dept-warehouse");
    }

    @AfterEach
    void tearDown() {
        BpmnAwareTests.reset();
    }

    // ---- the paths -----------------------------------------------------------------------------------------------

    @Test
    void invalidComplaintIsAnsweredTactfullyAndClosed() {
        Complaint opened = open(newCustomer(CustomerTier.C), ComplaintCategory.DELIVERY, Severity.MINOR, null);
        ProcessInstance process = processOf(opened);
        assertThat(process).isWaitingAtExactly(TASK_ASSESS_VALIDITY);

        complete(process, TASK_ASSESS_VALIDITY, OWNER, Map.of(COMPLAINT_VALID, false,
                "validityReason", "订单记录显示货物已按约定时间签收", "invalidReply", "已向客户出示签收记录并致歉解释"));

        assertThat(process).hasPassedInOrder("Task_RegisterComplaint", "Task_ClassifyComplaint",
                        "Task_ApplyClassification", TASK_ASSESS_VALIDITY, "Task_CloseInvalidComplaint", END_REJECTED)
                .hasNotPassed(TASK_INVESTIGATE, TASK_CLOSE)
                .isEnded();
        Complaint rejected = reload(opened);
        assertThat(rejected.getStatus()).isEqualTo(ComplaintStatus.REJECTED);
        assertThat(rejected.getValid()).isFalse();
        assertThat(rejected.getValidityReason()).isEqualTo("订单记录显示货物已按约定时间签收");
        assertThat(rejected.getInvalidReply()).isEqualTo("已向客户出示签收记录并致歉解释");
        assertThat(rejected.getRespondedAt()).isNotNull();
        assertThat(rejected.getClosedAt()).isNotNull().isAfterOrEqualTo(rejected.getRespondedAt());
        assertThat(rejected.getDepartment()).isNull();
        assertThat(rejected.getBreaches()).isEmpty();
    }

    @Test
    void validComplaintIsInvestigatedResolvedVisitedAndClosed() {
        Complaint opened = open(newCustomer(CustomerTier.B), ComplaintCategory.PRODUCT_QUALITY, Severity.MINOR, null);
        ProcessInstance process = processOf(opened);
        assertThat(process).hasBusinessKey(opened.getCaseNo()).isWaitingAtExactly(TASK_ASSESS_VALIDITY);

        // classified by the table (a MINOR complaint of a B customer: P3, 8 and 40 working hours), deadlines on
        // working hours from the moment the complaint came in
        Complaint registered = reload(opened);
        assertThat(registered.getStatus()).isEqualTo(ComplaintStatus.REGISTERED);
        assertThat(registered.getPriority()).isEqualTo("P3");
        assertThat(registered.getResponseHours()).isEqualTo(8);
        assertThat(registered.getResolutionHours()).isEqualTo(40);
        assertThat(registered.isRepeatComplaint()).isFalse();
        assertSameSecond(registered.getResponseDue(),
                calendar.addWorkingTime(registered.getCreatedAt(), Duration.ofHours(8)));
        assertSameSecond(registered.getResolutionDue(),
                calendar.addWorkingTime(registered.getCreatedAt(), Duration.ofHours(40)));
        assertThat(registered.getProcessInstanceId()).isEqualTo(process.getId());

        Task assess = task(process, TASK_ASSESS_VALIDITY);
        assertThat(assess).isAssignedTo(OWNER);
        assertSameSecond(assess.getDueDate().toInstant(), registered.getResponseDue());
        assertThat(timer(process, TIMER_RESPONSE_DEADLINE)).isNotNull();
        complete(process, TASK_ASSESS_VALIDITY, OWNER, validAssessment("tech"));

        assertThat(process).isWaitingAtExactly(RESOLUTION, TASK_INVESTIGATE);
        Task investigate = task(process, TASK_INVESTIGATE);
        // 指派专人: the department's only member handles it, the department stays the fallback
        assertThat(investigate).isAssignedTo(TECH);
        assertThat(candidateGroups(investigate)).contains("dept-tech");
        assertSameSecond(investigate.getDueDate().toInstant(), registered.getResolutionDue());
        assertThat(timer(process, TIMER_RESPONSE_DEADLINE)).as("answered in time: no response timer left").isNull();
        assertThat(timer(process, TIMER_RESOLUTION_DEADLINE)).isNotNull();
        complete(process, TASK_INVESTIGATE, TECH, investigation());

        complete(process, TASK_PROPOSE_SOLUTIONS, TECH, proposals());
        assertThat(reload(opened).getStatus()).isEqualTo(ComplaintStatus.AWAITING_APPROVAL);

        assertThat(task(process, TASK_SELECT_SOLUTION)).hasCandidateGroup("supervisors");
        complete(process, TASK_SELECT_SOLUTION, SUPERVISOR, leaderDecision("OPTION_2"));

        assertThat(process).isWaitingAtExactly(RESOLUTION, TASK_IMPLEMENT_SOLUTION).hasNotPassed(TASK_MANAGER_DECISION);
        assertThat(reload(opened).getStatus()).isEqualTo(ComplaintStatus.IMPLEMENTING);
        assertThat(task(process, TASK_IMPLEMENT_SOLUTION)).isAssignedTo(TECH);
        assertThat(candidateGroups(task(process, TASK_IMPLEMENT_SOLUTION))).contains("dept-tech");
        complete(process, TASK_IMPLEMENT_SOLUTION, TECH, implementation());

        assertThat(reload(opened).getStatus()).isEqualTo(ComplaintStatus.AWAITING_CUSTOMER);
        assertThat(task(process, TASK_CONFIRM_WITH_CUSTOMER)).isAssignedTo(OWNER);
        complete(process, TASK_CONFIRM_WITH_CUSTOMER, OWNER, customerAccepts());

        // resolved: the resolution timer is gone with the sub-process, the return visit is due within three days
        assertThat(process).hasPassed("End_Resolved").isWaitingAtExactly(TASK_RETURN_VISIT);
        Complaint resolved = reload(opened);
        assertThat(resolved.getStatus()).isEqualTo(ComplaintStatus.RESOLVED);
        assertThat(resolved.getResolvedAt()).isNotNull();
        assertThat(resolved.getReturnVisitDue())
                .isEqualTo(resolved.getResolvedAt().plus(settings.returnVisitDays(), ChronoUnit.DAYS));
        Task visit = task(process, TASK_RETURN_VISIT);
        assertThat(visit).isAssignedTo(OWNER);
        assertSameSecond(visit.getDueDate().toInstant(), resolved.getReturnVisitDue());
        assertThat(timer(process, TIMER_RESOLUTION_DEADLINE)).isNull();
        assertSameSecond(timer(process, TIMER_RETURN_VISIT_DEADLINE).getDuedate().toInstant(),
                resolved.getReturnVisitDue());
        // the process keeps the flags its gateways read, the forms' contents went to the complaint
        assertThat(runtimeService.getVariables(process.getId()))
                .containsKeys(COMPLAINT_ID, OWNER_ID, COMPLAINT_VALID, DEPARTMENT_GROUP, SOLUTION_DECISION,
                        CUSTOMER_ACCEPTED, RETURN_VISIT_DUE)
                .doesNotContainKeys(FORM_FIELDS.toArray(String[]::new));
        complete(process, TASK_RETURN_VISIT, OWNER, returnVisit(Satisfaction.SATISFIED));

        assertThat(reload(opened).getStatus()).isEqualTo(ComplaintStatus.AWAITING_CLOSURE);
        assertThat(task(process, TASK_CLOSE)).hasCandidateGroup("supervisors");
        complete(process, TASK_CLOSE, SUPERVISOR, closing(ComplaintCategory.PRODUCT_QUALITY));

        assertThat(process).hasPassedInOrder("Task_RegisterComplaint", "Task_ClassifyComplaint",
                        "Task_ApplyClassification", TASK_ASSESS_VALIDITY, TASK_INVESTIGATE, TASK_PROPOSE_SOLUTIONS,
                        TASK_SELECT_SOLUTION, TASK_IMPLEMENT_SOLUTION, TASK_CONFIRM_WITH_CUSTOMER, TASK_RETURN_VISIT,
                        TASK_CLOSE, END_CLOSED)
                .hasNotPassed(TASK_ACKNOWLEDGE_SEVERE, TASK_ANALYSE_ROOT_CAUSE, TASK_MANAGER_DECISION,
                        "Task_ReopenComplaint", "Task_RecordResponseBreach", "Task_RecordResolutionBreach",
                        "Task_RecordVisitBreach")
                .isEnded();
        Complaint closed = reload(opened);
        assertThat(closed.getStatus()).isEqualTo(ComplaintStatus.CLOSED);
        assertThat(closed.getValid()).isTrue();
        assertThat(closed.getValidityReason()).isEqualTo("质检报告确认批次存在质量问题");
        assertThat(closed.getDepartment()).isEqualTo("tech");
        assertThat(closed.currentRound().getCauseType()).isEqualTo("PRODUCT");
        assertThat(closed.currentRound().getFindings()).isEqualTo("同批次产品包装密封不良");
        assertThat(closed.currentRound().getResponsiblePerson()).isEqualTo("生产二组");
        assertThat(closed.currentRound().optionText(1)).isEqualTo("退货退款");
        assertThat(closed.currentRound().optionText(2)).isEqualTo("换货并补偿优惠券");
        assertThat(closed.currentRound().optionText(3)).isEqualTo("维修");
        assertThat(closed.currentRound().getChosenOption()).isEqualTo(2);
        assertThat(closed.currentRound().getImplementationNotes()).isEqualTo("已换货并发放优惠券");
        assertThat(closed.currentRound().getPenalties()).isEqualTo("生产二组通报批评");
        assertThat(closed.getCustomerAccepted()).isTrue();
        assertThat(closed.currentRound().getAcceptanceMethod()).isEqualTo("PHONE_RECORDING");
        assertThat(closed.currentRound().getAcceptanceReference()).isEqualTo("通话录音 REC-001");
        assertThat(closed.getSatisfaction()).isEqualTo(Satisfaction.SATISFIED);
        assertThat(closed.currentRound().getVisitRemarks()).isEqualTo("客户对处理结果表示认可");
        assertThat(closed.getClosingCategory()).isEqualTo(ComplaintCategory.PRODUCT_QUALITY);
        assertThat(closed.getClosingSummary()).isEqualTo("质量问题已闭环,纳入月度统计");
        assertThat(closed.getRespondedAt()).isAfterOrEqualTo(closed.getCreatedAt());
        assertThat(closed.getResolvedAt()).isAfterOrEqualTo(closed.getRespondedAt());
        assertThat(closed.getClosedAt()).isAfterOrEqualTo(closed.getResolvedAt());
        assertThat(closed.getReopenCount()).isZero();
        assertThat(closed.getBreaches()).isEmpty();
        assertThat(closed.getNotes()).extracting(CaseNote::getKind, CaseNote::getAuthor).containsExactly(
                tuple("LEADER_INSTRUCTION", SUPERVISOR),
                tuple("IMPROVEMENT", OWNER));
    }

    @Test
    void rejectedSolutionsEscalateToTheManagerWhoReturnsThemToTheDepartment() {
        Complaint opened = open(newCustomer(CustomerTier.C), ComplaintCategory.BILLING, Severity.MINOR, null);
        ProcessInstance process = processOf(opened);
        complete(process, TASK_ASSESS_VALIDITY, OWNER, validAssessment("tech"));
        complete(process, TASK_INVESTIGATE, TECH, investigation());
        complete(process, TASK_PROPOSE_SOLUTIONS, TECH, proposals());

        complete(process, TASK_SELECT_SOLUTION, SUPERVISOR,
                Map.of(SOLUTION_DECISION, "REJECTED", "leaderInstruction", "三个方案均不足以弥补客户损失"));

        assertThat(process).isWaitingAtExactly(RESOLUTION, TASK_MANAGER_DECISION);
        assertThat(task(process, TASK_MANAGER_DECISION)).hasCandidateGroup("managers");
        Complaint rejected = reload(opened);
        assertThat(rejected.getStatus()).isEqualTo(ComplaintStatus.AWAITING_APPROVAL);
        assertThat(rejected.currentRound().getChosenOption()).isNull();

        complete(process, TASK_MANAGER_DECISION, MANAGER,
                Map.of(MANAGER_DECISION, "RETURN", "managerInstruction", "退回重新制定,须包含赔偿方案"));

        assertThat(process).isWaitingAtExactly(RESOLUTION, TASK_PROPOSE_SOLUTIONS);
        assertThat(task(process, TASK_PROPOSE_SOLUTIONS)).isAssignedTo(TECH);
        assertThat(candidateGroups(task(process, TASK_PROPOSE_SOLUTIONS))).contains("dept-tech");
        Complaint returned = reload(opened);
        assertThat(returned.getStatus()).isEqualTo(ComplaintStatus.INVESTIGATING);
        assertThat(returned.currentRound().getChosenOption()).isNull();

        complete(process, TASK_PROPOSE_SOLUTIONS, TECH, Map.of("solutionOption1", "全额退还多收费用并赔偿 200 元"));
        complete(process, TASK_SELECT_SOLUTION, SUPERVISOR, leaderDecision("OPTION_1"));

        // a minor complaint needs no manager approval once the leader adopts an option
        assertThat(process).isWaitingAtExactly(RESOLUTION, TASK_IMPLEMENT_SOLUTION);
        assertThat(historicActivityCount(process, TASK_PROPOSE_SOLUTIONS)).isEqualTo(2);
        assertThat(historicActivityCount(process, TASK_MANAGER_DECISION)).isEqualTo(1);
        Complaint adopted = reload(opened);
        assertThat(adopted.getStatus()).isEqualTo(ComplaintStatus.IMPLEMENTING);
        assertThat(adopted.currentRound().optionText(1)).isEqualTo("全额退还多收费用并赔偿 200 元");
        assertThat(adopted.currentRound().optionText(2)).as("the new proposal replaced the old options").isNull();
        assertThat(adopted.currentRound().getChosenOption()).isEqualTo(1);
        assertThat(adopted.getNotes()).extracting(CaseNote::getKind, CaseNote::getAuthor).containsExactly(
                tuple("LEADER_INSTRUCTION", SUPERVISOR),
                tuple("MANAGER_INSTRUCTION", MANAGER),
                tuple("LEADER_INSTRUCTION", SUPERVISOR));
    }

    @Test
    void severeComplaintNotifiesTheManagerAtOnceAndNeedsManagerApproval() {
        Complaint opened = open(newCustomer(CustomerTier.C), ComplaintCategory.PRODUCT_QUALITY, Severity.CRITICAL,
                null);
        ProcessInstance process = processOf(opened);

        assertThat(process).isWaitingAtExactly(TASK_ASSESS_VALIDITY, TASK_ACKNOWLEDGE_SEVERE);
        assertThat(task(process, TASK_ACKNOWLEDGE_SEVERE)).hasCandidateGroup("managers").isNotAssigned();
        assertThat(task(process, TASK_ACKNOWLEDGE_SEVERE).getPriority()).isEqualTo(100); // P1
        Complaint registered = reload(opened);
        assertThat(registered.getPriority()).isEqualTo("P1");
        assertThat(registered.isNotifyManager()).isTrue();
        assertThat(registered.isManagerApproval()).isTrue();
        assertSameSecond(registered.getResponseDue(),
                calendar.addWorkingTime(registered.getCreatedAt(), Duration.ofHours(2)));

        complete(process, TASK_ACKNOWLEDGE_SEVERE, MANAGER, Map.of("escalationNote", "已知悉,当日内给出处理意见"));
        assertThat(process).hasPassed("End_SevereAcknowledged").isWaitingAtExactly(TASK_ASSESS_VALIDITY);

        complete(process, TASK_ASSESS_VALIDITY, OWNER, validAssessment("tech"));
        complete(process, TASK_INVESTIGATE, TECH, investigation());
        complete(process, TASK_PROPOSE_SOLUTIONS, TECH, proposals());
        complete(process, TASK_SELECT_SOLUTION, SUPERVISOR, leaderDecision("OPTION_1"));

        // the leader's choice of a severe complaint goes to the manager, who may adopt another option
        assertThat(process).isWaitingAtExactly(RESOLUTION, TASK_MANAGER_DECISION);
        assertThat(task(process, TASK_MANAGER_DECISION)).hasCandidateGroup("managers");
        assertThat(reload(opened).currentRound().getChosenOption()).isEqualTo(1);
        complete(process, TASK_MANAGER_DECISION, MANAGER,
                Map.of(MANAGER_DECISION, "OPTION_3", "managerInstruction", "采用方案三并由经理亲自回访"));

        assertThat(process).isWaitingAtExactly(RESOLUTION, TASK_IMPLEMENT_SOLUTION);
        Complaint approved = reload(opened);
        assertThat(approved.currentRound().getChosenOption()).isEqualTo(3);
        assertThat(approved.getStatus()).isEqualTo(ComplaintStatus.IMPLEMENTING);
        assertThat(approved.getNotes()).extracting(CaseNote::getKind, CaseNote::getAuthor).containsExactly(
                tuple("SEVERE_ACKNOWLEDGED", MANAGER),
                tuple("LEADER_INSTRUCTION", SUPERVISOR),
                tuple("MANAGER_INSTRUCTION", MANAGER));

        complete(process, TASK_IMPLEMENT_SOLUTION, TECH, implementation());
        complete(process, TASK_CONFIRM_WITH_CUSTOMER, OWNER, customerAccepts());
        complete(process, TASK_RETURN_VISIT, OWNER, returnVisit(Satisfaction.SATISFIED));
        complete(process, TASK_CLOSE, SUPERVISOR, closing(ComplaintCategory.PRODUCT_QUALITY));
        assertThat(process).hasPassed(END_CLOSED, "End_SevereAcknowledged").isEnded();
        assertThat(reload(opened).getStatus()).isEqualTo(ComplaintStatus.CLOSED);
    }

    @Test
    void customerWhoRejectsTheResultGetsNewSolutions() {
        Complaint opened = open(newCustomer(CustomerTier.B), ComplaintCategory.CONTRACT, Severity.MINOR, null);
        ProcessInstance process = processOf(opened);
        complete(process, TASK_ASSESS_VALIDITY, OWNER, validAssessment("warehouse"));
        complete(process, TASK_INVESTIGATE, WAREHOUSE, investigation());
        complete(process, TASK_PROPOSE_SOLUTIONS, WAREHOUSE, proposals());
        complete(process, TASK_SELECT_SOLUTION, SUPERVISOR, leaderDecision("OPTION_1"));
        complete(process, TASK_IMPLEMENT_SOLUTION, WAREHOUSE, implementation());

        complete(process, TASK_CONFIRM_WITH_CUSTOMER, OWNER,
                Map.of(CUSTOMER_ACCEPTED, false, "customerFeedback", "客户要求赔偿运费"));

        assertThat(process).isWaitingAtExactly(RESOLUTION, TASK_PROPOSE_SOLUTIONS).hasNotPassed(TASK_RETURN_VISIT);
        assertThat(task(process, TASK_PROPOSE_SOLUTIONS)).isAssignedTo(WAREHOUSE);
        assertThat(candidateGroups(task(process, TASK_PROPOSE_SOLUTIONS))).contains("dept-warehouse");
        Complaint rejected = reload(opened);
        assertThat(rejected.getStatus()).isEqualTo(ComplaintStatus.INVESTIGATING);
        assertThat(rejected.getCustomerAccepted()).isFalse();
        assertThat(rejected.getResolvedAt()).isNull();
        assertThat(rejected.getNotes()).extracting(CaseNote::getKind, CaseNote::getText)
                .contains(tuple("CUSTOMER_FEEDBACK", "客户要求赔偿运费"));

        complete(process, TASK_PROPOSE_SOLUTIONS, WAREHOUSE,
                Map.of("solutionOption1", "退货并赔偿运费", "solutionOption2", "换货并赔偿运费"));
        complete(process, TASK_SELECT_SOLUTION, SUPERVISOR, leaderDecision("OPTION_2"));
        complete(process, TASK_IMPLEMENT_SOLUTION, WAREHOUSE, implementation());
        complete(process, TASK_CONFIRM_WITH_CUSTOMER, OWNER, customerAccepts());

        assertThat(process).isWaitingAtExactly(TASK_RETURN_VISIT);
        assertThat(historicActivityCount(process, TASK_CONFIRM_WITH_CUSTOMER)).isEqualTo(2);
        Complaint accepted = reload(opened);
        assertThat(accepted.getStatus()).isEqualTo(ComplaintStatus.RESOLVED);
        assertThat(accepted.getCustomerAccepted()).isTrue();
        assertThat(accepted.currentRound().getChosenOption()).isEqualTo(2);
        assertThat(accepted.currentRound().optionText(2)).isEqualTo("换货并赔偿运费");

        // 一般 (neutral) closes the case like 满意
        complete(process, TASK_RETURN_VISIT, OWNER, returnVisit(Satisfaction.NEUTRAL));
        assertThat(process).isWaitingAtExactly(TASK_CLOSE).hasNotPassed("Task_ReopenComplaint");
        complete(process, TASK_CLOSE, SUPERVISOR, closing(ComplaintCategory.DELIVERY));
        assertThat(process).isEnded();
        Complaint closed = reload(opened);
        assertThat(closed.getStatus()).isEqualTo(ComplaintStatus.CLOSED);
        assertThat(closed.getSatisfaction()).isEqualTo(Satisfaction.NEUTRAL);
        assertThat(closed.getClosingCategory()).as("closed under the category it really was")
                .isEqualTo(ComplaintCategory.DELIVERY);
        assertThat(closed.getCategory()).isEqualTo(ComplaintCategory.CONTRACT);
    }

    @Test
    void dissatisfiedCustomerReopensTheComplaintAndTheManagerReassignsIt() {
        Complaint opened = open(newCustomer(CustomerTier.B), ComplaintCategory.TECHNICAL, Severity.MINOR, null);
        ProcessInstance process = processOf(opened);
        complete(process, TASK_ASSESS_VALIDITY, OWNER, validAssessment("warehouse"));
        resolveAndAccept(process, WAREHOUSE);
        Instant beforeReopening = calendar.now();

        complete(process, TASK_RETURN_VISIT, OWNER, Map.of(SATISFACTION, Satisfaction.DISSATISFIED.name(),
                "visitRemarks", "问题再次出现,客户不满意"));
        Instant afterReopening = calendar.now();

        assertThat(process).hasPassed("Task_ReopenComplaint").isWaitingAtExactly(TASK_REVIEW_REOPENED);
        assertThat(task(process, TASK_REVIEW_REOPENED)).hasCandidateGroup("managers");
        Complaint reopened = reload(opened);
        assertThat(reopened.getStatus()).isEqualTo(ComplaintStatus.REOPENED);
        assertThat(reopened.getReopenCount()).isEqualTo(1);
        assertThat(reopened.getSatisfaction()).isEqualTo(Satisfaction.DISSATISFIED);
        assertThat(reopened.getResolvedAt()).isNull();
        assertThat(reopened.getCustomerAccepted()).isNull();
        // a fresh resolution deadline: the complaint's 40 resolution hours (table rule 6) from the moment it reopened
        assertThat(reopened.getResolutionDue()).isBetween(
                calendar.addWorkingTime(beforeReopening, Duration.ofHours(40)).truncatedTo(ChronoUnit.SECONDS),
                calendar.addWorkingTime(afterReopening, Duration.ofHours(40)));

        complete(process, TASK_REVIEW_REOPENED, MANAGER,
                Map.of("managerInstruction", "改由技术部彻查", "department", "tech"));

        assertThat(process).isWaitingAtExactly(RESOLUTION, TASK_INVESTIGATE);
        Task investigate = task(process, TASK_INVESTIGATE);
        assertThat(investigate).isAssignedTo(TECH);
        assertThat(candidateGroups(investigate)).contains("dept-tech");
        assertThat(taskService.getIdentityLinksForTask(investigate.getId())).extracting(IdentityLink::getGroupId)
                .doesNotContain("dept-warehouse");
        assertSameSecond(investigate.getDueDate().toInstant(), reopened.getResolutionDue());
        assertSameSecond(timer(process, TIMER_RESOLUTION_DEADLINE).getDuedate().toInstant(),
                reopened.getResolutionDue());
        Complaint reassigned = reload(opened);
        assertThat(reassigned.getStatus()).isEqualTo(ComplaintStatus.INVESTIGATING);
        assertThat(reassigned.getDepartment()).isEqualTo("tech");
        assertThat(reassigned.getNotes()).extracting(CaseNote::getKind, CaseNote::getAuthor)
                .contains(tuple("MANAGER_INSTRUCTION", MANAGER));

        resolveAndAccept(process, TECH);
        complete(process, TASK_RETURN_VISIT, OWNER, returnVisit(Satisfaction.SATISFIED));
        complete(process, TASK_CLOSE, SUPERVISOR, closing(ComplaintCategory.TECHNICAL));

        assertThat(process).isEnded();
        assertThat(historicActivityCount(process, TASK_INVESTIGATE)).isEqualTo(2);
        assertThat(historicActivityCount(process, TASK_RETURN_VISIT)).isEqualTo(2);
        Complaint closed = reload(opened);
        assertThat(closed.getStatus()).isEqualTo(ComplaintStatus.CLOSED);
        assertThat(closed.getReopenCount()).isEqualTo(1);
        assertThat(closed.getSatisfaction()).isEqualTo(Satisfaction.SATISFIED);
        assertThat(closed.getDepartment()).isEqualTo("tech");
    }

    @Test
    void anUnsatisfiedCustomerReopensTheComplaintAndBothRoundsAreKept() {
        Complaint opened = open(newCustomer(CustomerTier.B), ComplaintCategory.TECHNICAL, Severity.MINOR, null);
        ProcessInstance process = processOf(opened);
        complete(process, TASK_ASSESS_VALIDITY, OWNER, validAssessment("warehouse"));
        // round 1: the warehouse finds a missing part, the leader adopts option 1, the customer is not satisfied
        complete(process, TASK_INVESTIGATE, WAREHOUSE, Map.of("findings", "仓库漏发配件", "responsiblePerson", "仓储一组"));
        complete(process, TASK_PROPOSE_SOLUTIONS, WAREHOUSE, Map.of("solutionOption1", "补发配件",
                "solutionOption2", "退货退款"));
        complete(process, TASK_SELECT_SOLUTION, SUPERVISOR, Map.of(SOLUTION_DECISION, "OPTION_1",
                "leaderInstruction", "首轮批示:同意补发"));
        complete(process, TASK_IMPLEMENT_SOLUTION, WAREHOUSE, Map.of("implementationNotes", "首轮实施:配件已补发"));
        complete(process, TASK_CONFIRM_WITH_CUSTOMER, OWNER, Map.of(CUSTOMER_ACCEPTED, true,
                "acceptanceMethod", "SIGNATURE", "acceptanceReference", "签字单 QZ-0007"));
        complete(process, TASK_RETURN_VISIT, OWNER, Map.of(SATISFACTION, Satisfaction.DISSATISFIED.name(),
                "visitRemarks", "配件装上后仍然故障"));

        Complaint reopened = reload(opened);
        assertThat(reopened.getRounds()).extracting(r -> r.getNumber()).containsExactly(1, 2);
        assertThat(reopened.currentRound().getFindings()).as("the new round starts empty").isNull();
        assertThat(reopened.currentRound().getChosenOption()).isNull();

        // round 2: the manager hands it to the technical department, which finds the real cause
        complete(process, TASK_REVIEW_REOPENED, MANAGER, Map.of("managerInstruction", "改由技术部彻查",
                "department", "tech"));
        complete(process, TASK_INVESTIGATE, TECH, Map.of("findings", "固件版本缺陷", "responsiblePerson", "研发三组"));
        complete(process, TASK_PROPOSE_SOLUTIONS, TECH, Map.of("solutionOption1", "远程升级固件",
                "solutionOption2", "上门更换整机"));

        // the supervisor approves round 2's options with nothing of round 1's solution beside them
        String approvalCard = caseCard(task(process, TASK_SELECT_SOLUTION));
        assertThat(approvalCard).contains("远程升级固件", "上门更换整机", "固件版本缺陷", "改由技术部彻查", "第1轮(已结束)",
                        "仓储部处理,采用方案一,回访不满意")
                .doesNotContain("首轮实施:配件已补发", "首轮批示:同意补发", "仓库漏发配件", "补发配件", "配件装上后仍然故障");

        complete(process, TASK_SELECT_SOLUTION, SUPERVISOR, Map.of(SOLUTION_DECISION, "OPTION_2",
                "leaderInstruction", "二轮批示:同意换机"));
        complete(process, TASK_IMPLEMENT_SOLUTION, TECH, Map.of("implementationNotes", "二轮实施:整机已更换"));
        complete(process, TASK_CONFIRM_WITH_CUSTOMER, OWNER, Map.of(CUSTOMER_ACCEPTED, true,
                "acceptanceMethod", "PHONE_RECORDING"));
        complete(process, TASK_RETURN_VISIT, OWNER, returnVisit(Satisfaction.SATISFIED));
        complete(process, TASK_CLOSE, SUPERVISOR, closing(ComplaintCategory.TECHNICAL));
        assertThat(process).isEnded();

        Complaint closed = reload(opened);
        assertThat(closed.getRounds()).hasSize(2);
        ComplaintRound first = closed.getRounds().get(0);
        ComplaintRound second = closed.getRounds().get(1);
        assertThat(closed.currentRound()).isSameAs(second);
        assertThat(first.getDepartment()).isEqualTo("warehouse");
        assertThat(first.getCauseType()).isEqualTo("PRODUCT");
        assertThat(first.getFindings()).isEqualTo("仓库漏发配件");
        assertThat(first.getInvestigatedBy()).isEqualTo(WAREHOUSE);
        assertThat(first.optionText(1)).isEqualTo("补发配件");
        assertThat(first.getChosenOption()).isEqualTo(1);
        assertThat(first.getDecisionInstruction()).isEqualTo("首轮批示:同意补发");
        assertThat(first.getDecidedBy()).isEqualTo(SUPERVISOR);
        assertThat(first.getImplementationNotes()).isEqualTo("首轮实施:配件已补发");
        assertThat(first.getImplementedBy()).isEqualTo(WAREHOUSE);
        assertThat(first.getCustomerAccepted()).isTrue();
        assertThat(first.getAcceptanceMethod()).isEqualTo("SIGNATURE");
        assertThat(first.getConfirmedBy()).isEqualTo(OWNER);
        assertThat(first.getSatisfaction()).isEqualTo(Satisfaction.DISSATISFIED);
        assertThat(first.getVisitRemarks()).isEqualTo("配件装上后仍然故障");
        assertThat(first.getVisitedBy()).isEqualTo(OWNER);
        assertThat(first.getVisitedAt()).isNotNull();
        assertThat(second.getOpenedAt()).isAfterOrEqualTo(first.getVisitedAt());
        assertThat(second.getDepartment()).isEqualTo("tech");
        assertThat(second.getFindings()).isEqualTo("固件版本缺陷");
        assertThat(second.getInvestigatedBy()).isEqualTo(TECH);
        assertThat(second.optionText(2)).isEqualTo("上门更换整机");
        assertThat(second.getChosenOption()).isEqualTo(2);
        assertThat(second.getDecisionInstruction()).isEqualTo("二轮批示:同意换机");
        assertThat(second.getImplementationNotes()).isEqualTo("二轮实施:整机已更换");
        assertThat(second.getAcceptanceMethod()).isEqualTo("PHONE_RECORDING");
        assertThat(second.getSatisfaction()).isEqualTo(Satisfaction.SATISFIED);
        assertThat(second.getVisitedAt()).isAfterOrEqualTo(second.getConfirmedAt());
        assertThat(closed.getSatisfaction()).as("the case's latest answer").isEqualTo(Satisfaction.SATISFIED);
        assertThat(closed.getReopenCount()).isEqualTo(1);
    }

    @Test
    void repeatComplaintGivesTheDepartmentARootCauseTask() {
        Customer customer = newCustomer(CustomerTier.B);
        Complaint first = open(customer, ComplaintCategory.SALES_PROMISE, Severity.MINOR, null);
        Complaint otherCategory = open(customer, ComplaintCategory.BILLING, Severity.MINOR, null);
        Complaint second = open(customer, ComplaintCategory.SALES_PROMISE, Severity.MINOR, null);

        assertThat(reload(first).isRepeatComplaint()).isFalse();
        assertThat(reload(otherCategory).isRepeatComplaint()).as("another category is no repeat").isFalse();
        Complaint repeat = reload(second);
        assertThat(repeat.isRepeatComplaint()).isTrue();
        assertThat(repeat.getRepeatReason()).contains("第 2 次");
        ProcessInstance process = processOf(second);
        assertThat(runtimeService.getVariable(process.getId(), REPEAT_COMPLAINT)).isEqualTo(true);

        complete(process, TASK_ASSESS_VALIDITY, OWNER, validAssessment("tech"));

        assertThat(process).isWaitingAtExactly(RESOLUTION, TASK_ANALYSE_ROOT_CAUSE, TASK_INVESTIGATE);
        assertThat(task(process, TASK_ANALYSE_ROOT_CAUSE)).isAssignedTo(TECH);
        assertThat(candidateGroups(task(process, TASK_ANALYSE_ROOT_CAUSE))).contains("dept-tech");
        complete(process, TASK_ANALYSE_ROOT_CAUSE, TECH,
                Map.of("rootCause", "销售话术未经审核", "preventiveMeasures", "统一话术并培训"));

        assertThat(process).hasPassed("End_RootCauseAnalysed").isWaitingAtExactly(RESOLUTION, TASK_INVESTIGATE);
        Complaint analysed = reload(second);
        assertThat(analysed.getRootCause()).isEqualTo("销售话术未经审核");
        assertThat(analysed.getPreventiveMeasures()).isEqualTo("统一话术并培训");

        // the first complaint of the customer takes the ordinary way
        ProcessInstance firstProcess = processOf(first);
        complete(firstProcess, TASK_ASSESS_VALIDITY, OWNER, validAssessment("tech"));
        assertThat(firstProcess).isWaitingAtExactly(RESOLUTION, TASK_INVESTIGATE);
    }

    @Test
    void repeatComplaintJudgedInvalidNeedsNoRootCause() {
        Customer customer = newCustomer(CustomerTier.C);
        open(customer, ComplaintCategory.OTHER, Severity.MINOR, null);
        Complaint repeat = open(customer, ComplaintCategory.OTHER, Severity.MINOR, null);
        ProcessInstance process = processOf(repeat);
        assertThat(reload(repeat).isRepeatComplaint()).isTrue();

        complete(process, TASK_ASSESS_VALIDITY, OWNER, Map.of(COMPLAINT_VALID, false, "validityReason", "重复来电,已答复",
                "invalidReply", "已再次解释"));

        assertThat(process).hasNotPassed(TASK_ANALYSE_ROOT_CAUSE).hasPassed(END_REJECTED).isEnded();
    }

    @Test
    void responseDeadlineBreachEscalatesToSupervisors() {
        Complaint opened = open(newCustomer(CustomerTier.B), ComplaintCategory.DELIVERY, Severity.MINOR, null);
        ProcessInstance process = processOf(opened);
        Job timer = timer(process, TIMER_RESPONSE_DEADLINE);
        Instant responseDue = reload(opened).getResponseDue();
        assertSameSecond(timer.getDuedate().toInstant(), responseDue);

        managementService.executeJob(timer.getId());

        assertThat(process).hasPassed("Task_RecordResponseBreach")
                .isWaitingAtExactly(TASK_ASSESS_VALIDITY, TASK_SUPERVISE_RESPONSE_BREACH);
        Task supervise = task(process, TASK_SUPERVISE_RESPONSE_BREACH);
        assertThat(supervise).hasCandidateGroup("supervisors").isNotAssigned();
        // the case's priority (the card says the same), and due within the escalation hours
        assertThat(supervise.getPriority()).isEqualTo(
                io.kefu.task.CasePriority.of(reload(opened).getPriority()).orElseThrow().taskPriority());
        assertThat(supervise.getDueDate()).isNotNull();
        assertThat(task(process, TASK_ASSESS_VALIDITY)).as("the owner keeps the case").isAssignedTo(OWNER);
        Complaint breached = reload(opened);
        assertThat(breached.getBreaches()).singleElement().satisfies(breach -> {
            assertThat(breach.getType()).isEqualTo(BreachType.RESPONSE);
            assertSameSecond(breach.getDeadline(), responseDue);
            assertThat(breach.getDetectedAt()).isNotNull();
        });
        assertThat(breached.getStatus()).isEqualTo(ComplaintStatus.REGISTERED);
        assertThat(timer(process, TIMER_RESPONSE_DEADLINE)).as("the deadline fires once").isNull();

        complete(process, TASK_SUPERVISE_RESPONSE_BREACH, SUPERVISOR, Map.of("escalationNote", "请立即联系客户"));

        assertThat(process).hasPassed("End_ResponseBreachSupervised").isWaitingAtExactly(TASK_ASSESS_VALIDITY);
        assertThat(reload(opened).getNotes()).extracting(CaseNote::getKind, CaseNote::getAuthor, CaseNote::getText)
                .containsExactly(tuple("RESPONSE_BREACH_SUPERVISED", SUPERVISOR,
                        "请立即联系客户"));
        complete(process, TASK_ASSESS_VALIDITY, OWNER, validAssessment("tech"));
        assertThat(process).isWaitingAtExactly(RESOLUTION, TASK_INVESTIGATE);
    }

    @Test
    void resolutionDeadlineBreachEscalatesToManagers() {
        Complaint opened = open(newCustomer(CustomerTier.A), ComplaintCategory.TECHNICAL, Severity.MINOR, null);
        ProcessInstance process = processOf(opened);
        complete(process, TASK_ASSESS_VALIDITY, OWNER, validAssessment("tech"));
        complete(process, TASK_INVESTIGATE, TECH, investigation());
        Job timer = timer(process, TIMER_RESOLUTION_DEADLINE);
        Instant resolutionDue = reload(opened).getResolutionDue();
        assertSameSecond(timer.getDuedate().toInstant(), resolutionDue);

        managementService.executeJob(timer.getId());

        assertThat(process).hasPassed("Task_RecordResolutionBreach")
                .isWaitingAtExactly(RESOLUTION, TASK_PROPOSE_SOLUTIONS, TASK_SUPERVISE_RESOLUTION_BREACH);
        assertThat(task(process, TASK_SUPERVISE_RESOLUTION_BREACH)).hasCandidateGroup("managers").isNotAssigned();
        assertThat(task(process, TASK_PROPOSE_SOLUTIONS)).isAssignedTo(TECH);
        assertThat(candidateGroups(task(process, TASK_PROPOSE_SOLUTIONS))).contains("dept-tech");
        assertThat(reload(opened).getBreaches()).singleElement().satisfies(breach -> {
            assertThat(breach.getType()).isEqualTo(BreachType.RESOLUTION);
            assertSameSecond(breach.getDeadline(), resolutionDue);
        });

        complete(process, TASK_SUPERVISE_RESOLUTION_BREACH, MANAGER, Map.of("escalationNote", "技术部今日内给出方案"));

        assertThat(process).hasPassed("End_ResolutionBreachSupervised").isWaitingAtExactly(RESOLUTION, TASK_PROPOSE_SOLUTIONS);
        assertThat(reload(opened).getNotes()).extracting(CaseNote::getKind, CaseNote::getAuthor)
                .containsExactly(tuple("RESOLUTION_BREACH_SUPERVISED", MANAGER));
        // late, but the case still goes on to its end
        complete(process, TASK_PROPOSE_SOLUTIONS, TECH, proposals());
        complete(process, TASK_SELECT_SOLUTION, SUPERVISOR, leaderDecision("OPTION_1"));
        complete(process, TASK_IMPLEMENT_SOLUTION, TECH, implementation());
        complete(process, TASK_CONFIRM_WITH_CUSTOMER, OWNER, customerAccepts());
        assertThat(process).isWaitingAtExactly(TASK_RETURN_VISIT);
    }

    @Test
    void overdueReturnVisitEscalatesToSupervisors() {
        Complaint opened = open(newCustomer(CustomerTier.C), ComplaintCategory.PRODUCT_QUALITY, Severity.MINOR, null);
        ProcessInstance process = processOf(opened);
        complete(process, TASK_ASSESS_VALIDITY, OWNER, validAssessment("tech"));
        resolveAndAccept(process, TECH);
        Job timer = timer(process, TIMER_RETURN_VISIT_DEADLINE);
        Instant visitDue = reload(opened).getReturnVisitDue();
        assertSameSecond(timer.getDuedate().toInstant(), visitDue);

        managementService.executeJob(timer.getId());

        assertThat(process).hasPassed("Task_RecordVisitBreach")
                .isWaitingAtExactly(TASK_RETURN_VISIT, TASK_SUPERVISE_OVERDUE_VISIT);
        assertThat(task(process, TASK_SUPERVISE_OVERDUE_VISIT)).hasCandidateGroup("supervisors").isNotAssigned();
        assertThat(task(process, TASK_RETURN_VISIT)).isAssignedTo(OWNER);
        assertThat(reload(opened).getBreaches()).singleElement().satisfies(breach -> {
            assertThat(breach.getType()).isEqualTo(BreachType.RETURN_VISIT);
            assertSameSecond(breach.getDeadline(), visitDue);
        });

        complete(process, TASK_SUPERVISE_OVERDUE_VISIT, SUPERVISOR, Map.of("escalationNote", "今日内完成回访"));
        complete(process, TASK_RETURN_VISIT, OWNER, returnVisit(Satisfaction.SATISFIED));
        complete(process, TASK_CLOSE, SUPERVISOR, closing(ComplaintCategory.PRODUCT_QUALITY));

        assertThat(process).hasPassed("End_VisitBreachSupervised", END_CLOSED).isEnded();
        Complaint closed = reload(opened);
        assertThat(closed.getStatus()).isEqualTo(ComplaintStatus.CLOSED);
        assertThat(closed.getBreaches()).extracting(Breach::getType).containsExactly(BreachType.RETURN_VISIT);
        assertThat(closed.getNotes()).extracting(CaseNote::getKind)
                .containsExactly("LEADER_INSTRUCTION", "VISIT_BREACH_SUPERVISED", "IMPROVEMENT");
    }

    @Test
    void theComplainedEmployeeNeverReceivesATask() {
        assertThat(identityService.createUserQuery().memberOfGroup("dept-sales").list()).extracting(User::getId)
                .as("test setup: %s is the only member of dept-sales", SALES).containsExactly(SALES);
        Complaint opened = open(newCustomer(CustomerTier.B), ComplaintCategory.SERVICE_ATTITUDE, Severity.MINOR, SALES);
        ProcessInstance process = processOf(opened);
        assertThat(runtimeService.getVariable(process.getId(), RECUSED_USER)).isEqualTo(SALES);

        // the agent is told at intake that 销售部 would be left without anyone to work the case
        assertThat(recusalNotes(opened)).singleElement().asString().contains("销售部", "唯一", "主管");
        assertNotOfferedTo(task(process, TASK_ASSESS_VALIDITY), SALES);
        complete(process, TASK_ASSESS_VALIDITY, OWNER, validAssessment("sales"));
        // and the case says why its department steps are with the supervisors once it is referred there
        assertThat(recusalNotes(opened)).hasSize(2).last().asString().contains("本案转交销售部", "主管承办");

        // the department is the complained employee alone: its task goes to the supervisors instead
        Task investigate = task(process, TASK_INVESTIGATE);
        assertNotOfferedTo(investigate, SALES);
        assertThat(candidateGroups(investigate)).isEmpty();
        assertThat(candidateUsers(investigate)).containsExactlyInAnyOrderElementsOf(members("supervisors"));
        assertThat(catchThrowable(() -> taskService.claim(investigate.getId(), SALES)))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("回避");
        assertThat(task(process, TASK_INVESTIGATE).getAssignee()).isNull();
        assertThat(catchThrowable(() -> taskService.setAssignee(investigate.getId(), SALES)))
                .isInstanceOf(ProcessEngineException.class);
        complete(process, TASK_INVESTIGATE, SUPERVISOR, investigation());

        Task propose = task(process, TASK_PROPOSE_SOLUTIONS);
        assertNotOfferedTo(propose, SALES);
        assertThat(candidateGroups(propose)).isEmpty();
        assertThat(candidateUsers(propose)).containsExactlyInAnyOrderElementsOf(members("supervisors"));
        complete(process, TASK_PROPOSE_SOLUTIONS, SUPERVISOR, proposals());

        // other groups' members stay candidates, one by one
        Task select = task(process, TASK_SELECT_SOLUTION);
        assertNotOfferedTo(select, SALES);
        assertThat(candidateGroups(select)).isEmpty();
        assertThat(candidateUsers(select)).contains(SUPERVISOR)
                .containsExactlyInAnyOrderElementsOf(members("supervisors"));
        complete(process, TASK_SELECT_SOLUTION, SUPERVISOR, leaderDecision("OPTION_1"));

        Task implement = task(process, TASK_IMPLEMENT_SOLUTION);
        assertNotOfferedTo(implement, SALES);
        assertThat(candidateGroups(implement)).isEmpty();
        assertThat(candidateUsers(implement)).containsExactlyInAnyOrderElementsOf(members("supervisors"));
        complete(process, TASK_IMPLEMENT_SOLUTION, SUPERVISOR, implementation());

        assertNotOfferedTo(task(process, TASK_CONFIRM_WITH_CUSTOMER), SALES);
        complete(process, TASK_CONFIRM_WITH_CUSTOMER, OWNER, customerAccepts());
        assertNotOfferedTo(task(process, TASK_RETURN_VISIT), SALES);
        complete(process, TASK_RETURN_VISIT, OWNER, returnVisit(Satisfaction.SATISFIED));
        assertNotOfferedTo(task(process, TASK_CLOSE), SALES);
        complete(process, TASK_CLOSE, SUPERVISOR, closing(ComplaintCategory.SERVICE_ATTITUDE));

        assertThat(process).isEnded();
        assertThat(processEngine.getHistoryService().createHistoricTaskInstanceQuery()
                .processInstanceId(process.getId()).taskAssignee(SALES).count()).isZero();
        assertThat(reload(opened).getStatus()).isEqualTo(ComplaintStatus.CLOSED);
    }

    @Test
    void theDepartmentsStepGoesToItsLeastLoadedMemberAndNeverToTheOneComplainedAbout() {
        ensureUser("finbusy", "dept-finance");
        ensureUser("finfree", "dept-finance");
        // every other member of 财务部 gets more open work than fin-free has
        long freeLoad = openTasksOf("finfree");
        List<String> workload = new java.util.ArrayList<>();
        for (String member : members("dept-finance")) {
            for (long i = openTasksOf(member); !member.equals("finfree") && i <= freeLoad + 1; i++) {
                Task chore = taskService.newTask();
                chore.setName("测试用的待办");
                chore.setAssignee(member);
                taskService.saveTask(chore);
                workload.add(chore.getId());
            }
        }
        try {
            Complaint opened = open(newCustomer(CustomerTier.B), ComplaintCategory.BILLING, Severity.MINOR, null);
            ProcessInstance process = processOf(opened);
            complete(process, TASK_ASSESS_VALIDITY, OWNER, validAssessment("finance"));
            Task handled = task(process, TASK_INVESTIGATE);
            assertThat(handled).as("the least-loaded member of 财务部").isAssignedTo("finfree");
            assertThat(candidateGroups(handled)).as("the department is the fallback").contains("dept-finance");

            // the employee complained about is never the handler, however idle: the next least-loaded member is
            Complaint aboutFree = open(newCustomer(CustomerTier.B), ComplaintCategory.BILLING, Severity.MINOR,
                    "finfree");
            ProcessInstance recused = processOf(aboutFree);
            String nextLeastLoaded = members("dept-finance").stream().filter(m -> !m.equals("finfree"))
                    .min(java.util.Comparator.comparingLong(this::openTasksOf).thenComparing(m -> m))
                    .orElseThrow();
            complete(recused, TASK_ASSESS_VALIDITY, OWNER, validAssessment("finance"));
            Task investigate = task(recused, TASK_INVESTIGATE);
            assertNotOfferedTo(investigate, "finfree");
            assertThat(investigate.getAssignee()).isEqualTo(nextLeastLoaded);
        } finally {
            workload.forEach(id -> taskService.deleteTask(id, true));
        }
    }

    List<String> recusalNotes(Complaint complaint) {
        return reload(complaint).getNotes().stream().filter(n -> "RECUSAL_ROUTING".equals(n.getKind()))
                .map(CaseNote::getText).toList();
    }

    long openTasksOf(String user) {
        return taskService.createTaskQuery().taskAssignee(user).count();
    }

    @Test
    void variablesWrittenBehindKefusBackNeitherRedirectTheCaseNorLiftTheRecusal() {
        Complaint attacked = open(newCustomer(CustomerTier.B), ComplaintCategory.SERVICE_ATTITUDE, Severity.MINOR, SALES);
        Complaint other = open(newCustomer(CustomerTier.B), ComplaintCategory.DELIVERY, Severity.MINOR, null);
        ProcessInstance process = processOf(attacked);
        // what someone who found a route to write variables would do: point the case at another complaint, take
        // over the owner's tasks and lift the recusal of the employee complained about
        runtimeService.setVariable(process.getId(), COMPLAINT_ID, other.getId());
        runtimeService.setVariable(process.getId(), OWNER_ID, SALES);
        runtimeService.setVariable(process.getId(), RECUSED_USER, "nobody");

        complete(process, TASK_ASSESS_VALIDITY, OWNER, validAssessment("sales"));

        assertThat(reload(attacked).getValid()).isTrue();
        assertThat(reload(attacked).getDepartment()).isEqualTo("sales");
        Complaint untouched = reload(other);
        assertThat(untouched.getValid()).isNull();
        assertThat(untouched.getStatus()).isEqualTo(ComplaintStatus.REGISTERED);
        Task investigate = task(process, TASK_INVESTIGATE);
        assertNotOfferedTo(investigate, SALES);
        assertThat(candidateUsers(investigate)).containsExactlyInAnyOrderElementsOf(members("supervisors"));
        assertThat(catchThrowable(() -> taskService.claim(investigate.getId(), SALES)))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("回避");

        // the department the complaint went to is the record's, whatever the variable says
        runtimeService.setVariable(process.getId(), DEPARTMENT_GROUP, "dept-tech");
        complete(process, TASK_INVESTIGATE, SUPERVISOR, investigation());
        Task propose = task(process, TASK_PROPOSE_SOLUTIONS);
        assertNotOfferedTo(propose, SALES);
        assertThat(candidateGroups(propose)).doesNotContain("dept-tech");
        assertThat(candidateUsers(propose)).containsExactlyInAnyOrderElementsOf(members("supervisors"));
        complete(process, TASK_PROPOSE_SOLUTIONS, SUPERVISOR, proposals());
        complete(process, TASK_SELECT_SOLUTION, SUPERVISOR, leaderDecision("OPTION_1"));
        complete(process, TASK_IMPLEMENT_SOLUTION, SUPERVISOR, implementation());

        // the owner's next task goes to the owner on record
        assertThat(task(process, TASK_CONFIRM_WITH_CUSTOMER)).isAssignedTo(OWNER);
        assertThat(reload(attacked).getStatus()).isEqualTo(ComplaintStatus.AWAITING_CUSTOMER);
        assertThat(reload(other).currentRound().getFindings()).isNull();
        assertThat(reload(other).getStatus()).isEqualTo(ComplaintStatus.REGISTERED);
    }

    @Test
    void aStartThatNamesAComplaintOfAnotherCaseIsRefused() {
        Complaint bound = open(newCustomer(CustomerTier.C), ComplaintCategory.DELIVERY, Severity.MINOR, null);
        long before = runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY).count();

        Throwable refused = catchThrowable(() -> runtimeService.startProcessInstanceByKey(KEY,
                Map.of(COMPLAINT_ID, bound.getId(), INITIATOR, OWNER)));

        assertThat(refused).isNotNull();
        assertThat(Stream.iterate(refused, t -> t != null, Throwable::getCause))
                .anySatisfy(cause -> assertThat(cause).isInstanceOf(ConflictException.class));
        assertThat(reload(bound).getProcessInstanceId()).isEqualTo(processOf(bound).getId());
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY).count()).isEqualTo(before);
    }

    @Test
    void theComplainedEmployeeMayNotRegisterTheComplaintAboutThemselves() {
        Customer customer = newCustomer(CustomerTier.C);
        long before = complaintCount();

        Throwable refused = catchThrowable(() -> complaints.openCase(intake(customer, ComplaintCategory.SERVICE_ATTITUDE,
                Severity.MINOR, OWNER), OWNER));

        assertThat(refused).isInstanceOf(InvalidInputException.class);
        assertThat(((InvalidInputException) refused).fieldErrors()).containsKey("complainedEmployee");
        assertThat(complaintCount()).isEqualTo(before);
    }

    @Test
    void aFormWithoutARequiredFieldIsRefusedAndChangesNothing() {
        Complaint opened = open(newCustomer(CustomerTier.B), ComplaintCategory.DELIVERY, Severity.MINOR, null);
        ProcessInstance process = processOf(opened);
        Task assess = task(process, TASK_ASSESS_VALIDITY);

        Throwable refused = catchThrowable(() -> taskService.complete(assess.getId(),
                Map.of(COMPLAINT_VALID, true, "validityReason", "投诉属实")));

        InvalidInputException invalid = invalidInputIn(refused);
        assertThat(invalid.fieldErrors()).containsOnlyKeys("department");
        assertThat(task(process, TASK_ASSESS_VALIDITY).getId()).as("the task is still open").isEqualTo(assess.getId());
        assertThat(process).isWaitingAtExactly(TASK_ASSESS_VALIDITY);
        Complaint unchanged = reload(opened);
        assertThat(unchanged.getStatus()).isEqualTo(ComplaintStatus.REGISTERED);
        assertThat(unchanged.getValid()).isNull();
        assertThat(unchanged.getValidityReason()).isNull();
        assertThat(unchanged.getRespondedAt()).isNull();
        assertThat(runtimeService.getVariables(process.getId())).doesNotContainKeys(COMPLAINT_VALID,
                "validityReason", DEPARTMENT_GROUP);

        // an unknown department is refused as well; a complete form then goes through
        assertThat(invalidInputIn(catchThrowable(() -> taskService.complete(assess.getId(),
                Map.of(COMPLAINT_VALID, true, "validityReason", "投诉属实", "department", "marketing"))))
                .fieldErrors()).containsOnlyKeys("department");
        assertThat(invalidInputIn(catchThrowable(() -> taskService.complete(assess.getId(),
                Map.of("validityReason", "投诉属实", "department", "tech")))).fieldErrors())
                .containsOnlyKeys(COMPLAINT_VALID);
        complete(process, TASK_ASSESS_VALIDITY, OWNER, validAssessment("tech"));
        assertThat(process).isWaitingAtExactly(RESOLUTION, TASK_INVESTIGATE);
        assertThat(reload(opened).getStatus()).isEqualTo(ComplaintStatus.INVESTIGATING);
    }

    @Test
    void complaintTakenThroughTheTasklistStartFormIsRegisteredByTheProcess() {
        Customer customer = newCustomer(CustomerTier.A);
        Map<String, Object> form = new HashMap<>();
        form.put(INITIATOR, OWNER);
        form.put("customerCode", customer.getCode());
        form.put("complainantName", "李四");
        form.put("complainantPhone", "13912345678");
        form.put("channel", "HOTLINE");
        form.put("category", "BILLING");
        form.put("severity", "MINOR");
        form.put("description", "本月账单重复扣费");
        form.put("customerRequest", "退还重复扣除的费用");

        ProcessInstance started = runtimeService.startProcessInstanceByKey(KEY, form);

        ProcessInstance process = runtimeService.createProcessInstanceQuery().processInstanceId(started.getId())
                .singleResult();
        assertThat(process).isWaitingAtExactly(TASK_ASSESS_VALIDITY);
        Map<String, Object> variables = runtimeService.getVariables(process.getId());
        assertThat(variables).doesNotContainKeys("complainantName", "complainantPhone", "channel",
                "description", "customerRequest", "complainedEmployee");
        // the customer's code stays as the case card's (not personal: Tasklist finds the case by it)
        assertThat(variables).containsEntry("customerCode", form.get("customerCode"));
        long complaintId = ((Number) variables.get(COMPLAINT_ID)).longValue();
        Complaint registered = reload(complaintId);
        assertThat(process.getBusinessKey()).isNotNull().isEqualTo(registered.getCaseNo());
        assertThat(registered.getProcessInstanceId()).isEqualTo(process.getId());
        assertThat(registered.getOwnerId()).isEqualTo(OWNER);
        assertThat(customers.find(registered.getCustomerId()).code()).isEqualTo(customer.getCode());
        assertThat(registered.getComplainantName()).isEqualTo("李四");
        assertThat(registered.getComplainantPhone()).isEqualTo("13912345678");
        assertThat(registered.getChannel()).isEqualTo(Channel.HOTLINE);
        assertThat(registered.getCategory()).isEqualTo(ComplaintCategory.BILLING);
        assertThat(registered.getSeverity()).isEqualTo(Severity.MINOR);
        assertThat(registered.getDescription()).isEqualTo("本月账单重复扣费");
        assertThat(registered.getCustomerRequest()).isEqualTo("退还重复扣除的费用");
        assertThat(registered.getStatus()).isEqualTo(ComplaintStatus.REGISTERED);
        // what the table and the recusal listener read comes from the record: an A customer's minor complaint is P2
        assertThat(variables).containsEntry(OWNER_ID, OWNER).containsEntry(CATEGORY, "BILLING")
                .containsEntry(SEVERITY, "MINOR").containsEntry(CUSTOMER_TIER, "A");
        assertThat(registered.getPriority()).isEqualTo("P2");
        assertThat(task(process, TASK_ASSESS_VALIDITY)).isAssignedTo(OWNER);
    }

    @Test
    void startFormWithAnUnknownCustomerStartsNothing() {
        long complaintsBefore = complaintCount();
        long processesBefore = runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY).count();
        Map<String, Object> form = new HashMap<>();
        form.put(INITIATOR, OWNER);
        form.put("customerCode", "C99999999");
        form.put("complainantName", "王五");
        form.put("complainantPhone", "13912345678");
        form.put("channel", "HOTLINE");
        form.put("category", "BILLING");
        form.put("severity", "MINOR");
        form.put("description", "账单有误");

        InvalidInputException invalid = invalidInputIn(
                catchThrowable(() -> runtimeService.startProcessInstanceByKey(KEY, form)));

        assertThat(invalid.fieldErrors()).containsOnlyKeys("customerCode");
        assertThat(complaintCount()).isEqualTo(complaintsBefore);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY).count())
                .isEqualTo(processesBefore);
    }

    @Test
    void theCaseCardShowsTheComplainantMaskedOnEveryTaskAndSaysWhereTheFullContactIsRead() {
        Complaint opened = open(newCustomer(CustomerTier.B), ComplaintCategory.PRODUCT_QUALITY, Severity.MINOR, null);
        ProcessInstance process = processOf(opened);

        String ownersCard = caseCard(task(process, TASK_ASSESS_VALIDITY));
        assertThat(ownersCard).contains(opened.getCaseNo(), "张**", "138****5678", "/api/complaints/" + opened.getId())
                .doesNotContain("张三丰", "13812345678");

        complete(process, TASK_ASSESS_VALIDITY, OWNER, validAssessment("tech"));
        String departmentsCard = caseCard(task(process, TASK_INVESTIGATE));
        assertThat(departmentsCard).contains(opened.getCaseNo(), "张**", "138****5678", "技术部")
                .doesNotContain("张三丰", "13812345678");
    }

    @Test
    void aComplaintWithTheLongestDescriptionAllowedStillGetsItsTasks() {
        Customer customer = newCustomer(CustomerTier.B);
        ComplaintIntake longest = new ComplaintIntake(customer.getCode(), "张三丰", "13812345678", Channel.EMAIL,
                ComplaintCategory.PRODUCT_QUALITY, Severity.MINOR, "很长的投诉内容。".repeat(500), "诉求".repeat(1000),
                null);

        Complaint opened = complaints.openCase(longest, OWNER);

        ProcessInstance process = processOf(opened);
        assertThat(process).isWaitingAtExactly(TASK_ASSESS_VALIDITY);
        // the card is shortened to what a String variable holds; the complaint keeps every character
        assertThat(caseCard(task(process, TASK_ASSESS_VALIDITY))).startsWith("**投诉编号** " + opened.getCaseNo())
                .hasSizeLessThanOrEqualTo(4000).endsWith("完整记录见投诉详情)");
        assertThat(reload(opened).getDescription()).hasSize(4000);
        assertThat(reload(opened).getCustomerRequest()).hasSize(2000);
    }

    // ---- helpers: people, customers, cases -------------------------------------------------------------------------

    void ensureUser(String id, String group) {
        if (identityService.createUserQuery().userId(id).count() == 0) {
            User user = identityService.newUser(id);
            user.setFirstName(id);
            user.setLastName("测试");
            user.setPassword(id); // as every test user: the HTTP tests sharing this database log in with it
            identityService.saveUser(user);
        }
        if (identityService.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
            identityService.createMembership(id, group);
        }
    }

    List<String> members(String group) {
        return identityService.createUserQuery().memberOfGroup(group).list().stream().map(User::getId).toList();
    }

    /** A customer of its own for every test: repeat detection looks at the customer's earlier complaints. */
    Customer newCustomer(CustomerTier tier) {
        return customers.register(new CustomerRequest("测试客户 " + UUID.randomUUID().toString().substring(0, 8),
                CustomerType.FRANCHISEE, tier, List.of(new ContactRequest("王店长", "13800138000", "店长")), "昆明市五华区",
                "云南", 3, null, null));
    }

    ComplaintIntake intake(Customer customer, ComplaintCategory category, Severity severity, String complained) {
        return new ComplaintIntake(customer.getCode(), "张三丰", "13812345678", Channel.HOTLINE, category, severity,
                "客户反映的问题", "尽快处理", complained);
    }

    Complaint open(Customer customer, ComplaintCategory category, Severity severity, String complainedEmployee) {
        return complaints.openCase(intake(customer, category, severity, complainedEmployee), OWNER);
    }

    ProcessInstance processOf(Complaint complaint) {
        ProcessInstance process = runtimeService.createProcessInstanceQuery()
                .processInstanceId(complaint.getProcessInstanceId()).singleResult();
        assertThat(process).as("the running case of %s", complaint.getCaseNo()).isNotNull();
        return process;
    }

    /** The complaint as stored, with its breaches, notes and customer loaded. */
    Complaint reload(Complaint complaint) {
        return reload(complaint.getId());
    }

    Complaint reload(long id) {
        return transaction.execute(status -> {
            Complaint complaint = complaints.find(id);
            complaint.getBreaches();
            complaint.getNotes();
            complaint.getRounds();
            return complaint;
        });
    }

    // ---- helpers: tasks and timers ---------------------------------------------------------------------------------

    Task task(ProcessInstance process, String taskKey) {
        Task task = taskService.createTaskQuery().processInstanceId(process.getId()).taskDefinitionKey(taskKey)
                .singleResult();
        assertThat(task).as("open task %s", taskKey).isNotNull();
        return task;
    }

    /** Does a task as {@code user} would in Tasklist: claims it unless it is theirs already, then submits the form. */
    void complete(ProcessInstance process, String taskKey, String user, Map<String, Object> form) {
        Task task = task(process, taskKey);
        if (task.getAssignee() == null) {
            taskService.claim(task.getId(), user);
        } else {
            assertThat(task.getAssignee()).as("assignee of %s", taskKey).isEqualTo(user);
        }
        taskService.complete(task.getId(), form);
    }

    Job timer(ProcessInstance process, String timerId) {
        return managementService.createJobQuery().processInstanceId(process.getId()).activityId(timerId)
                .singleResult();
    }

    long historicActivityCount(ProcessInstance process, String activityId) {
        return processEngine.getHistoryService().createHistoricActivityInstanceQuery()
                .processInstanceId(process.getId()).activityId(activityId).count();
    }

    Set<String> candidateGroups(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId).collect(Collectors.toSet());
    }

    Set<String> candidateUsers(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getUserId() != null)
                .map(IdentityLink::getUserId).collect(Collectors.toSet());
    }

    /** Neither assigned to the user, nor offered to them directly or through one of their groups. */
    void assertNotOfferedTo(Task task, String user) {
        assertThat(task.getAssignee()).as("assignee of %s", task.getTaskDefinitionKey()).isNotEqualTo(user);
        assertThat(candidateUsers(task)).as("candidate users of %s", task.getTaskDefinitionKey()).doesNotContain(user);
        for (String group : candidateGroups(task)) {
            assertThat(members(group)).as("members of candidate group %s of %s", group, task.getTaskDefinitionKey())
                    .doesNotContain(user);
        }
        assertThat(taskService.createTaskQuery().taskId(task.getId()).taskCandidateUser(user).count())
                .as("%s among the tasks %s may claim", task.getTaskDefinitionKey(), user).isZero();
        List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream()
                .map(Group::getId).toList();
        for (Permission permission : List.of(Permissions.READ, Permissions.UPDATE, Permissions.TASK_WORK)) {
            assertThat(authorizationService.isUserAuthorized(user, groups, permission, Resources.TASK, task.getId()))
                    .as("%s may %s %s", user, permission.getName(), task.getTaskDefinitionKey()).isFalse();
        }
    }

    String caseCard(Task task) {
        return (String) taskService.getVariableLocal(task.getId(), CaseCardProvider.VARIABLE);
    }

    static InvalidInputException invalidInputIn(Throwable thrown) {
        assertThat(thrown).as("a refusal").isNotNull();
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidInputException invalid) {
                return invalid;
            }
        }
        throw new AssertionError("no InvalidInputException in the cause chain of " + thrown, thrown);
    }

    /** Instants that went through the database compare to the second (MySQL/MariaDB drop the fraction). */
    static void assertSameSecond(Instant actual, Instant expected) {
        assertThat(actual).isNotNull();
        assertThat(actual.truncatedTo(ChronoUnit.SECONDS)).isEqualTo(expected.truncatedTo(ChronoUnit.SECONDS));
    }

    // ---- helpers: the forms' fields --------------------------------------------------------------------------------

    static Map<String, Object> validAssessment(String department) {
        return Map.of(COMPLAINT_VALID, true, "validityReason", "质检报告确认批次存在质量问题", "department", department,
                "causeType", "PRODUCT");
    }

    static Map<String, Object> investigation() {
        return Map.of("findings", "同批次产品包装密封不良", "responsiblePerson", "生产二组");
    }

    static Map<String, Object> proposals() {
        return Map.of("solutionOption1", "退货退款", "solutionOption2", "换货并补偿优惠券", "solutionOption3", "维修");
    }

    static Map<String, Object> leaderDecision(String decision) {
        return Map.of(SOLUTION_DECISION, decision, "leaderInstruction", "同意,尽快实施");
    }

    static Map<String, Object> implementation() {
        return Map.of("implementationNotes", "已换货并发放优惠券", "penalties", "生产二组通报批评");
    }

    static Map<String, Object> customerAccepts() {
        return Map.of(CUSTOMER_ACCEPTED, true, "acceptanceMethod", "PHONE_RECORDING", "acceptanceReference", "通话录音 REC-001");
    }

    static Map<String, Object> returnVisit(Satisfaction satisfaction) {
        return Map.of(SATISFACTION, satisfaction.name(), "visitRemarks", "客户对处理结果表示认可", "improvement",
                "加强出厂检验");
    }

    static Map<String, Object> closing(ComplaintCategory category) {
        return Map.of("closingCategory", category.name(), "closingSummary", "质量问题已闭环,纳入月度统计");
    }

    /** Investigation to the customer's acceptance, for a minor complaint whose leader adopts option 1. */
    void resolveAndAccept(ProcessInstance process, String departmentMember) {
        complete(process, TASK_INVESTIGATE, departmentMember, investigation());
        complete(process, TASK_PROPOSE_SOLUTIONS, departmentMember, proposals());
        complete(process, TASK_SELECT_SOLUTION, SUPERVISOR, leaderDecision("OPTION_1"));
        complete(process, TASK_IMPLEMENT_SOLUTION, departmentMember, implementation());
        complete(process, TASK_CONFIRM_WITH_CUSTOMER, OWNER, customerAccepts());
        assertThat(process).isWaitingAtExactly(TASK_RETURN_VISIT);
    }

    private long complaintCount() {
        return jdbc.queryForObject("select count(*) from complaint", Long.class);
    }
}
