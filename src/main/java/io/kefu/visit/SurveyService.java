package io.kefu.visit;

import io.kefu.shared.FieldErrors;
import jakarta.validation.constraints.Size;
import io.kefu.complaint.Satisfaction;
import io.kefu.customer.CustomerDetails;
import io.kefu.customer.CustomerService;
import io.kefu.customer.CustomerStatus;
import io.kefu.customer.CustomerTier;
import io.kefu.customer.CustomerType;
import io.kefu.identity.CurrentUser;
import io.kefu.identity.KefuGroups;
import io.kefu.shared.InvalidInputException;
import io.kefu.shared.NotFoundException;
import io.kefu.visit.VisitService.VisitPlan;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Satisfaction-survey campaigns (满意度调查) and delivery follow-ups (配送回访). */
@Service
@Transactional
public class SurveyService {

    private final VisitService visits;
    private final VisitPlanner planner;
    private final VisitRepository visitRepository;
    private final VisitCampaignRepository campaigns;
    private final CustomerService customers;

    SurveyService(VisitService visits, VisitPlanner planner, VisitRepository visitRepository,
            VisitCampaignRepository campaigns, CustomerService customers) {
        this.visits = visits;
        this.planner = planner;
        this.visitRepository = visitRepository;
        this.campaigns = campaigns;
        this.customers = customers;
    }

    /** Which customers a campaign surveys: by type and tier, or a list of customer codes. */
    public record CampaignRequest(@Size(max = 200, message = "调查名称最多 200 个字符") String name,
            Set<CustomerType> customerTypes, Set<CustomerTier> tiers,
            @Size(max = 5000, message = "客户编号最多 5000 个") List<@Size(max = 20, message = "客户编号最多 20 个字符") String> customerCodes,
            LocalDate dueDate) {
    }

    /** A campaign started through Kefu's API: supervisors and managers plan surveys; nobody else (403). */
    public VisitCampaign startCampaign(CampaignRequest request, CurrentUser user) {
        if (!user.isSupervisorOrManager()) {
            throw new AccessDeniedException(user.id() + " may not start survey campaigns");
        }
        return startCampaign(request, user.id());
    }

    /**
     * Starts a campaign: one survey task per chosen active customer, for the customer's specialist. Unchecked, for the
     * demo data (the API goes through the method above).
     */
    public VisitCampaign startCampaign(CampaignRequest request, String createdBy) {
        Map<String, String> errors = new LinkedHashMap<>();
        FieldErrors.require(errors, "name", request.name(), "请填写调查名称");
        boolean byList = request.customerCodes() != null && !request.customerCodes().isEmpty();
        boolean byGroup = request.customerTypes() != null && !request.customerTypes().isEmpty()
                || request.tiers() != null && !request.tiers().isEmpty();
        if (!byList && !byGroup) {
            errors.put("customerTypes", "请选择客户类型、等级或列出客户编号");
        }
        LocalDate today = visits.today();
        LocalDate due = request.dueDate() == null ? today : request.dueDate();
        if (due.isBefore(today)) {
            errors.put("dueDate", "调查日期不能早于今天");
        }
        FieldErrors.failOn(errors);
        Set<CustomerDetails> chosen = new LinkedHashSet<>();
        if (byList) {
            for (String code : request.customerCodes()) {
                chosen.add(customers.byCode(code).orElseThrow(
                        () -> InvalidInputException.of("customerCodes", "客户 " + code + " 不存在")));
            }
        } else {
            chosen.addAll(customers.active(request.customerTypes(), request.tiers()));
        }
        chosen.removeIf(c -> c.status() != CustomerStatus.ACTIVE);
        if (chosen.isEmpty()) {
            throw InvalidInputException.of("customerTypes", "所选范围内没有合作中的客户");
        }
        String selection = byList ? "客户:" + String.join(",", request.customerCodes())
                : "类型:" + (request.customerTypes() == null || request.customerTypes().isEmpty() ? "全部"
                        : request.customerTypes().stream().map(CustomerType::label).toList())
                        + " 等级:" + (request.tiers() == null || request.tiers().isEmpty() ? "全部" : request.tiers());
        VisitCampaign campaign = campaigns.saveAndFlush(new VisitCampaign(request.name().trim(), selection, createdBy, due));
        for (CustomerDetails customer : chosen) {
            String accountManager = planner.accountManagerOf(customer);
            visits.plan(new VisitPlan(customer, VisitKind.SURVEY, VisitorRole.SPECIALIST, "SURVEY:" + campaign.getId(),
                    VisitMode.PHONE, due, accountManager, KefuGroups.AGENTS, accountManager, false), v -> {
                        v.inCampaign(campaign.getId());
                        v.forOccasion(campaign.getName());
                    });
        }
        return campaign;
    }

    /** A campaign's results: how many surveyed, the satisfaction split, complaints and matters raised. */
    public record CampaignResults(long id, String name, String selection, LocalDate dueDate, int customers, int done,
            int open, int cancelled, Map<Satisfaction, Integer> satisfaction, int complaints, int matters) {
    }

    @Transactional(readOnly = true)
    public CampaignResults results(long campaignId) {
        VisitCampaign campaign = campaigns.findById(campaignId)
                .orElseThrow(() -> new NotFoundException("满意度调查 " + campaignId + " 不存在"));
        List<Visit> surveys = visitRepository.findByCampaignId(campaignId);
        Map<Satisfaction, Integer> split = new EnumMap<>(Satisfaction.class);
        for (Satisfaction s : Satisfaction.values()) {
            split.put(s, 0);
        }
        surveys.stream().filter(v -> v.getSatisfaction() != null).forEach(v -> split.merge(v.getSatisfaction(), 1, Integer::sum));
        return new CampaignResults(campaign.getId(), campaign.getName(), campaign.getSelection(), campaign.getDueDate(),
                surveys.size(),
                (int) surveys.stream().filter(v -> v.getStatus() == VisitStatus.DONE).count(),
                (int) surveys.stream().filter(v -> v.getStatus().isOpen()).count(),
                (int) surveys.stream().filter(v -> v.getStatus() == VisitStatus.CANCELLED).count(),
                split,
                (int) surveys.stream().filter(Visit::hasComplaint).count(),
                (int) surveys.stream().filter(Visit::hasMatter).count());
    }

    /** A dealer's downstream order to follow up (配送回访). */
    public record DeliveryRequest(@Size(max = 20, message = "客户编号最多 20 个字符") String customerCode,
            @Size(max = 64, message = "订单号最多 64 个字符") String orderNo, LocalDate deliveredOn,
            @Size(max = 100, message = "收货人最多 100 个字符") String consignee) {
    }

    public Visit startDeliveryFollowUp(DeliveryRequest request) {
        return startDeliveryFollowUp(request, (String) null);
    }

    /**
     * A delivery follow-up asked for through Kefu's API: by hotline staff (agents, supervisors, managers), who call
     * the dealer's consignee; departments and auditors do not (403).
     */
    public Visit startDeliveryFollowUp(DeliveryRequest request, CurrentUser user) {
        if (!user.isHotlineStaff()) {
            throw new AccessDeniedException(user.id() + " may not start delivery follow-ups");
        }
        return startDeliveryFollowUp(request);
    }

    /** A delivery follow-up; {@code processInstanceId} when an agent started it in Tasklist, else a new process. */
    public Visit startDeliveryFollowUp(DeliveryRequest request, String processInstanceId) {
        Map<String, String> errors = new LinkedHashMap<>();
        FieldErrors.require(errors, "customerCode", request.customerCode(), "请填写经销商客户编号");
        FieldErrors.require(errors, "orderNo", request.orderNo(), "请填写下游订单号");
        if (request.deliveredOn() == null) {
            errors.put("deliveredOn", "请填写配送日期");
        } else if (request.deliveredOn().isAfter(visits.today())) {
            errors.put("deliveredOn", "配送日期不能晚于今天");
        }
        FieldErrors.failOn(errors);
        CustomerDetails customer = customers.byCode(request.customerCode()).orElseThrow(
                () -> InvalidInputException.of("customerCode", "客户 " + request.customerCode() + " 不存在"));
        if (customer.type() != CustomerType.DEALER) {
            throw InvalidInputException.of("customerCode", "配送回访针对经销商的下游订单," + customer.code() + " 是"
                    + customer.type().label());
        }
        String key = "DELIVERY:" + request.orderNo().trim();
        if (visits.isPlanned(customer, key)) {
            throw new io.kefu.shared.ConflictException("订单 " + request.orderNo() + " 已安排配送回访");
        }
        String accountManager = planner.accountManagerOf(customer);
        return visits.plan(new VisitPlan(customer, VisitKind.DELIVERY, VisitorRole.SPECIALIST, key, VisitMode.PHONE,
                visits.today(), accountManager, KefuGroups.AGENTS, accountManager, false),
                v -> v.forDelivery(request.orderNo().trim(), request.deliveredOn(),
                        FieldErrors.blankToNull(request.consignee())), processInstanceId);
    }
}
