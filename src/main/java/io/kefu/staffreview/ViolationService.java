package io.kefu.staffreview;

import io.kefu.identity.CurrentUser;
import io.kefu.shared.FieldErrors;
import io.kefu.shared.NotFoundException;
import io.kefu.shared.time.Now;
import io.kefu.shared.time.WorkingHours;
import io.kefu.staffreview.StaffViolation.Consequence;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import io.kefu.shared.RuleTables;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 违规记录 (R4): a supervisor or manager records an employee's prohibited behaviour with its evidence; the how-manieth
 * offence of that kind it is (within the {@value #OFFENCE_WINDOW_MONTHS} months up to the day it happened, this one
 * included) and its kind give the consequence from violation-consequence.dmn. The month's review counts it (any
 * violation: 当月考核C).
 */
@Service
@Transactional
public class ViolationService {

    public static final String CONSEQUENCE_DECISION = "violation-consequence";
    /** Offences of the same kind count towards the next one for a year. */
    public static final int OFFENCE_WINDOW_MONTHS = 12;

    private final StaffViolationRepository violations;
    private final RuleTables decisions;
    private final IdentityService identityService;
    private final WorkingHours hours;

    ViolationService(StaffViolationRepository violations, RuleTables decisions, IdentityService identityService,
            WorkingHours hours) {
        this.violations = violations;
        this.decisions = decisions;
        this.identityService = identityService;
        this.hours = hours;
    }

    public StaffViolation record(ViolationRequest request, CurrentUser user) {
        if (!StaffRecords.mayRecordViolations(user)) {
            throw new AccessDeniedException(user.id() + " may not record violations");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        String employee = request.employee() == null ? null : request.employee().trim();
        if (employee == null || employee.isEmpty()) {
            errors.put("employee", "请填写违规员工的登录名");
        } else if (identityService.createUserQuery().userId(employee).count() == 0) {
            errors.put("employee", "没有登录名为 " + employee + " 的员工");
        } else if (employee.equals(user.id())) {
            errors.put("employee", "不能登记自己的违规");
        }
        if (request.kind() == null) {
            errors.put("kind", "请选择违规类别");
        }
        if (request.occurredOn() == null) {
            errors.put("occurredOn", "请填写违规日期");
        } else if (request.occurredOn().isAfter(Now.instant().atZone(hours.zone()).toLocalDate())) {
            errors.put("occurredOn", "违规日期不能晚于今天");
        }
        text(errors, "description", "违规经过", request.description());
        text(errors, "evidence", "证据", request.evidence());
        FieldErrors.failOn(errors);
        int offenceNo = (int) violations.countByEmployeeAndKindAndOccurredOnBetween(employee, request.kind(),
                request.occurredOn().minusMonths(OFFENCE_WINDOW_MONTHS), request.occurredOn()) + 1;
        StaffViolation violation = new StaffViolation(employee, request.kind(), request.occurredOn(),
                request.description().trim(), request.evidence().trim(), offenceNo,
                consequence(request.kind(), offenceNo), user.id());
        violations.saveAndFlush(violation);
        violation.numberFromId();
        return violation;
    }

    /** The table's answer for the {@code offenceNo}-th offence of this kind. */
    public Consequence consequence(ViolationKind kind, int offenceNo) {
        DmnDecisionResultEntries result = decisions.evaluate(CONSEQUENCE_DECISION,
                Map.of("kind", kind.name(), "offenceNo", offenceNo)).getSingleResult();
        if (result == null || result.getEntry("consequence") == null) {
            throw new IllegalStateException(CONSEQUENCE_DECISION + " gave no consequence for " + kind);
        }
        Number fine = result.getEntry("fineAmount");
        return new Consequence(result.getEntry("consequence"),
                fine == null || fine.doubleValue() == 0 ? null : BigDecimal.valueOf(fine.doubleValue()),
                Boolean.TRUE.equals(result.getEntry("dismissal")));
    }

    /** A violation the user may read, else 404. */
    @Transactional(readOnly = true)
    public StaffViolation readable(long id, CurrentUser user) {
        return violations.findById(id).filter(v -> StaffRecords.mayRead(v.getEmployee(), user))
                .orElseThrow(() -> new NotFoundException("违规记录 " + id + " 不存在"));
    }

    /** The violations the user may read: their own, or (managers, auditors) everyone's; optionally one employee's. */
    @Transactional(readOnly = true)
    public Page<StaffViolation> search(CurrentUser user, String employee, Pageable page) {
        Specification<StaffViolation> spec = (root, q, cb) -> cb.conjunction();
        if (!StaffRecords.readsAll(user)) {
            spec = spec.and((root, q, cb) -> cb.equal(root.get("employee"), user.id()));
        }
        if (employee != null && !employee.isBlank()) {
            spec = spec.and((root, q, cb) -> cb.equal(root.get("employee"), employee.trim()));
        }
        return violations.findAll(spec, page);
    }

    private static void text(Map<String, String> errors, String field, String label, String value) {
        if (value == null || value.isBlank()) {
            errors.put(field, "请填写" + label);
        } else if (value.trim().length() > 4000) {
            errors.put(field, label + "最多 4000 个字符");
        }
    }
}
