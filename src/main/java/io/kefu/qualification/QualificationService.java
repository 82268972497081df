package io.kefu.qualification;

import io.kefu.audit.CaseDirectory;
import io.kefu.contract.ContractService;
import io.kefu.contract.TerminationParty;
import io.kefu.contract.TerminationRequest;
import io.kefu.customer.CustomerDetails;
import io.kefu.customer.CustomerService;
import io.kefu.customer.CustomerStatus;
import io.kefu.customer.CustomerTier;
import io.kefu.identity.CurrentUser;
import io.kefu.identity.KefuGroups;
import io.kefu.qualification.process.QualificationProcess;
import io.kefu.shared.ConflictException;
import io.kefu.shared.FieldErrors;
import io.kefu.shared.InvalidInputException;
import io.kefu.shared.NotFoundException;
import io.kefu.shared.time.Now;
import io.kefu.shared.time.WorkingHours;
import io.kefu.visit.VisitPlanner;
import jakarta.persistence.criteria.Predicate;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import io.kefu.shared.RuleTables;
import io.kefu.task.ProcessBindings;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 资质审核周期 (P16): every active customer is reviewed again within its class's cycle (review-cycle.dmn, per class and
 * tier). A review plans the yearly meeting (a visit), scores the customer (满意度、业务贡献、信用 1–5; the grade from
 * qualification-grade.dmn), may move it to another tier, and when credit declined a manager decides whether to stop
 * cooperation — which starts the termination of the customer's contract.
 */
@Service
@Transactional
public class QualificationService {

    public static final String CYCLE_DECISION = "review-cycle";
    public static final String GRADE_DECISION = "qualification-grade";
    /** Who opens the reviews the planning run finds due. */
    public static final String PLANNER = "system";
    private static final Logger log = LoggerFactory.getLogger(QualificationService.class);
    private static final List<ReviewStatus> OPEN = List.of(ReviewStatus.OPEN, ReviewStatus.AWAITING_DECISION);

    private final QualificationReviewRepository reviews;
    private final CustomerQualificationRepository standings;
    private final CustomerService customers;
    private final ContractService contracts;
    private final VisitPlanner visitPlanner;
    private final RuleTables decisions;
    private final RuntimeService runtimeService;
    private final WorkingHours hours;
    private final QualificationSettings settings;

    private final ProcessBindings<QualificationReview> bindings;

    QualificationService(QualificationReviewRepository reviews, CustomerQualificationRepository standings,
            CustomerService customers, ContractService contracts, VisitPlanner visitPlanner,
            RuleTables decisions, RuntimeService runtimeService, WorkingHours hours,
            QualificationSettings settings) {
        this.reviews = reviews;
        this.bindings = new ProcessBindings<>(reviews::findByProcessInstanceId, reviews::findById,
                QualificationReview::getId, QualificationReview::getProcessInstanceId);
        this.standings = standings;
        this.customers = customers;
        this.contracts = contracts;
        this.visitPlanner = visitPlanner;
        this.decisions = decisions;
        this.runtimeService = runtimeService;
        this.hours = hours;
        this.settings = settings;
    }

    // ---- opening reviews ---------------------------------------------------------------------------------------

    /** {@code POST /api/qualification-reviews}: 业务部, supervisors and managers open a review now. */
    public QualificationReview start(QualificationReviewRequest request, CurrentUser user) {
        if (!mayStart(user)) {
            throw new AccessDeniedException(user.id() + " may not open qualification reviews");
        }
        return openAndStart(request == null ? null : request.customerCode(), user.id());
    }

    /** Opens the review and starts its process (business key: the review's number). */
    public QualificationReview openAndStart(String customerCode, String openedBy) {
        return started(open(customerCode, openedBy));
    }

    private QualificationReview started(QualificationReview review) {
        String id = runtimeService.startProcessInstanceByKey(QualificationProcess.KEY, review.getReviewNo(),
                QualificationProcess.startVariables(review, customerOf(review))).getId();
        review.linkProcess(id);
        return review;
    }

    /** A review of the customer with this code; nothing is saved when the input is wrong. */
    public QualificationReview open(String customerCode, String openedBy) {
        if (openedBy == null || openedBy.isBlank()) {
            throw InvalidInputException.of("initiator", "无法确定发起人:请登录后在任务列表中发起资质审核");
        }
        if (customerCode == null || customerCode.isBlank()) {
            throw InvalidInputException.of("customerCode", "请填写客户编号");
        }
        CustomerDetails customer = customers.byCode(customerCode).orElseThrow(() ->
                InvalidInputException.of("customerCode", "客户编号 " + customerCode.trim() + " 不存在"));
        return open(customer, openedBy);
    }

    private QualificationReview open(CustomerDetails customer, String openedBy) {
        if (customer.status() != CustomerStatus.ACTIVE) {
            throw InvalidInputException.of("customerCode", "客户 " + customer.code() + " "
                    + customer.status().label() + ",只审核合作中的客户");
        }
        if (reviews.existsByCustomerIdAndStatusIn(customer.id(), OPEN)) {
            throw new ConflictException("客户 " + customer.code() + " 已有进行中的资质审核");
        }
        CustomerQualification standing = standingOf(customer);
        LocalDate due = standing.getNextReviewOn().isAfter(today()) ? today() : standing.getNextReviewOn();
        QualificationReview review = new QualificationReview(customer.id(), customer.tier(),
                standing.getCustomerClass(), cycleMonths(standing.getCustomerClass(), customer.tier()), due, openedBy);
        reviews.saveAndFlush(review);
        review.numberFromId();
        return review;
    }

    /**
     * The planning run: a review for every active customer whose next review is due by {@code today} and who has none
     * open. A customer never reviewed is first due one cycle after its business started.
     */
    public List<QualificationReview> openDueReviews(LocalDate today) {
        List<QualificationReview> opened = new ArrayList<>();
        List<CustomerDetails> active = customers.active(null, null).stream()
                .sorted(Comparator.comparing(CustomerDetails::id)).toList();
        for (CustomerDetails customer : active) {
            if (reviews.existsByCustomerIdAndStatusIn(customer.id(), OPEN)) {
                continue;
            }
            if (standingOf(customer).getNextReviewOn().isAfter(today)) {
                continue;
            }
            opened.add(started(open(customer, PLANNER)));
        }
        if (!opened.isEmpty()) {
            log.info("Qualification reviews opened: {}", opened.stream().map(QualificationReview::getReviewNo).toList());
        }
        return opened;
    }

    /** The customer's class and next review date, set up from its tier and business start when first needed. */
    private CustomerQualification standingOf(CustomerDetails customer) {
        return standings.findById(customer.id()).orElseGet(() -> {
            CustomerClass suggested = CustomerClass.suggestedBy(customer.tier());
            LocalDate since = customer.businessStart() != null ? customer.businessStart()
                    : customer.createdAt().atZone(hours.zone()).toLocalDate();
            return standings.save(new CustomerQualification(customer.id(), suggested,
                    since.plusMonths(cycleMonths(suggested, customer.tier()))));
        });
    }

    /** The customer reviewed, as the customer registry has it now. */
    @Transactional(readOnly = true)
    public CustomerDetails customerOf(QualificationReview review) {
        return customers.find(review.getCustomerId());
    }

    public void linkProcess(long id, String processInstanceId) {
        find(id).linkProcess(processInstanceId);
    }

    /** 年度会晤: the customer-service managers meet the customer within the cycle, as a field visit. */
    public long planMeeting(long id) {
        QualificationReview review = find(id);
        long visitId = visitPlanner.planYearlyMeeting(customerOf(review),
                today().plusDays(settings.meetingWithinDays()), review.getReviewNo());
        review.meetingPlanned(visitId);
        return visitId;
    }

    // ---- the rules (DMN) ---------------------------------------------------------------------------------------

    /** review-cycle.dmn: months between two reviews of a customer of this class and tier. */
    @Transactional // not read-only: the evaluation writes the decision's history (who, inputs, outputs)
    public int cycleMonths(CustomerClass customerClass, CustomerTier tier) {
        var result = decisions.evaluate(CYCLE_DECISION, Map.of("customerClass",
                customerClass.name(), "customerTier", tier.name()));
        if (result.isEmpty()) {
            throw new IllegalStateException("review-cycle.dmn has no row for " + customerClass + " " + tier);
        }
        return ((Number) result.getSingleResult().getEntry("cycleMonths")).intValue();
    }

    /** The grade qualification-grade.dmn gives these scores, and whether the credit score is itself a warning. */
    public record Grade(CustomerTier tier, boolean creditWarning) {
    }

    @Transactional // not read-only: the evaluation writes the decision's history (who, inputs, outputs)
    public Grade grade(int satisfaction, int contribution, int credit) {
        DmnDecisionResultEntries row = decisions.evaluate(GRADE_DECISION, Map.of("credit", credit,
                "totalScore", satisfaction + contribution + credit)).getSingleResult();
        return new Grade(CustomerTier.valueOf((String) row.getEntry("grade")),
                Boolean.TRUE.equals(row.getEntry("creditWarning")));
    }

    // ---- the steps ---------------------------------------------------------------------------------------------

    /**
     * 评分: the three scores (1–5), the tier the customer keeps or moves to (blank: the grade's), with a reason when
     * it changes. The next review falls one cycle (of the tier settled on) from today.
     *
     * @return whether credit declined (lower than at the last review, or a warning in itself): a manager decides
     *         whether to stop cooperation
     */
    public boolean score(long id, String actor, Integer satisfaction, Integer contribution, Integer credit,
            String newTier, String tierChangeReason, String note) {
        QualificationReview review = find(id);
        requireOpen(review, ReviewStatus.OPEN);
        Map<String, String> errors = new LinkedHashMap<>();
        score(errors, "satisfaction", satisfaction, "客户满意度");
        score(errors, "contribution", contribution, "业务贡献度");
        score(errors, "credit", credit, "信用状况");
        CustomerTier chosen = null;
        if (newTier != null && !newTier.isBlank()) {
            try {
                chosen = CustomerTier.valueOf(newTier.trim().toUpperCase());
            } catch (IllegalArgumentException e) {
                errors.put("newTier", "客户等级只能是 A、B 或 C");
            }
        }
        FieldErrors.failOn(errors);
        Grade grade = grade(satisfaction, contribution, credit);
        CustomerTier tierAfter = chosen != null ? chosen : grade.tier();
        CustomerDetails customer = customerOf(review);
        boolean changed = tierAfter != customer.tier();
        if (changed && (tierChangeReason == null || tierChangeReason.isBlank())) {
            throw InvalidInputException.of("tierChangeReason", "客户等级由 " + customer.tier() + " 调整为 "
                    + tierAfter + ",请填写调整理由");
        }
        CustomerQualification standing = standingOf(customer);
        Integer previous = standing.getLastCredit();
        boolean declined = grade.creditWarning() || (previous != null && credit < previous);
        LocalDate next = today().plusMonths(cycleMonths(standing.getCustomerClass(), tierAfter));
        review.scored(satisfaction, contribution, credit, previous, grade.tier(), declined, tierAfter,
                changed ? tierChangeReason.trim() : null, FieldErrors.blankToNull(note), actor, next);
        if (changed) {
            customers.reclassify(customer.id(), tierAfter);
        }
        standing.reviewed(today(), credit, next);
        return declined;
    }

    /**
     * 是否终止合作 (managers): stop — the customer's contract in force is terminated (the termination process starts in
     * the next step) — or keep cooperating, with the reason.
     */
    public boolean decide(long id, String actor, Boolean stop, String note) {
        QualificationReview review = find(id);
        requireOpen(review, ReviewStatus.AWAITING_DECISION);
        Map<String, String> errors = new LinkedHashMap<>();
        if (stop == null) {
            errors.put("stopCooperation", "请选择是否终止合作");
        }
        if (note == null || note.isBlank()) {
            errors.put("decisionNote", "请填写决定理由");
        } else if (note.trim().length() > 2000) {
            errors.put("decisionNote", "决定理由最多 2000 个字符");
        }
        Long contractId = null;
        if (Boolean.TRUE.equals(stop)) {
            contractId = contracts.activeContractIdOf(review.getCustomerId()).orElse(null);
            if (contractId == null) {
                errors.put("stopCooperation", "客户 " + customerOf(review).code() + " 没有合作中的合同,无法发起解约");
            }
        }
        FieldErrors.failOn(errors);
        review.decided(stop, note.trim(), actor, contractId);
        return stop;
    }

    /** 终止合作: the contract-termination process starts for the contract the decision named, in the manager's name. */
    public long startTermination(long id) {
        QualificationReview review = find(id);
        if (review.getTerminationContractId() == null) {
            throw new IllegalStateException("Review " + review.getReviewNo() + " decided to keep cooperating");
        }
        contracts.startTermination(review.getTerminationContractId(), new TerminationRequest(
                TerminationParty.COMPANY, "资质审核 " + review.getReviewNo() + " 信用状况下降,决定终止合作:"
                        + review.getDecisionNote()), review.getDecidedBy());
        return review.getTerminationContractId();
    }

    // ---- reading -----------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public QualificationReview find(long id) {
        return reviews.findById(id).orElseThrow(() -> new NotFoundException("资质审核 " + id + " 不存在"));
    }

    @Transactional(readOnly = true)
    public Optional<QualificationReview> forProcessInstance(String processInstanceId) {
        return bindings.find(processInstanceId);
    }

    @Transactional(readOnly = true)
    public Optional<QualificationReview> byNumber(String reviewNo) {
        return reviews.findByReviewNo(reviewNo);
    }

    /** A review the user may read, else 404. */
    @Transactional(readOnly = true)
    public QualificationReview readable(long id, CurrentUser user) {
        return reviews.findById(id).filter(r -> mayRead(r, user))
                .orElseThrow(() -> new NotFoundException("资质审核 " + id + " 不存在"));
    }

    /** The reviews the user may read, newest first; {@code status} and {@code customerId} optional. */
    @Transactional(readOnly = true)
    public Page<QualificationReview> search(ReviewStatus status, Long customerId, CurrentUser user, Pageable page) {
        Specification<QualificationReview> spec = (root, query, cb) -> {
            List<Predicate> p = new ArrayList<>();
            if (status != null) {
                p.add(cb.equal(root.get("status"), status));
            }
            if (customerId != null) {
                p.add(cb.equal(root.get("customerId"), customerId));
            }
            if (!mayReadAll(user)) {
                p.add(cb.or(cb.equal(root.get("openedBy"), user.id()), cb.equal(root.get("scoredBy"), user.id()),
                        cb.equal(root.get("decidedBy"), user.id())));
            }
            return cb.and(p.toArray(Predicate[]::new));
        };
        return reviews.findAll(spec, page);
    }

    /** 业务部 (who scores customers), supervisors and managers open reviews. */
    public static boolean mayStart(CurrentUser user) {
        return user.inGroup(KefuGroups.Department.BUSINESS.groupId()) || user.isSupervisorOrManager();
    }

    /** Supervisors, managers, auditors and 业务部 read every review; anyone else the ones they took part in. */
    public static boolean mayReadAll(CurrentUser user) {
        return CaseDirectory.seesEveryCase(user) || user.inGroup(KefuGroups.Department.BUSINESS.groupId());
    }

    public static boolean mayRead(QualificationReview review, CurrentUser user) {
        return mayReadAll(user) || review.involves(user.id());
    }

    public LocalDate today() {
        return Now.instant().atZone(hours.zone()).toLocalDate();
    }

    private static void requireOpen(QualificationReview review, ReviewStatus expected) {
        if (review.getStatus() != expected) {
            throw new ConflictException("资质审核 " + review.getReviewNo() + " 状态为" + review.getStatus().label());
        }
    }

    private static void score(Map<String, String> errors, String field, Integer value, String label) {
        if (value == null) {
            errors.put(field, "请为" + label + "评分(1–5 分)");
        } else if (value < 1 || value > 5) {
            errors.put(field, label + "评分须在 1–5 分之间");
        }
    }
}
