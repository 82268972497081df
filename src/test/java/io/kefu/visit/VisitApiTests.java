package io.kefu.visit;

import static io.kefu.visit.process.VisitProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kefu.customer.Customer;
import io.kefu.customer.CustomerService;
import io.kefu.customer.CustomerTier;
import io.kefu.customer.CustomerType;
import io.kefu.identity.KefuGroups;
import io.kefu.support.HttpApiTest;
import io.kefu.visit.VisitService.VisitPlan;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** The visit API over HTTP: the summary's figures on a data set of its own, validation, who may read what. */
class VisitApiTests extends HttpApiTest {

    @Autowired VisitService visits;
    @Autowired CustomerService customers;
    @Autowired TransactionTemplate transaction;

    private Customer customer(String specialist) {
        return VisitTestData.customer(customers, CustomerType.DEALER, CustomerTier.C, specialist, visits.today());
    }

    private Visit plan(Customer customer, LocalDate due, String key) {
        return transaction.execute(s -> visits.plan(new VisitPlan(customers.find(customer.getId()), VisitKind.SCHEDULED,
                VisitorRole.ACCOUNT_MANAGER, key, VisitMode.PHONE, due, customer.getSpecialist(), KefuGroups.AGENTS,
                customer.getSpecialist(), false), v -> { }));
    }

    private void complete(Visit visit, String satisfaction, Map<String, Object> extra) {
        Map<String, Object> form = new HashMap<>(Map.of(CUSTOMER_REACHED, "true", "satisfaction", satisfaction,
                "improvement", "继续改进"));
        form.putAll(extra);
        taskService.complete(taskService.createTaskQuery().processInstanceId(visit.getProcessInstanceId())
                .taskDefinitionKey(TASK_CONDUCT_VISIT).singleResult().getId(), form);
    }

    @Test
    void theSummaryCountsCoverageOnTimeRateSatisfactionAndIssuesOfThePeriod() {
        // a period of its own: no other test plans visits due then (the suite plans from today on, the report tests
        // use 1999 and March 2005: MonthlyReportsReconcileTests); random so that a rerun on a kept MariaDB database
        // does not meet the last run's visits
        int year = 2006 + ThreadLocalRandom.current().nextInt(14); // MySQL TIMESTAMP columns end in 2038
        LocalDate due = LocalDate.of(year, 3, 10);
        Customer a = customer("agent");
        Customer b = customer("agent");
        Customer c = customer("agent");
        Visit a1 = plan(a, due, "T:1");
        plan(a, due.plusDays(5), "T:2");
        Visit b1 = plan(b, due, "T:1");
        plan(c, due, "T:1");
        transaction.executeWithoutResult(s -> visits.cancelOpenVisits(c.getId(), "测试:解约"));
        plan(c, due.plusDays(1), "T:2");
        try {
            // a1 on its due day (on time), b1 seven weeks later (late)
            ClockUtil.setCurrentTime(Date.from(due.atTime(10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant()));
            complete(a1, "SATISFIED", Map.of());
            ClockUtil.setCurrentTime(Date.from(LocalDate.of(year, 4, 30).atTime(10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant()));
            complete(b1, "NEUTRAL", Map.of(BUSINESS_MATTER, true, "matterDepartment", "sales", "matterText", "询问新品政策"));
        } finally {
            ClockUtil.reset();
        }

        Response response = as("supervisor").get("/api/visits/summary?from=" + year + "-03-01&to=" + year + "-03-31");

        assertThat(response.status()).as("%s", response).isEqualTo(200);
        JsonNode s = response.json();
        assertThat(s.path("visitsDue").asInt()).isEqualTo(4);
        assertThat(s.path("visitsDone").asInt()).isEqualTo(2);
        assertThat(s.path("visitsOpen").asInt()).isEqualTo(2);
        assertThat(s.path("customersDue").asInt()).isEqualTo(3);
        assertThat(s.path("customersVisited").asInt()).isEqualTo(2);
        assertThat(s.path("coverage").asDouble()).isEqualTo(0.6667);
        assertThat(s.path("doneOnTime").asInt()).isEqualTo(1);
        assertThat(s.path("onTimeRate").asDouble()).isEqualTo(0.5);
        assertThat(s.path("satisfaction").path("SATISFIED").asInt()).isEqualTo(1);
        assertThat(s.path("satisfaction").path("NEUTRAL").asInt()).isEqualTo(1);
        assertThat(s.path("satisfaction").path("DISSATISFIED").asInt()).isZero();
        assertThat(s.path("mattersReferred").asInt()).isEqualTo(1);
        assertThat(s.path("mattersClosed").asInt()).isZero();
        assertThat(s.path("complaintsRaised").asInt()).isZero();
    }

    @Test
    void theSummaryNeedsAPeriod() {
        assertInvalidFields(as("supervisor").get("/api/visits/summary?to=2026-01-31"), "from");
        assertInvalidFields(as("supervisor").get("/api/visits/summary?from=2026-02-01&to=2026-01-31"), "to");
    }

    @Test
    void aRescheduleOverTheApiIsRefusedInTheRestHoursAndAcceptedOutsideThem() {
        Visit visit = plan(customer("agent"), visits.today(), "API:" + System.nanoTime());
        LocalDate tomorrow = visits.today().plusDays(1);

        assertInvalidFields(as("agent").post("/api/visits/" + visit.getId() + "/reschedule",
                Map.of("appointmentAt", tomorrow.atTime(13, 0).toString(), "reason", "客户午休")), "appointmentAt");
        assertInvalidFields(as("agent").post("/api/visits/" + visit.getId() + "/reschedule",
                Map.of("appointmentAt", tomorrow.atTime(16, 0).toString())), "rescheduleReason");
        Response ok = as("agent").post("/api/visits/" + visit.getId() + "/reschedule",
                Map.of("appointmentAt", tomorrow.atTime(16, 0).toString(), "reason", "客户正在开会"));

        assertThat(ok.status()).as("%s", ok).isEqualTo(200);
        assertThat(ok.json().path("status").asText()).isEqualTo("RESCHEDULED");
        assertThat(ok.json().path("rescheduleCount").asInt()).isEqualTo(1);
        assertProblem(as("agent").post("/api/visits/" + visit.getId() + "/reschedule",
                Map.of("appointmentAt", tomorrow.atTime(16, 30).toString(), "reason", "再改")), 409);
    }

    @Test
    void aDoneVisitShowsWhatTheVisitorRecordedAndAnUnknownStateIsRefused() {
        Customer mine = customer("agent");
        Visit visit = plan(mine, visits.today(), "RECORD:" + System.nanoTime());
        LocalDate nextMeeting = visits.today().plusDays(10);
        complete(visit, "SATISFIED", Map.of("channel", "PHONE", "remarks", "客户对服务总体满意",
                "nextMeeting", nextMeeting.toString()));

        JsonNode done = as("agent").get("/api/visits/" + visit.getId()).json();
        assertThat(done.path("status").asText()).isEqualTo("DONE");
        assertThat(done.path("channel").asText()).isEqualTo("PHONE");
        assertThat(done.path("remarks").asText()).isEqualTo("客户对服务总体满意");
        assertThat(done.path("nextMeeting").asText()).isEqualTo(nextMeeting.toString());
        assertInvalidFields(as("agent").get("/api/visits?state=bogus"), "state");
    }

    @Test
    void aFormRefusedInTasklistShowsKefusMessageWithoutTheEngineText() {
        Visit visit = plan(customer("agent"), visits.today(), "TASKLIST:" + System.nanoTime());
        String taskId = taskService.createTaskQuery().processInstanceId(visit.getProcessInstanceId())
                .taskDefinitionKey(TASK_CONDUCT_VISIT).singleResult().getId();
        String lunchTime = visits.today().plusDays(1).atTime(13, 0).toString();
        Map<String, Object> form = Map.of("variables", Map.of(
                CUSTOMER_REACHED, Map.of("value", "false"),
                "appointmentAt", Map.of("value", lunchTime),
                "rescheduleReason", Map.of("value", "客户正在开会")));

        Response refused = as("agent").post("/engine-rest/task/" + taskId + "/submit-form", form);

        assertThat(refused.status()).as("%s", refused).isGreaterThanOrEqualTo(400);
        String message = refused.json().path("message").asText();
        assertThat(message).startsWith("输入有误").contains("休息时间")
                .doesNotContain("ENGINE", "Exception", "Cannot", "appointmentAt");
    }

    @Test
    void agentsSeeTheVisitsOfTheirOwnCustomersAuditorsReadMaskedAndChangeNothing() {
        Customer mine = customer("agent");
        Visit visit = plan(mine, visits.today(), "AUTH:" + System.nanoTime());

        JsonNode own = as("agent").get("/api/visits/" + visit.getId()).json();
        assertThat(own.path("contactPhone").asText()).isEqualTo("13800001234");
        assertThat(as("agent2").get("/api/visits/" + visit.getId()).status()).isEqualTo(404);
        assertThat(as("agent2").get("/api/visits?customer=" + mine.getCode()).json().path("content").size()).isZero();
        assertThat(as("agent").get("/api/visits?state=due&customer=" + mine.getCode()).json().path("content").size())
                .isEqualTo(1);
        JsonNode audited = as("auditor").get("/api/visits/" + visit.getId()).json();
        assertThat(audited.path("contactPhone").asText()).isEqualTo("138****1234");
        assertProblem(as("auditor").post("/api/visits/" + visit.getId() + "/reschedule",
                Map.of("appointmentAt", visits.today().plusDays(1).atTime(16, 0).toString(), "reason", "x")), 403);
        assertThat(anonymous().get("/api/visits").status()).isEqualTo(401);
    }

    @Test
    void aDeliveryFollowUpIsForADealersOrderOnlyAndACampaignNeedsCustomers() {
        Customer member = VisitTestData.customer(customers, CustomerType.MEMBER, CustomerTier.C, "agent", visits.today());
        assertInvalidFields(as("agent").post("/api/surveys/delivery-follow-ups", Map.of("customerCode", member.getCode(),
                "orderNo", "SO-1", "deliveredOn", visits.today().toString())), "customerCode");
        assertInvalidFields(as("agent").post("/api/surveys/delivery-follow-ups", Map.of("customerCode", member.getCode())),
                "orderNo", "deliveredOn");
        assertInvalidFields(as("supervisor").post("/api/surveys/campaigns", Map.of("name", "空调查")), "customerTypes");

        Customer dealer = customer("agent");
        Response created = as("agent").post("/api/surveys/delivery-follow-ups", Map.of("customerCode", dealer.getCode(),
                "orderNo", "SO-" + dealer.getId(), "deliveredOn", visits.today().toString(), "consignee", "赵六"));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        assertThat(created.json().path("kind").asText()).isEqualTo("DELIVERY");
        assertProblem(as("agent").post("/api/surveys/delivery-follow-ups", Map.of("customerCode", dealer.getCode(),
                "orderNo", "SO-" + dealer.getId(), "deliveredOn", visits.today().toString())), 409);
    }

    @Test
    void onlyTheVisitorSupervisorsAndManagersRescheduleAVisit() {
        Customer mine = customer("agent");
        // the department manager's visit of agent's customer: agent reads it (their customer) but is not its visitor
        Visit managersVisit = transaction.execute(s -> visits.plan(new VisitPlan(customers.find(mine.getId()), VisitKind.SCHEDULED,
                VisitorRole.DEPARTMENT_MANAGER, "WHO:" + System.nanoTime(), VisitMode.PHONE, visits.today(), null,
                KefuGroups.MANAGERS, mine.getSpecialist(), false), v -> { }));
        Map<String, String> later = Map.of("appointmentAt", visits.today().plusDays(1).atTime(16, 0).toString(),
                "reason", "客户正在开会");

        assertThat(as("agent").get("/api/visits/" + managersVisit.getId()).status()).isEqualTo(200);
        assertProblem(as("agent").post("/api/visits/" + managersVisit.getId() + "/reschedule", later), 403);
        assertProblem(as("agent2").post("/api/visits/" + managersVisit.getId() + "/reschedule", later), 404);
        assertThat(visits.find(managersVisit.getId()).getRescheduleCount()).isZero();

        Response bySupervisor = as("supervisor").post("/api/visits/" + managersVisit.getId() + "/reschedule", later);
        assertThat(bySupervisor.status()).as("%s", bySupervisor).isEqualTo(200);
        assertThat(bySupervisor.json().path("rescheduleCount").asInt()).isEqualTo(1);
    }

    @Test
    void campaignsAreForSupervisorsAndManagersAndDeliveryFollowUpsForTheHotline() {
        Customer dealer = customer("agent");
        Map<String, Object> campaign = Map.of("name", "无权调查", "customerCodes", List.of(dealer.getCode()));

        assertProblem(as("agent").post("/api/surveys/campaigns", campaign), 403);
        assertProblem(as("tech").post("/api/surveys/campaigns", campaign), 403);
        assertProblem(as("tech").post("/api/surveys/delivery-follow-ups", Map.of("customerCode", dealer.getCode(),
                "orderNo", "SO-T" + dealer.getId(), "deliveredOn", visits.today().toString())), 403);
        assertThat(as("supervisor").get("/api/visits?kind=DELIVERY&customer=" + dealer.getCode()).json()
                .path("content").size()).as("no follow-up was planned").isZero();

        assertInvalidFields(as("tech").get("/api/visits?sort=customer.contacts.phone"), "sort");
        assertInvalidFields(as("auditor").get("/api/visits?sort=consignee"), "sort");
        Response started = as("manager").post("/api/surveys/campaigns", campaign);
        assertThat(started.status()).as("%s", started).isEqualTo(201);
    }
}
