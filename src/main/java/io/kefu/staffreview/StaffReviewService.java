package io.kefu.staffreview;

import io.kefu.identity.CurrentUser;
import io.kefu.shared.FieldErrors;
import io.kefu.shared.InvalidInputException;
import io.kefu.shared.NotFoundException;
import io.kefu.shared.time.Now;
import io.kefu.shared.time.WorkingHours;
import io.kefu.staffreview.StaffReview.Scores;
import io.kefu.staffreview.process.StaffReviewProcess;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import io.kefu.shared.RuleTables;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 员工月度考评 (P17, R5): a manager starts an employee's review for a month; Kefu counts the month from the records into
 * the scorecard; the manager scores the five items of the assessment form (1–5) with a comment; the grade comes from
 * staff-review-grade.dmn (any violation in the month: C); the employee acknowledges (确认) or objects (有异议, with a
 * reason) — the first objection goes back to the manager once, a second is kept next to the grade.
 */
@Service
@Transactional
public class StaffReviewService {

    public static final String GRADE_DECISION = "staff-review-grade";

    private final StaffReviewRepository reviews;
    private final ScorecardFigures figures;
    private final RuleTables decisions;
    private final IdentityService identityService;
    private final RuntimeService runtimeService;
    private final WorkingHours hours;

    StaffReviewService(StaffReviewRepository reviews, ScorecardFigures figures, RuleTables decisions,
            IdentityService identityService, RuntimeService runtimeService, WorkingHours hours) {
        this.reviews = reviews;
        this.figures = figures;
        this.decisions = decisions;
        this.identityService = identityService;
        this.runtimeService = runtimeService;
        this.hours = hours;
    }

    /** From Kefu's API: the review is registered, then its staff-review case starts. */
    public StaffReview open(String employee, String month, CurrentUser user) {
        if (!StaffRecords.mayReview(user)) {
            throw new AccessDeniedException(user.id() + " may not start staff reviews");
        }
        StaffReview review = register(employee, month, user.id());
        runtimeService.startProcessInstanceByKey(StaffReviewProcess.KEY, review.getReviewNo(),
                StaffReviewProcess.startVariables(review));
        return review;
    }

    /** A review of {@code employee} for {@code month} (yyyy-MM, not after the current month), its figures counted. */
    public StaffReview register(String employee, String month, String startedBy) {
        Map<String, String> errors = new LinkedHashMap<>();
        YearMonth parsed = null;
        if (blank(employee)) {
            errors.put("employee", "请填写被考评员工的登录名");
        } else if (identityService.createUserQuery().userId(employee.trim()).count() == 0) {
            errors.put("employee", "没有登录名为 " + employee.trim() + " 的员工");
        } else if (employee.trim().equals(startedBy)) {
            errors.put("employee", "不能考评自己");
        }
        if (blank(month)) {
            errors.put("month", "请填写考评月份(yyyy-MM)");
        } else {
            try {
                parsed = YearMonth.parse(month.trim());
                if (parsed.isAfter(YearMonth.from(Now.instant().atZone(hours.zone())))) {
                    errors.put("month", "考评月份不能晚于本月");
                }
            } catch (DateTimeParseException e) {
                errors.put("month", "月份格式应为 yyyy-MM");
            }
        }
        if (blank(startedBy)) {
            errors.put("initiator", "无法确定发起人:请登录后发起考评");
        }
        if (errors.isEmpty() && reviews.findByEmployeeAndReviewMonth(employee.trim(), parsed.toString()).isPresent()) {
            errors.put("month", employee.trim() + " 的 " + parsed + " 月度考评已存在");
        }
        FieldErrors.failOn(errors);
        StaffReview review = new StaffReview(employee.trim(), parsed.toString(), startedBy,
                figures.count(employee.trim(), parsed, hours.zone()));
        reviews.saveAndFlush(review);
        review.numberFromId();
        return review;
    }

    public void linkProcess(long id, String processInstanceId) {
        find(id).linkProcess(processInstanceId);
    }

    /** The manager's five scores (1–5 each) and comment; the figures are counted again as the records stand now. */
    public StaffReview score(long id, Scores scores, String comment, String manager) {
        StaffReview review = find(id);
        if (manager.equals(review.getEmployee())) {
            throw InvalidInputException.of("scoreWorkload", "不能为自己的考评评分");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        checkScore(errors, "scoreWorkload", "工作量", scores.workload());
        checkScore(errors, "scoreTimeliness", "完成工作及时性", scores.timeliness());
        checkScore(errors, "scoreEffectiveness", "工作效果有效性", scores.effectiveness());
        checkScore(errors, "scoreCooperation", "工作中协调配合", scores.cooperation());
        checkScore(errors, "scoreAttitude", "工作态度", scores.attitude());
        if (comment != null && comment.trim().length() > 2000) {
            errors.put("managerComment", "评语最多 2000 个字符");
        }
        FieldErrors.failOn(errors);
        review.recount(figures.count(review.getEmployee(), YearMonth.parse(review.getReviewMonth()), hours.zone()));
        review.score(scores, FieldErrors.blankToNull(comment), manager);
        return review;
    }

    /** The grade from the table: the month's violations, the mean of the five scores, the deadline breaches. */
    public StaffReview grade(long id) {
        StaffReview review = find(id);
        if (review.getScores().average() == null) {
            throw new IllegalStateException("review " + review.getReviewNo() + " is not scored yet");
        }
        DmnDecisionResultEntries result = decisions.evaluate(GRADE_DECISION,
                Map.of("violations", review.getFigures().violations(),
                        "averageScore", review.getScores().average().doubleValue(),
                        "slaBreaches", review.getFigures().slaBreaches())).getSingleResult();
        if (result == null || result.getEntry("grade") == null) {
            throw new IllegalStateException(GRADE_DECISION + " gave no grade for review " + review.getReviewNo());
        }
        review.grade(result.getEntry("grade"), result.getEntry("reason"));
        return review;
    }

    /**
     * The employee's answer: 确认, or 有异议 with a reason. Answers whether the review goes back to the manager (the
     * first objection does, once).
     */
    public boolean acknowledge(long id, String actor, boolean agrees, String objection) {
        StaffReview review = find(id);
        if (!actor.equals(review.getEmployee())) {
            throw InvalidInputException.of("acknowledgement", "考评结果由被考评员工 " + review.getEmployee() + " 本人确认");
        }
        if (review.getStatus() != StaffReview.Status.ACKNOWLEDGING) {
            throw new IllegalStateException("review " + review.getReviewNo() + " is not awaiting acknowledgement");
        }
        if (agrees) {
            review.acknowledge(actor);
            return false;
        }
        if (blank(objection)) {
            throw InvalidInputException.of("objection", "有异议时请填写异议理由");
        }
        if (objection.trim().length() > 2000) {
            throw InvalidInputException.of("objection", "异议理由最多 2000 个字符");
        }
        return review.object(objection.trim());
    }

    public void complete(long id) {
        find(id).complete();
    }

    @Transactional(readOnly = true)
    public StaffReview find(long id) {
        return reviews.findById(id).orElseThrow(() -> new NotFoundException("考评 " + id + " 不存在"));
    }

    @Transactional(readOnly = true)
    public Optional<StaffReview> forProcessInstance(String processInstanceId) {
        return reviews.findByProcessInstanceId(processInstanceId);
    }

    /** A review the user may read, else 404. */
    @Transactional(readOnly = true)
    public StaffReview readable(long id, CurrentUser user) {
        return reviews.findById(id).filter(r -> StaffRecords.mayRead(r.getEmployee(), user))
                .orElseThrow(() -> new NotFoundException("考评 " + id + " 不存在"));
    }

    /** Reviews the user may read: their own, or (managers, auditors) everyone's; optionally one month's. */
    @Transactional(readOnly = true)
    public Page<StaffReview> search(CurrentUser user, String month, Pageable page) {
        Specification<StaffReview> spec = (root, q, cb) -> cb.conjunction();
        if (!StaffRecords.readsAll(user)) {
            spec = spec.and((root, q, cb) -> cb.equal(root.get("employee"), user.id()));
        }
        if (!blank(month)) {
            String m = month.trim();
            try {
                YearMonth.parse(m);
            } catch (DateTimeParseException e) {
                throw InvalidInputException.of("month", "月份格式应为 yyyy-MM");
            }
            spec = spec.and((root, q, cb) -> cb.equal(root.get("reviewMonth"), m));
        }
        return reviews.findAll(spec, page);
    }

    private static void checkScore(Map<String, String> errors, String field, String label, Integer score) {
        if (score == null) {
            errors.put(field, "请为「" + label + "」评分(1–5 分)");
        } else if (score < 1 || score > 5) {
            errors.put(field, "「" + label + "」的评分应为 1–5 分");
        }
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
