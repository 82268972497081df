package io.kefu.phonecase;

import static io.kefu.shared.FieldErrors.failOn;
import io.kefu.audit.CaseDirectory;
import io.kefu.customer.CustomerDetails;
import io.kefu.customer.CustomerService;
import io.kefu.identity.CurrentUser;
import io.kefu.identity.KefuGroups.Department;
import io.kefu.inquiry.InquiryService;
import io.kefu.inquiry.InquiryService.CaseHandover;
import io.kefu.phonecase.process.PhoneCaseProcess;
import io.kefu.shared.ConflictException;
import io.kefu.shared.InvalidInputException;
import io.kefu.shared.NotFoundException;
import io.kefu.shared.time.BusinessCalendar;
import io.kefu.shared.time.Now;
import io.kefu.shared.time.TimeText;
import io.kefu.task.ProcessBindings;
import jakarta.persistence.criteria.Predicate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 个案 (P3): opened from a hotline inquiry the agent could not answer, solved by the department it was passed to
 * within working hours, answered back by its owner (首问负责制) 第一时间, and put before a leader while the customer
 * does not accept. Deadlines are counted on the service center's working hours ({@link BusinessCalendar}).
 */
@Service
@Transactional
public class PhoneCaseService {


    private final PhoneCaseRepository cases;
    private final InquiryService inquiries;
    private final CustomerService customers;
    private final BusinessCalendar calendar;
    private final RuntimeService runtimeService;
    private final Duration resolutionTime;
    private final Duration callbackTime;

    private final ProcessBindings<PhoneCase> bindings;

    PhoneCaseService(PhoneCaseRepository cases, InquiryService inquiries, CustomerService customers,
            BusinessCalendar calendar, RuntimeService runtimeService,
            @Value("${kefu.phone-case.resolution-hours:16}") long resolutionHours,
            @Value("${kefu.phone-case.callback-hours:2}") long callbackHours) {
        this.cases = cases;
        this.bindings = new ProcessBindings<>(cases::findByProcessInstanceId, cases::findById,
                PhoneCase::getId, PhoneCase::getProcessInstanceId);
        this.inquiries = inquiries;
        this.customers = customers;
        this.calendar = calendar;
        this.runtimeService = runtimeService;
        this.resolutionTime = Duration.ofHours(resolutionHours);
        this.callbackTime = Duration.ofHours(callbackHours);
    }

    /**
     * 转为个案: the inquiry becomes a case owned by the agent who took it, and the phone-case process starts (business
     * key = case number). Hotline staff only (403); an inquiry the user may not see is unknown (404); one already a
     * case is a conflict (409).
     */
    public PhoneCase openFromInquiry(long inquiryId, PhoneCaseRequest request, CurrentUser user) {
        CaseHandover inquiry = inquiries.turnIntoCase(inquiryId, user);
        if (cases.existsByInquiryId(inquiryId)) {
            throw new ConflictException("咨询 " + inquiryId + " 已转为个案");
        }
        PhoneCaseRequest r = request == null ? new PhoneCaseRequest(null, null, null, null, null, null, null) : request;
        PhoneCaseRequest filled = new PhoneCaseRequest(
                orElse(r.occurredWhen(), TimeText.minutes(inquiry.receivedAt())),
                orElse(r.place(), inquiry.region()), orElse(r.person(), inquiry.callerName()),
                orElse(r.contact(), inquiry.callerPhone()), orElse(r.event(), inquiry.summary()),
                r.department(), null);
        CustomerDetails customer = inquiry.customerId() == null ? null : customers.find(inquiry.customerId());
        PhoneCase opened = register(filled, inquiry.inquiryId(), customer, inquiry.takenBy());
        runtimeService.startProcessInstanceByKey(PhoneCaseProcess.KEY, opened.getCaseNo(),
                PhoneCaseProcess.startVariables(opened, customer));
        return opened;
    }

    /** A case from the Tasklist start form (no inquiry behind it): the starting agent owns it. */
    public PhoneCase open(PhoneCaseRequest request, String owner) {
        CustomerDetails customer = null;
        if (request.customerCode() != null && !request.customerCode().isBlank()) {
            customer = customers.byCode(request.customerCode()).orElseThrow(() -> InvalidInputException.of(
                    "customerCode", "客户编号 " + request.customerCode().trim() + " 不存在"));
        }
        if (owner == null || owner.isBlank()) {
            throw InvalidInputException.of("initiator", "无法确定首问负责人:请登录后在任务列表中登记个案");
        }
        return register(request, null, customer, owner);
    }

    private PhoneCase register(PhoneCaseRequest r, Long inquiryId, CustomerDetails customer, String owner) {
        Map<String, String> errors = new LinkedHashMap<>();
        required(errors, "occurredWhen", r.occurredWhen(), "请填写时间", 100);
        required(errors, "person", r.person(), "请填写人物(来电人)", 100);
        required(errors, "contact", r.contact(), "请填写联系方式(电话、QQ 或 Email)", 200);
        required(errors, "event", r.event(), "请填写事件经过", 4000);
        if (r.place() != null && r.place().length() > 200) {
            errors.put("place", "地点最多 200 个字符");
        }
        String department = blank(r.department()) ? null : r.department().trim();
        if (department == null) {
            errors.put("department", "请选择负责处理的部门");
        } else if (Department.fromCode(department).isEmpty()) {
            errors.put("department", "部门 " + department + " 不存在");
        }
        failOn(errors);
        PhoneCase opened = new PhoneCase(inquiryId, customer == null ? null : customer.id(), r.occurredWhen().trim(),
                blank(r.place()) ? null : r.place().trim(), r.person().trim(), r.contact().trim(), r.event().trim(), department, owner,
                calendar.addWorkingTime(Now.instant(), resolutionTime));
        cases.saveAndFlush(opened);
        opened.numberFromId();
        return opened;
    }

    /** The customer the case is about, as the customer registry has it now; null when none is recorded. */
    @Transactional(readOnly = true)
    public CustomerDetails customerOf(PhoneCase phoneCase) {
        return phoneCase.getCustomerId() == null ? null : customers.find(phoneCase.getCustomerId());
    }

    public void linkProcess(long id, String processInstanceId) {
        find(id).linkProcess(processInstanceId);
    }

    /** The department's solution (解决方案): the owner is to call the customer back within the callback time. */
    public void solve(long id, String actor, String solution) {
        if (blank(solution)) {
            throw InvalidInputException.of("solution", "请填写解决方案");
        }
        find(id).solve(actor, solution.trim(), calendar.addWorkingTime(Now.instant(), callbackTime));
    }

    /** The owner called the customer back: accepted closes the case, not accepted puts it before a leader. */
    public void callBack(long id, String actor, boolean accepted, String note) {
        PhoneCase phoneCase = find(id);
        if (!phoneCase.isOwnedBy(actor)) {
            throw InvalidInputException.of("customerAccepted", "只有首问负责人 " + phoneCase.getOwnerId() + " 回复客户");
        }
        if (blank(note)) {
            throw InvalidInputException.of("callbackNote", "请记录回复客户的情况");
        }
        phoneCase.calledBack(accepted, note.trim());
    }

    /** 寻找领导及相关负责人支持: the leader's instruction, which the owner takes back to the customer. */
    public void leaderSupport(long id, String actor, String note) {
        if (blank(note)) {
            throw InvalidInputException.of("leaderNote", "请填写领导意见或新的解决方案");
        }
        find(id).leaderSupport(actor, note.trim(), calendar.addWorkingTime(Now.instant(), callbackTime));
    }

    public void recordBreach(long id) {
        find(id).breach();
    }

    public void supervise(long id, String note) {
        if (blank(note)) {
            throw InvalidInputException.of("supervisionNote", "请填写督办意见");
        }
        find(id).supervise(note.trim());
    }

    public void recordCallbackBreach(long id) {
        find(id).callbackBreach();
    }

    /** 回复客户超时督办: the supervisor's note on the late callback. */
    public void superviseCallback(long id, String note) {
        if (blank(note)) {
            throw InvalidInputException.of("callbackSupervisionNote", "请填写督办意见");
        }
        find(id).superviseCallback(note.trim());
    }

    @Transactional(readOnly = true)
    public PhoneCase find(long id) {
        return cases.findById(id).orElseThrow(() -> new NotFoundException("个案 " + id + " 不存在"));
    }

    @Transactional(readOnly = true)
    public Optional<PhoneCase> forProcessInstance(String processInstanceId) {
        return bindings.find(processInstanceId);
    }

    @Transactional(readOnly = true)
    public Optional<PhoneCase> ofInquiry(long inquiryId) {
        return cases.findByInquiryId(inquiryId);
    }

    /** A case the user may read, else 404 (whether a case exists is confidential). */
    @Transactional(readOnly = true)
    public PhoneCase readable(long id, CurrentUser user) {
        PhoneCase phoneCase = cases.findById(id).filter(c -> mayRead(c, user))
                .orElseThrow(() -> new NotFoundException("个案 " + id + " 不存在"));
        return phoneCase;
    }

    /** The cases the user may read, newest first; {@code status} optional. */
    @Transactional(readOnly = true)
    public Page<PhoneCase> search(PhoneCaseStatus status, CurrentUser user, Pageable page) {
        Specification<PhoneCase> spec = (root, query, cb) -> {
            List<Predicate> p = new ArrayList<>();
            if (status != null) {
                p.add(cb.equal(root.get("status"), status));
            }
            if (!CaseDirectory.seesEveryCase(user)) {
                List<Predicate> mine = new ArrayList<>();
                mine.add(cb.equal(root.get("ownerId"), user.id()));
                List<String> departments = departmentsOf(user);
                if (!departments.isEmpty()) {
                    mine.add(root.get("department").in(departments));
                }
                p.add(cb.or(mine.toArray(Predicate[]::new)));
            }
            return cb.and(p.toArray(Predicate[]::new));
        };
        return cases.findAll(spec, page);
    }

    /** The owner, the department it was passed to, and those who read every case. */
    public static boolean mayRead(PhoneCase phoneCase, CurrentUser user) {
        return CaseDirectory.seesEveryCase(user) || phoneCase.isOwnedBy(user.id())
                || departmentsOf(user).contains(phoneCase.getDepartment());
    }

    /** The person and the contact in full: the owner (who calls back) and supervisors and managers. */
    public static boolean mayReadPersonalData(PhoneCase phoneCase, CurrentUser user) {
        return phoneCase.isOwnedBy(user.id()) || user.isSupervisorOrManager();
    }

    private static List<String> departmentsOf(CurrentUser user) {
        List<String> codes = new ArrayList<>();
        for (Department d : Department.values()) {
            if (user.inGroup(d.groupId())) {
                codes.add(d.code());
            }
        }
        return codes;
    }

    private static void required(Map<String, String> errors, String field, String value, String message, int max) {
        if (blank(value)) {
            errors.put(field, message);
        } else if (value.trim().length() > max) {
            errors.put(field, "最多 " + max + " 个字符");
        }
    }

    private static String orElse(String value, String fallback) {
        return blank(value) ? fallback : value;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
