package io.kefu.demo;

import io.kefu.customer.CustomerDetails;
import io.kefu.customer.CustomerService;
import io.kefu.customer.CustomerType;
import io.kefu.visit.SurveyService;
import io.kefu.visit.SurveyService.CampaignRequest;
import io.kefu.visit.SurveyService.DeliveryRequest;
import io.kefu.visit.Visit;
import io.kefu.visit.VisitPlanner;
import io.kefu.visit.VisitSearch;
import io.kefu.visit.VisitService;
import io.kefu.visit.VisitorRole;
import io.kefu.visit.process.VisitProcess;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo visits, so a newcomer sees them in Tasklist at once: visits due today for the first demo customers, two
 * overdue ones (escalated by their timers), one done, a satisfaction-survey campaign and a delivery follow-up.
 * Created once: nothing happens when any visit exists.
 */
@Component
@Order(50)
@ConditionalOnProperty(name = "kefu.demo.enabled", havingValue = "true")
class DemoVisits implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoVisits.class);

    private final VisitPlanner planner;
    private final VisitService visits;
    private final SurveyService surveys;
    private final CustomerService customers;
    private final TaskService taskService;
    private final TransactionTemplate transaction;

    DemoVisits(VisitPlanner planner, VisitService visits, SurveyService surveys, CustomerService customers,
            TaskService taskService, TransactionTemplate transaction) {
        this.planner = planner;
        this.visits = visits;
        this.surveys = surveys;
        this.customers = customers;
        this.taskService = taskService;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (visits.search(new VisitSearch(null, null, null, null, null, null, null, null), Pageable.ofSize(1))
                .getTotalElements() > 0) {
            return;
        }
        List<CustomerDetails> all = DemoCustomers.all(customers);
        List<CustomerDetails> demo = all.stream()
                .filter(c -> c.code() != null && c.specialist() != null).limit(8).toList();
        if (demo.size() < 8) {
            return;
        }
        LocalDate today = visits.today();
        transaction.executeWithoutResult(s -> {
            // overdue: due a week ago, the 3-day limit has passed (the deadline timers escalate them)
            demo.subList(0, 2).forEach(c -> planner.planFor(c, today.minusDays(7)));
            List<Visit> due = demo.subList(2, 8).stream().flatMap(c -> planner.planFor(c, today).stream()).toList();
            due.stream().filter(v -> v.getVisitorRole() == VisitorRole.ACCOUNT_MANAGER).findFirst().ifPresent(v ->
                    taskService.complete(taskService.createTaskQuery().processInstanceId(v.getProcessInstanceId())
                            .taskDefinitionKey(VisitProcess.TASK_CONDUCT_VISIT).singleResult().getId(), Map.of(
                            VisitProcess.CUSTOMER_REACHED, "true", "channel", "PHONE", "satisfaction", "SATISFIED",
                            "suggestions", "希望增加新品培训", "remarks", "客户对近期服务满意")));
            surveys.startCampaign(new CampaignRequest("加盟商满意度调查(演示)", null, null,
                    all.stream().filter(c -> c.type() == CustomerType.FRANCHISEE
                            && c.specialist() != null).limit(4).map(CustomerDetails::code).toList(), today), "supervisor");
            all.stream().filter(c -> c.type() == CustomerType.DEALER && c.specialist() != null)
                    .findFirst().ifPresent(dealer -> surveys.startDeliveryFollowUp(new DeliveryRequest(
                            dealer.code(), "SO-DEMO-0001", today.minusDays(1), "赵六")));
        });
        log.info("Demo visits created: due, overdue and done visits, a survey campaign and a delivery follow-up");
    }
}
