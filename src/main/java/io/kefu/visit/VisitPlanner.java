package io.kefu.visit;

import io.kefu.shared.FieldErrors;
import io.kefu.customer.CustomerDetails;
import io.kefu.customer.CustomerService;
import io.kefu.customer.CustomerStatus;
import io.kefu.identity.KefuGroups;
import io.kefu.visit.VisitService.VisitPlan;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import io.kefu.shared.RuleTables;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Works out which visits are due (提取需回访的客户并分配给客服专员): per active customer, the schedule table says who
 * visits how often; the next visit of a role is due one interval after the last one. A visit is identified by its
 * customer, role and due date, so a repeated run plans nothing twice (and the database refuses a duplicate).
 */
@Service
@Transactional
public class VisitPlanner {

    public static final String SCHEDULE_DECISION = "visit-schedule";
    private static final Logger log = LoggerFactory.getLogger(VisitPlanner.class);

    private final VisitService visits;
    private final VisitRepository visitRepository;
    private final VisitScheduleRepository schedules;
    private final CustomerService customers;
    private final RuleTables decisions;
    private final IdentityService identityService;
    private final VisitSettings settings;

    VisitPlanner(VisitService visits, VisitRepository visitRepository, VisitScheduleRepository schedules,
            CustomerService customers, RuleTables decisions, IdentityService identityService,
            VisitSettings settings) {
        this.visits = visits;
        this.visitRepository = visitRepository;
        this.schedules = schedules;
        this.customers = customers;
        this.decisions = decisions;
        this.identityService = identityService;
        this.settings = settings;
    }

    /** One row of the schedule table: who visits how often. */
    public record ScheduleRule(VisitorRole role, Period interval, String visitorGroup, boolean assignToSpecialist,
            VisitMode mode, boolean planApproval) {
    }

    /** Plans every visit due on {@code today} or earlier and not yet planned; returns the visits planned. */
    public List<Visit> planDueVisits(LocalDate today) {
        List<Visit> planned = new ArrayList<>();
        List<CustomerDetails> active = customers.active(null, null);
        // the schedules in one query, not one per customer
        Map<Long, VisitSchedule> byCustomer = schedules.findAll().stream()
                .collect(Collectors.toMap(VisitSchedule::getCustomerId, Function.identity()));
        for (CustomerDetails customer : active) {
            planned.addAll(planFor(customer, Optional.ofNullable(byCustomer.get(customer.id())), today));
        }
        log.info("Visit planning for {}: {} customers, {} visits planned", today, active.size(), planned.size());
        return planned;
    }

    /** The visits of one customer due by {@code today}: scheduled ones and holiday visits. */
    public List<Visit> planFor(CustomerDetails customer, LocalDate today) {
        return planFor(customer, schedules.findByCustomerId(customer.id()), today);
    }

    private List<Visit> planFor(CustomerDetails customer, Optional<VisitSchedule> schedule, LocalDate today) {
        List<Visit> planned = new ArrayList<>();
        if (customer.status() != CustomerStatus.ACTIVE || schedule.map(s -> !s.isActive()).orElse(false)) {
            return planned;
        }
        LocalDate anchor = schedule.map(VisitSchedule::getAnchorDate).orElseGet(() -> anchorOf(customer));
        for (ScheduleRule rule : rulesFor(customer, anchor, today)) {
            LocalDate due = nextDue(customer, rule, anchor);
            if (due.isAfter(today)) {
                continue;
            }
            due = due.isBefore(today) ? today : due;
            String key = rule.role() + ":" + due;
            if (visits.isPlanned(customer, key)) {
                continue;
            }
            String accountManager = accountManagerOf(customer);
            String visitor = rule.assignToSpecialist() ? accountManager : null;
            planned.add(visits.plan(new VisitPlan(customer, VisitKind.SCHEDULED, rule.role(), key, rule.mode(), due,
                    visitor, rule.visitorGroup(), accountManager, rule.planApproval()), v -> { }));
        }
        for (VisitSettings.Holiday holiday : settings.holidays()) {
            if (today.isBefore(holiday.visitDate()) || today.isAfter(holiday.date())) {
                continue;
            }
            String key = "HOLIDAY:" + holiday.date();
            if (!visits.isPlanned(customer, key)) {
                String accountManager = accountManagerOf(customer);
                planned.add(visits.plan(new VisitPlan(customer, VisitKind.HOLIDAY, VisitorRole.ACCOUNT_MANAGER, key,
                        VisitMode.PHONE, today, accountManager, KefuGroups.AGENTS, accountManager, false),
                        v -> v.forOccasion(holiday.campaign())));
            }
        }
        return planned;
    }

    /** The schedule table's rows for this customer (type, tier, months since the schedule started). */
    public List<ScheduleRule> rulesFor(CustomerDetails customer, LocalDate anchor, LocalDate today) {
        long months = Math.max(0, ChronoUnit.MONTHS.between(anchor, today));
        var result = decisions.evaluate(SCHEDULE_DECISION, Map.of(
                "customerType", customer.type().name(),
                "customerTier", customer.tier().name(),
                "monthsSinceStart", (int) months));
        return result.getResultList().stream().map(row -> new ScheduleRule(
                VisitorRole.valueOf((String) row.get("visitorRole")),
                Period.parse((String) row.get("interval")),
                (String) row.get("visitorGroup"),
                Boolean.TRUE.equals(row.get("assignToSpecialist")),
                VisitMode.valueOf((String) row.get("mode")),
                Boolean.TRUE.equals(row.get("planApproval")))).toList();
    }

    /**
     * One interval after the role's last visit; the first account-manager visit is due when the schedule starts
     * (a new customer is contacted within the week), the first of any other role one interval later.
     */
    private LocalDate nextDue(CustomerDetails customer, ScheduleRule rule, LocalDate anchor) {
        return visitRepository.findFirstByCustomerIdAndVisitorRoleAndKindAndStatusNotOrderByDueDateDesc(
                        customer.id(), rule.role(), VisitKind.SCHEDULED, VisitStatus.CANCELLED)
                .map(last -> last.getDueDate().plus(rule.interval()))
                .orElseGet(() -> rule.role() == VisitorRole.ACCOUNT_MANAGER ? anchor : anchor.plus(rule.interval()));
    }

    private LocalDate anchorOf(CustomerDetails customer) {
        return customer.businessStart() != null ? customer.businessStart()
                : customer.createdAt().atZone(java.time.ZoneOffset.UTC).toLocalDate();
    }

    /** The customer's specialist; a customer without one goes to the agent with the fewest open visits. */
    String accountManagerOf(CustomerDetails customer) {
        if (customer.specialist() != null) {
            return customer.specialist();
        }
        return identityService.createUserQuery().memberOfGroup(KefuGroups.AGENTS).list().stream()
                .map(User::getId)
                .min(Comparator.<String>comparingLong(agent -> visitRepository.countByVisitorIdAndStatusIn(agent,
                        VisitService.OPEN)).thenComparing(Comparator.naturalOrder()))
                .orElse(null);
    }

    // ---- onboarding and termination ----------------------------------------------------------------------------

    /** The customer is onboarded: its schedule starts today and the visits due now are planned at once. */
    public List<Visit> startSchedule(CustomerDetails customer, LocalDate anchor) {
        schedules.findByCustomerId(customer.id()).ifPresentOrElse(s -> s.restart(anchor),
                () -> schedules.save(new VisitSchedule(customer.id(), anchor)));
        schedules.flush();
        return planFor(customer, visits.today());
    }

    /** The contract ended: no more visits are planned, and the open ones are cancelled with the reason. */
    public int endSchedule(CustomerDetails customer, String reason) {
        VisitSchedule schedule = schedules.findByCustomerId(customer.id()).orElseGet(() ->
                schedules.save(new VisitSchedule(customer.id(), anchorOf(customer))));
        schedule.end(reason, io.kefu.shared.time.Now.instant());
        return visits.cancelOpenVisits(customer.id(), reason);
    }

    /** 不定期回访: a visit an agent starts in Tasklist; they make it themselves. */
    public Visit planAdHoc(String customerCode, LocalDate due, String topic, String initiator,
            String processInstanceId) {
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        FieldErrors.require(errors, "customerCode", customerCode, "请填写客户编号");
        FieldErrors.require(errors, "visitTopic", topic, "请填写回访主题(如店庆日、促销活动期)");
        if (due != null && due.isBefore(visits.today())) {
            errors.put("visitDate", "回访日期不能早于今天");
        }
        FieldErrors.failOn(errors);
        CustomerDetails customer = customers.byCode(customerCode).orElseThrow(() ->
                io.kefu.shared.InvalidInputException.of("customerCode", "客户 " + customerCode + " 不存在"));
        if (customer.status() != CustomerStatus.ACTIVE) {
            throw io.kefu.shared.InvalidInputException.of("customerCode", "客户 " + customer.code() + " "
                    + customer.status().label() + ",不安排回访");
        }
        LocalDate date = due == null ? visits.today() : due;
        return visits.plan(new VisitPlan(customer, VisitKind.AD_HOC, VisitorRole.SPECIALIST,
                "ADHOC:" + processInstanceId, VisitMode.PHONE, date, initiator, KefuGroups.AGENTS,
                accountManagerOf(customer), false), v -> v.forOccasion(topic.trim()), processInstanceId);
    }

    /**
     * 年度会晤 of a qualification review: a field visit by the customer-service managers, due on {@code due}; planned
     * once per review (its number is the plan key).
     */
    public long planYearlyMeeting(CustomerDetails customer, LocalDate due, String reviewNo) {
        String key = "QUALIFICATION:" + reviewNo;
        return visitRepository.findByCustomerIdAndPlanKey(customer.id(), key).orElseGet(() -> visits.plan(
                new VisitPlan(customer, VisitKind.ANNUAL_MEETING, VisitorRole.DEPARTMENT_MANAGER, key,
                        VisitMode.FIELD, due, null, KefuGroups.MANAGERS, accountManagerOf(customer), false),
                v -> v.forOccasion("资质审核 " + reviewNo + " 年度会晤"))).getId();
    }

    /** 开业调查: the store-opening survey waits for the opening date (plus the configured days). */
    public Visit planStoreOpeningSurvey(CustomerDetails customer, LocalDate openingDate, Long contractId) {
        String key = "STORE_OPENING:" + (contractId != null ? contractId : openingDate);
        if (visits.isPlanned(customer, key)) {
            return null;
        }
        String accountManager = accountManagerOf(customer);
        return visits.plan(new VisitPlan(customer, VisitKind.STORE_OPENING, VisitorRole.SPECIALIST, key,
                VisitMode.PHONE, openingDate.plusDays(settings.storeOpeningDaysAfter()), accountManager,
                KefuGroups.AGENTS, accountManager, false), v -> v.forOccasion("开业日期 " + openingDate));
    }
}
