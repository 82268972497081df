package io.kefu.visit;

import io.kefu.shared.CaseNote;
import static io.kefu.visit.process.VisitProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kefu.complaint.ComplaintService;
import io.kefu.complaint.process.ComplaintProcess;
import io.kefu.contract.ContractEvents;
import io.kefu.customer.Customer;
import io.kefu.customer.CustomerService;
import io.kefu.customer.CustomerTier;
import io.kefu.customer.CustomerType;
import io.kefu.identity.KefuGroups;
import io.kefu.visit.SurveyService.CampaignRequest;
import io.kefu.visit.SurveyService.DeliveryRequest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.kefu.step.StepEntries;
import io.kefu.step.ManagersNewStep;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The visit processes, one test per path: visits planned by the planner (or an event), tasks completed with the
 * fields of their forms, timers fired through the job API; what each step did is checked on the visit record.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class VisitProcessTest {

    @Autowired StepEntries stepEntries;
    @Autowired org.camunda.bpm.engine.ProcessEngine processEngine;

    /**
     * A manager's new step that copied this process's complete listener (as copying a task in Modeler does) is not a
     * step the listener knows: it lets it pass, and what was submitted there is kept as a generic case entry.
     */
    @Test
    void aManagersNewStepWithTheCopiedCompletionListenerIsKeptAsACaseEntry() {
        ManagersNewStep.assertKeptAsEntry(processEngine, stepEntries, "visitTaskCompletion",
                "HF-NEWSTEP-1", "supervisor");
    }

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired VisitPlanner planner;
    @Autowired VisitService visits;
    @Autowired SurveyService surveys;
    @Autowired CustomerService customers;
    @Autowired ComplaintService complaints;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired HistoryService historyService;
    @Autowired IdentityService identityService;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transaction;

    @BeforeEach
    void users() {
        VisitTestData.ensureUser(identityService, "agent", KefuGroups.AGENTS);
        VisitTestData.ensureUser(identityService, "agent2", KefuGroups.AGENTS);
        VisitTestData.ensureUser(identityService, "supervisor", KefuGroups.SUPERVISORS);
        VisitTestData.ensureUser(identityService, "manager", KefuGroups.MANAGERS);
        VisitTestData.ensureUser(identityService, "leader", KefuGroups.DIVISION_LEADERS);
        VisitTestData.ensureUser(identityService, "warehouse", "dept-warehouse");
    }

    private Customer customer(CustomerType type, CustomerTier tier, int monthsAgo) {
        return VisitTestData.customer(customers, type, tier, "agent", visits.today().minusMonths(monthsAgo));
    }

    private Visit accountManagerVisit(Customer customer) {
        return planner.planFor(customers.find(customer.getId()), visits.today()).stream()
                .filter(v -> v.getVisitorRole() == VisitorRole.ACCOUNT_MANAGER).findFirst().orElseThrow();
    }

    private Task task(Visit visit, String key) {
        return taskService.createTaskQuery().processInstanceId(visit.getProcessInstanceId()).taskDefinitionKey(key)
                .singleResult();
    }

    private Job timer(Visit visit, String activityId) {
        return managementService.createJobQuery().processInstanceId(visit.getProcessInstanceId())
                .activityId(activityId).singleResult();
    }

    private static Map<String, Object> satisfied() {
        Map<String, Object> form = new HashMap<>();
        form.put(CUSTOMER_REACHED, "true");
        form.put("channel", "PHONE");
        form.put("satisfaction", "SATISFIED");
        form.put("suggestions", "希望多组织培训");
        form.put("remarks", "客户对服务满意");
        return form;
    }

    private boolean ended(Visit visit) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(visit.getProcessInstanceId()).count() == 0;
    }

    @Test
    void planningCreatesTheDueVisitsOfACustomerAndNeverTwice() {
        Customer customer = customer(CustomerType.AGENT, CustomerTier.A, 2);

        List<Visit> planned = planner.planFor(customers.find(customer.getId()), visits.today());
        List<Visit> again = planner.planFor(customers.find(customer.getId()), visits.today());

        assertThat(planned).extracting(Visit::getVisitorRole)
                .containsExactlyInAnyOrder(VisitorRole.ACCOUNT_MANAGER, VisitorRole.DEPARTMENT_MANAGER);
        Visit mine = planned.stream().filter(v -> v.getVisitorRole() == VisitorRole.ACCOUNT_MANAGER).findFirst().orElseThrow();
        assertThat(mine.getVisitorId()).isEqualTo("agent");
        assertThat(task(mine, TASK_CONDUCT_VISIT).getAssignee()).isEqualTo("agent");
        Visit managers = planned.stream().filter(v -> v.getVisitorRole() == VisitorRole.DEPARTMENT_MANAGER).findFirst().orElseThrow();
        assertThat(taskService.createTaskQuery().processInstanceId(managers.getProcessInstanceId())
                .taskCandidateGroup(KefuGroups.MANAGERS).count()).isEqualTo(1);
        assertThat(again).isEmpty();
    }

    @Test
    void theDailyPlanningTimerPlansTheVisitsOfEveryActiveCustomer() {
        Customer customer = customer(CustomerType.MEMBER, CustomerTier.C, 0);
        Job cycle = managementService.createJobQuery().activityId(TIMER_PLANNING).singleResult();
        assertThat(cycle).as("the planning cycle is a job in the database").isNotNull();

        managementService.executeJob(cycle.getId());

        assertThat(visits.search(new VisitSearch(null, customer.getCode(), null, null, null, null, null, null),
                org.springframework.data.domain.Pageable.unpaged()).getContent())
                .extracting(Visit::getVisitorRole).containsExactly(VisitorRole.ACCOUNT_MANAGER);
        assertThat(managementService.createJobQuery().activityId(TIMER_PLANNING).count())
                .as("the next run is scheduled").isEqualTo(1);
    }

    @Test
    void aCustomerWithoutSpecialistGoesToTheAgentWithFewestOpenVisits() {
        Customer customer = VisitTestData.customer(customers, CustomerType.MEMBER, CustomerTier.C, null, visits.today());
        String expected = planner.accountManagerOf(customers.find(customer.getId()));

        Visit visit = accountManagerVisit(customer);

        assertThat(visit.getVisitorId()).isEqualTo(expected).isNotNull();
    }

    @Test
    void aVisitNotDoneWithinThreeDaysIsEscalatedToTheSupervisorsOnce() {
        Visit visit = accountManagerVisit(customer(CustomerType.DEALER, CustomerTier.C, 1));

        managementService.executeJob(timer(visit, TIMER_DEADLINE).getId());

        Task supervise = task(visit, TASK_SUPERVISE_OVERDUE);
        assertThat(supervise).isNotNull();
        assertThat(taskService.createTaskQuery().taskId(supervise.getId()).taskCandidateGroup(KefuGroups.SUPERVISORS)
                .count()).isEqualTo(1);
        assertThat(visits.find(visit.getId()).isOverdue()).isTrue();
        assertThat(task(visit, TASK_CONDUCT_VISIT)).as("the visit is still to be done").isNotNull();
        taskService.complete(supervise.getId(), Map.of("escalationNote", "请今天内完成回访"));
        assertThat(visits.find(visit.getId()).getNotes()).extracting(CaseNote::getKind).contains("ESCALATED");
    }

    @Test
    void aRescheduleIntoTheRestHoursIsRefusedAndOutsideThemTheTaskComesBackAtTheNewTime() {
        Visit visit = accountManagerVisit(customer(CustomerType.DEALER, CustomerTier.B, 1));
        Task first = task(visit, TASK_CONDUCT_VISIT);
        LocalDate tomorrow = visits.today().plusDays(1);

        assertThatThrownBy(() -> taskService.complete(first.getId(), Map.of(CUSTOMER_REACHED, "false",
                APPOINTMENT_AT, tomorrow.atTime(12, 30).toString(), "rescheduleReason", "客户午休")))
                .hasMessageContaining("休息时间");
        assertThatThrownBy(() -> taskService.complete(first.getId(), Map.of(CUSTOMER_REACHED, "false",
                APPOINTMENT_AT, tomorrow.atTime(21, 0).toString(), "rescheduleReason", "客户正忙")))
                .hasMessageContaining("休息时间");
        taskService.complete(first.getId(), Map.of(CUSTOMER_REACHED, "false",
                APPOINTMENT_AT, tomorrow.atTime(15, 0).toString(), "rescheduleReason", "客户正在开会,另约明天下午"));

        Visit rescheduled = visits.find(visit.getId());
        assertThat(rescheduled.getStatus()).isEqualTo(VisitStatus.RESCHEDULED);
        assertThat(rescheduled.getAppointmentAt()).isEqualTo(tomorrow.atTime(15, 0).atZone(ZONE).toInstant());
        assertThat(rescheduled.getNotes()).extracting(CaseNote::getText).anyMatch(t -> t.contains("客户正在开会"));
        assertThat(task(visit, TASK_CONDUCT_VISIT)).isNull();
        Job wait = timer(visit, TIMER_APPOINTMENT);
        assertThat(wait.getDuedate().toInstant()).isEqualTo(rescheduled.getAppointmentAt());

        managementService.executeJob(wait.getId());

        assertThat(task(visit, TASK_CONDUCT_VISIT)).as("the visit task is back").isNotNull();
    }

    @Test
    void aSatisfiedCustomerIsRecordedAndTheVisitEnds() {
        Visit visit = accountManagerVisit(customer(CustomerType.FRANCHISEE, CustomerTier.C, 0));

        taskService.complete(task(visit, TASK_CONDUCT_VISIT).getId(), satisfied());

        Visit done = visits.find(visit.getId());
        assertThat(done.getStatus()).isEqualTo(VisitStatus.DONE);
        assertThat(done.getSatisfaction()).isEqualTo(io.kefu.complaint.Satisfaction.SATISFIED);
        assertThat(done.getSuggestions()).isEqualTo("希望多组织培训");
        assertThat(done.isOnTime()).isTrue();
        assertThat(ended(visit)).isTrue();
    }

    @Test
    void anUnsatisfiedCustomerMustSayWhatToImprove() {
        Visit visit = accountManagerVisit(customer(CustomerType.FRANCHISEE, CustomerTier.C, 0));
        Map<String, Object> form = satisfied();
        form.put("satisfaction", "DISSATISFIED");

        assertThatThrownBy(() -> taskService.complete(task(visit, TASK_CONDUCT_VISIT).getId(), form))
                .hasMessageContaining("improvement");
    }

    @Test
    void aComplaintRaisedDuringTheVisitStartsAComplaintCaseLinkedToIt() {
        Visit visit = accountManagerVisit(customer(CustomerType.AGENT, CustomerTier.C, 0));
        Map<String, Object> form = satisfied();
        form.put("satisfaction", "NEUTRAL");
        form.put("improvement", "配送太慢");
        form.put(COMPLAINT_RAISED, true);
        form.put("complaintCategory", "DELIVERY");
        form.put("complaintText", "上周订单晚到三天");

        taskService.complete(task(visit, TASK_CONDUCT_VISIT).getId(), form);

        Visit done = visits.find(visit.getId());
        assertThat(done.getComplaintId()).isNotNull();
        var complaint = complaints.find(done.getComplaintId());
        assertThat(complaint.getCustomerId()).isEqualTo(visit.getCustomerId());
        assertThat(complaint.getDescription()).contains(visit.getVisitNo()).contains("上周订单晚到三天");
        assertThat(complaint.getOwnerId()).isEqualTo("agent");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(ComplaintProcess.KEY)
                .processInstanceId(complaint.getProcessInstanceId()).count()).isEqualTo(1);
    }

    @Test
    void aBusinessMatterIsReferredToTheDepartmentAndTrackedUntilItClosesIt() {
        Visit visit = accountManagerVisit(customer(CustomerType.AGENT, CustomerTier.C, 0));
        Map<String, Object> form = satisfied();
        form.put(BUSINESS_MATTER, true);
        form.put("matterDepartment", "warehouse");
        form.put("matterText", "希望调整每周配送日");

        taskService.complete(task(visit, TASK_CONDUCT_VISIT).getId(), form);

        Task matter = task(visit, TASK_HANDLE_MATTER);
        // 指派专人: the warehouse's only member handles it; the department stays its fallback
        assertThat(matter.getAssignee()).isEqualTo("warehouse");
        assertThat(taskService.createTaskQuery().taskId(matter.getId()).taskCandidateGroup("dept-warehouse")
                .includeAssignedTasks().count()).isEqualTo(1);
        assertThat(visits.find(visit.getId()).getMatterStatus()).isEqualTo(Visit.MatterStatus.OPEN);
        taskService.complete(matter.getId(), Map.of("matterResolution", "已改为每周二、周五配送"));
        Visit closed = visits.find(visit.getId());
        assertThat(closed.getMatterStatus()).isEqualTo(Visit.MatterStatus.CLOSED);
        assertThat(closed.getMatterResolution()).contains("周二");
        assertThat(ended(visit)).isTrue();
    }

    @Test
    void aFieldVisitPlanForAnACustomerIsApprovedByTheManagerThenTheDivisionLeader() {
        Customer customer = customer(CustomerType.AGENT, CustomerTier.A, 4);
        Visit visit = planner.planFor(customers.find(customer.getId()), visits.today()).stream()
                .filter(v -> v.getVisitorRole() == VisitorRole.DIVISION_LEADER).findFirst().orElseThrow();
        assertThat(visit.getStatus()).isEqualTo(VisitStatus.PLANNING);
        String planTime = visits.today().plusDays(5).atTime(10, 0).toString();

        taskService.complete(task(visit, TASK_SUBMIT_PLAN).getId(), Map.of("planTime", planTime,
                "planRoute", "杭州总部→客户门店", "planPurpose", "年度合作回顾"));
        assertThatThrownBy(() -> taskService.complete(task(visit, TASK_MANAGER_APPROVE_PLAN).getId(),
                Map.of(PLAN_APPROVED, "false"))).hasMessageContaining("planComment");
        taskService.complete(task(visit, TASK_MANAGER_APPROVE_PLAN).getId(),
                Map.of(PLAN_APPROVED, "false", "planComment", "请补充二次开发议题"));
        taskService.complete(task(visit, TASK_SUBMIT_PLAN).getId(), Map.of("planTime", planTime,
                "planRoute", "杭州总部→客户门店", "planPurpose", "年度合作回顾与二次开发"));
        taskService.complete(task(visit, TASK_MANAGER_APPROVE_PLAN).getId(), Map.of(PLAN_APPROVED, "true"));
        Task leader = task(visit, TASK_LEADER_APPROVE_PLAN);
        assertThat(taskService.createTaskQuery().taskId(leader.getId())
                .taskCandidateGroup(KefuGroups.DIVISION_LEADERS).count()).isEqualTo(1);
        taskService.complete(leader.getId(), Map.of(PLAN_APPROVED, "true"));

        Task conduct = task(visit, TASK_CONDUCT_VISIT);
        assertThat(taskService.createTaskQuery().taskId(conduct.getId())
                .taskCandidateGroup(KefuGroups.DIVISION_LEADERS).count()).isEqualTo(1);
        Visit approved = visits.find(visit.getId());
        assertThat(approved.getStatus()).isEqualTo(VisitStatus.OPEN);
        assertThat(approved.getPlanStatus()).isEqualTo("APPROVED");
        assertThat(approved.getNotes()).extracting(CaseNote::getKind)
                .containsExactly("PLAN_SUBMITTED", "PLAN_MANAGER", "PLAN_SUBMITTED", "PLAN_MANAGER", "PLAN_LEADER");
    }

    @Test
    void aSurveyCampaignGivesEachChosenCustomerOneSurveyAndCountsTheAnswers() {
        Customer one = customer(CustomerType.FRANCHISEE, CustomerTier.B, 0);
        Customer two = customer(CustomerType.DEALER, CustomerTier.C, 0);

        VisitCampaign campaign = surveys.startCampaign(new CampaignRequest("2026年度加盟商满意度调查", null, null,
                List.of(one.getCode(), two.getCode()), null), "supervisor");
        List<Visit> surveyed = transaction.execute(s -> List.copyOf(
                visits.search(new VisitSearch(null, one.getCode(), null, VisitKind.SURVEY, null, null, null, null),
                        org.springframework.data.domain.Pageable.unpaged()).getContent()));
        Task survey = task(surveyed.get(0), TASK_CONDUCT_SURVEY);
        Map<String, Object> form = new HashMap<>(Map.of("productSatisfaction", "SATISFIED",
                "serviceSatisfaction", "NEUTRAL", "deliverySatisfaction", "SATISFIED", "satisfaction", "NEUTRAL",
                "improvement", "客服响应可以更快"));
        taskService.complete(survey.getId(), form);

        var results = surveys.results(campaign.getId());
        assertThat(results.customers()).isEqualTo(2);
        assertThat(results.done()).isEqualTo(1);
        assertThat(results.open()).isEqualTo(1);
        assertThat(results.satisfaction().get(io.kefu.complaint.Satisfaction.NEUTRAL)).isEqualTo(1);
        assertThat(visits.find(surveyed.get(0).getId()).getAnswers()).contains("serviceSatisfaction");
    }

    @Test
    void anOnboardedFranchiseStoreStartsItsScheduleAndGetsAnOpeningSurveyWhenItOpens() {
        Customer customer = customer(CustomerType.FRANCHISEE, CustomerTier.B, 0);
        LocalDate opening = visits.today().plusDays(10);

        transaction.executeWithoutResult(s -> events.publishEvent(new ContractEvents.CustomerOnboarded(9001L,
                customer.getId(), CustomerType.FRANCHISEE, "agent", opening)));

        List<Visit> planned = transaction.execute(s -> List.copyOf(visits.search(new VisitSearch(null,
                customer.getCode(), null, null, null, null, null, null),
                org.springframework.data.domain.Pageable.unpaged()).getContent()));
        assertThat(planned).extracting(Visit::getKind).contains(VisitKind.SCHEDULED, VisitKind.STORE_OPENING);
        Visit survey = planned.stream().filter(v -> v.getKind() == VisitKind.STORE_OPENING).findFirst().orElseThrow();
        Job wait = timer(survey, TIMER_UNTIL_OPENING);
        assertThat(wait.getDuedate().toInstant()).isEqualTo(visits.dueAt(opening.plusDays(3)));
        assertThat(task(survey, TASK_STORE_OPENING_SURVEY)).isNull();

        managementService.executeJob(wait.getId());
        Map<String, Object> form = new HashMap<>(Map.of("openedOnSchedule", "true", "storeCondition", "GOOD",
                "customerFlow", "HIGH", "stockReady", "true", "staffTrained", "false", "satisfaction", "SATISFIED",
                BUSINESS_MATTER, true, "matterDepartment", "business", "matterText", "需要补充店员培训"));
        taskService.complete(task(survey, TASK_STORE_OPENING_SURVEY).getId(), form);

        assertThat(taskService.createTaskQuery().processInstanceId(survey.getProcessInstanceId())
                .taskCandidateGroup("dept-business").includeAssignedTasks().count()).isEqualTo(1);
        assertThat(visits.find(survey.getId()).getAnswers()).contains("customerFlow");
    }

    @Test
    void aDeliveryAnomalyGoesToTheWarehouseUntilItIsClosed() {
        Customer dealer = customer(CustomerType.DEALER, CustomerTier.C, 0);
        Visit visit = surveys.startDeliveryFollowUp(new DeliveryRequest(dealer.getCode(), "SO-" + dealer.getId(),
                visits.today().minusDays(1), "赵六"));

        assertThatThrownBy(() -> taskService.complete(task(visit, TASK_DELIVERY_FOLLOW_UP).getId(),
                Map.of("deliveredOnTime", "false", "deliveryAnomaly", true, "satisfaction", "DISSATISFIED",
                        "improvement", "按时送达"))).hasMessageContaining("anomalyText");
        taskService.complete(task(visit, TASK_DELIVERY_FOLLOW_UP).getId(),
                Map.of("deliveredOnTime", "false", "goodsIntact", "false", "deliveryAnomaly", true,
                        "anomalyText", "少送两箱", "satisfaction", "DISSATISFIED", "improvement", "按时足量送达"));

        Task warehouse = task(visit, TASK_HANDLE_MATTER);
        assertThat(taskService.createTaskQuery().taskId(warehouse.getId()).taskCandidateGroup("dept-warehouse")
                .includeAssignedTasks().count()).isEqualTo(1);
        taskService.complete(warehouse.getId(), Map.of("matterResolution", "已补发两箱"));
        assertThat(visits.find(visit.getId()).getMatterStatus()).isEqualTo(Visit.MatterStatus.CLOSED);
        assertThat(ended(visit)).isTrue();
    }

    private Visit visitOf(org.camunda.bpm.engine.runtime.ProcessInstance instance) {
        return transaction.execute(s -> visits.search(new VisitSearch(null, null, null, null, null, null, null, null),
                        org.springframework.data.domain.Pageable.unpaged()).stream()
                .filter(v -> instance.getId().equals(v.getProcessInstanceId())).findFirst().orElseThrow());
    }

    private org.camunda.bpm.engine.runtime.ProcessInstance startInTasklist(String processKey, String user,
            Map<String, Object> form) {
        identityService.setAuthentication(user, List.of(KefuGroups.AGENTS));
        try {
            return runtimeService.startProcessInstanceByKey(processKey, form);
        } finally {
            identityService.clearAuthentication();
        }
    }

    @Test
    void anAgentStartsAnAdHocVisitInTasklistAndMakesItThemselves() {
        Customer customer = VisitTestData.customer(customers, CustomerType.FRANCHISEE, CustomerTier.B, null,
                visits.today());

        var instance = startInTasklist(RETURN_VISIT, "agent", Map.of("customerCode", customer.getCode(),
                "visitTopic", "店庆日回访"));

        Visit visit = visitOf(instance);
        assertThat(visit.getKind()).isEqualTo(VisitKind.AD_HOC);
        assertThat(visit.getOccasion()).isEqualTo("店庆日回访");
        assertThat(visit.getDueDate()).isEqualTo(visits.today());
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
                .getBusinessKey()).isEqualTo(visit.getVisitNo());
        assertThat(task(visit, TASK_CONDUCT_VISIT).getAssignee()).isEqualTo("agent");
        // the topic went to the record; the customer's code stays as the case card's (Tasklist finds the case by it)
        assertThat(runtimeService.getVariables(instance.getId())).doesNotContainKeys("visitTopic")
                .containsEntry("customerCode", customer.getCode());
    }

    @Test
    void anAdHocVisitOfAnUnknownCustomerIsRefusedNamingTheField() {
        assertThatThrownBy(() -> startInTasklist(RETURN_VISIT, "agent", Map.of("customerCode", "C99999999",
                "visitTopic", "促销活动期回访"))).hasMessageContaining("customerCode");
    }

    @Test
    void aDeliveryFollowUpStartedInTasklistGoesToTheDealersSpecialist() {
        Customer dealer = customer(CustomerType.DEALER, CustomerTier.B, 0);

        var instance = startInTasklist(DELIVERY_FOLLOW_UP, "agent2", Map.of("customerCode", dealer.getCode(),
                "orderNo", "SO-T-" + dealer.getId(), "deliveredOn", visits.today().toString(), "consignee", "钱七"));

        Visit visit = visitOf(instance);
        assertThat(visit.getKind()).isEqualTo(VisitKind.DELIVERY);
        assertThat(visit.getOrderNo()).isEqualTo("SO-T-" + dealer.getId());
        assertThat(task(visit, TASK_DELIVERY_FOLLOW_UP).getAssignee()).isEqualTo("agent");
    }

    @Test
    void aTerminatedContractCancelsTheOpenVisitsWithTheReasonAndStopsPlanning() {
        Customer customer = customer(CustomerType.AGENT, CustomerTier.A, 2);
        List<Visit> open = planner.planFor(customers.find(customer.getId()), visits.today());
        assertThat(open).isNotEmpty();

        transaction.executeWithoutResult(s -> events.publishEvent(new ContractEvents.ContractTerminated(9002L,
                customer.getId(), visits.today(), "加盟商主动解约")));

        for (Visit visit : open) {
            Visit cancelled = visits.find(visit.getId());
            assertThat(cancelled.getStatus()).isEqualTo(VisitStatus.CANCELLED);
            assertThat(cancelled.getCancelReason()).contains("加盟商主动解约");
            assertThat(ended(visit)).isTrue();
        }
        assertThat(planner.planFor(customers.find(customer.getId()), visits.today().plusMonths(2))).isEmpty();
        assertThat(Set.of()).isEmpty();
    }
}
