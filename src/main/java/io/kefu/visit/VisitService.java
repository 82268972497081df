package io.kefu.visit;

import static io.kefu.shared.FieldErrors.blankToNull;
import static io.kefu.shared.FieldErrors.failOn;
import static io.kefu.shared.FieldErrors.require;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kefu.complaint.Channel;
import io.kefu.complaint.ComplaintIntake;
import io.kefu.complaint.ComplaintService;
import io.kefu.complaint.ComplaintService.OpenedComplaint;
import io.kefu.complaint.Satisfaction;
import io.kefu.complaint.Severity;
import io.kefu.customer.Contact;
import io.kefu.customer.CustomerDetails;
import io.kefu.customer.CustomerService;
import io.kefu.identity.CurrentUser;
import io.kefu.identity.KefuGroups;
import io.kefu.identity.KefuGroups.Department;
import io.kefu.shared.NotFoundException;
import io.kefu.shared.time.BusinessCalendar;
import io.kefu.shared.time.WorkingHours;
import io.kefu.visit.process.VisitProcess;
import io.kefu.task.ProcessBindings;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Visits and surveys (回访与调查): every step of a visit changes it through here, whether it comes from the planner,
 * an event, the API, a Tasklist form or a timer.
 */
@Service
@Transactional
public class VisitService {

    private static final Logger log = LoggerFactory.getLogger(VisitService.class);
    static final Set<VisitStatus> OPEN = EnumSet.of(VisitStatus.PLANNING, VisitStatus.OPEN, VisitStatus.RESCHEDULED);

    private final VisitRepository visits;
    private final BusinessCalendar calendar;
    private final WorkingHours hours;
    private final VisitSettings settings;
    private final RuntimeService runtimeService;
    private final ComplaintService complaints;
    private final ObjectMapper json;
    private final CustomerService customers;

    private final ProcessBindings<Visit> bindings;

    VisitService(VisitRepository visits, BusinessCalendar calendar, WorkingHours hours, VisitSettings settings,
            RuntimeService runtimeService, ComplaintService complaints, ObjectMapper json, CustomerService customers) {
        this.customers = customers;
        this.visits = visits;
        this.bindings = new ProcessBindings<>(visits::findByProcessInstanceId, visits::findById,
                Visit::getId, Visit::getProcessInstanceId);
        this.calendar = calendar;
        this.hours = hours;
        this.settings = settings;
        this.runtimeService = runtimeService;
        this.complaints = complaints;
        this.json = json;
    }

    // ---- creating visits -------------------------------------------------------------------------------------

    /** What a new visit is: who, why, when. The visitor is a person, or a group when {@code visitorId} is none. */
    public record VisitPlan(CustomerDetails customer, VisitKind kind, VisitorRole role, String planKey, VisitMode mode,
            LocalDate dueDate, String visitorId, String visitorGroup, String accountManager, boolean planApproval) {
    }

    boolean isPlanned(CustomerDetails customer, String planKey) {
        return visits.existsByCustomerIdAndPlanKey(customer.id(), planKey);
    }

    /** Saves the visit and starts its process; the task appears when the visit is due. */
    Visit plan(VisitPlan plan, Consumer<Visit> details) {
        return plan(plan, details, null);
    }

    /**
     * Saves the visit; its process is {@code processInstanceId} when a user started it in Tasklist (start form),
     * else a new instance of the kind's process.
     */
    Visit plan(VisitPlan plan, Consumer<Visit> details, String processInstanceId) {
        Visit visit = new Visit(plan.customer().id(), plan.kind(), plan.role(), plan.planKey(), plan.mode(),
                plan.dueDate(), deadlineFor(plan.dueDate()));
        visit.assignTo(plan.visitorId(), plan.visitorGroup(), plan.accountManager());
        if (plan.planApproval()) {
            visit.requirePlanApproval();
        }
        details.accept(visit);
        visits.saveAndFlush(visit);
        visit.numberFromId();
        visit.linkProcess(processInstanceId != null ? processInstanceId
                : runtimeService.startProcessInstanceByKey(plan.kind().processKey(), visit.getVisitNo(),
                        startVariables(visit, plan.customer())).getId());
        log.info("Visit {} ({} {}) planned for customer {}, due {}, visitor {}", visit.getVisitNo(), plan.kind(),
                plan.role(), plan.customer().code(), plan.dueDate(),
                plan.visitorId() != null ? plan.visitorId() : plan.visitorGroup());
        return visit;
    }

    /** The variables the visit's process runs on. */
    public Map<String, Object> startVariables(Visit visit) {
        return startVariables(visit, customerOf(visit));
    }

    private Map<String, Object> startVariables(Visit visit, CustomerDetails customer) {
        return VisitProcess.startVariables(visit, customer, Date.from(dueAt(visit.getDueDate())));
    }

    /** The customer visited, as the customer registry has it now. */
    @Transactional(readOnly = true)
    public CustomerDetails customerOf(Visit visit) {
        return customers.find(visit.getCustomerId());
    }

    /** The moment a visit due on {@code date} becomes due (the configured hour, never in the rest hours). */
    public Instant dueAt(LocalDate date) {
        return ZonedDateTime.of(date.atTime(settings.appointmentHour()), hours.zone()).toInstant();
    }

    /** 必须保证在三天之内回访: the end of the last working day of the limit. */
    public Instant deadlineFor(LocalDate dueDate) {
        return calendar.addWorkingDays(dueAt(dueDate), settings.deadlineWorkingDays());
    }

    public LocalDate today() {
        return calendar.now().atZone(hours.zone()).toLocalDate();
    }

    // ---- field-visit plan ------------------------------------------------------------------------------------

    public void submitPlan(long visitId, String route, String purpose, Instant time, String author) {
        Map<String, String> errors = new LinkedHashMap<>();
        require(errors, "planRoute", route, "请填写拜访路线");
        require(errors, "planPurpose", purpose, "请填写拜访目的");
        if (time == null) {
            errors.put("planTime", "请填写拜访时间");
        } else {
            checkAppointment(errors, "planTime", time);
        }
        failOn(errors);
        find(visitId).submitPlan(route.trim(), purpose.trim(), time, author, calendar.now());
    }

    public void decidePlan(long visitId, boolean leader, boolean approved, String comment, String author) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (!approved) {
            require(errors, "planComment", comment, "退回时须说明修改意见");
        }
        failOn(errors);
        find(visitId).decidePlan(leader, approved, comment == null || comment.isBlank() ? "同意" : comment.trim(), author,
                calendar.now());
    }

    // ---- the visit -------------------------------------------------------------------------------------------

    /** 再约一个方便的时间: the new time must lie ahead and outside the customer's rest hours. */
    public Instant reschedule(long visitId, Instant appointmentAt, String reason, String author) {
        Visit visit = checkReschedule(visitId, appointmentAt, reason);
        visit.reschedule(appointmentAt, reason.trim() + "(改约至 " + localText(appointmentAt) + ")", author,
                calendar.now());
        return appointmentAt;
    }

    /**
     * Who works a visit through Kefu's API (reschedules it): its visitor — or, while nobody has taken it, a member of
     * its visitor group — supervisors and managers. Others who may read it (the customer's specialist, a department it
     * was referred to) may not (403); auditors never write.
     */
    public static boolean mayWork(Visit visit, CurrentUser user) {
        return user.isSupervisorOrManager() || user.id().equals(visit.getVisitorId())
                || (visit.getVisitorId() == null && visit.getVisitorGroup() != null
                        && user.inGroup(visit.getVisitorGroup()));
    }

    public void requireMayWork(Visit visit, CurrentUser user) {
        if (!mayWork(visit, user)) {
            throw new AccessDeniedException(user.id() + " may not work visit " + visit.getVisitNo());
        }
    }

    /** Whether the visit may be rescheduled to this time, for a reason; fails naming the field otherwise. */
    public Visit checkReschedule(long visitId, Instant appointmentAt, String reason) {
        Visit visit = find(visitId);
        if (!visit.getStatus().isOpen()) {
            throw new io.kefu.shared.ConflictException("回访 " + visit.getVisitNo() + " 已" + visit.getStatus().label()
                    + ",不能改约");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        require(errors, "rescheduleReason", reason, "请填写改约原因(如客户未接听、客户另约时间)");
        if (appointmentAt == null) {
            errors.put("appointmentAt", "请填写与客户另约的时间");
        } else {
            checkAppointment(errors, "appointmentAt", appointmentAt);
        }
        failOn(errors);
        return visit;
    }

    private void checkAppointment(Map<String, String> errors, String field, Instant at) {
        if (!at.isAfter(calendar.now())) {
            errors.put(field, "约定时间须晚于当前时间");
            return;
        }
        var local = at.atZone(hours.zone()).toLocalTime();
        settings.restSpans().stream().filter(span -> span.contains(local)).findFirst().ifPresent(span ->
                errors.put(field, "约定时间 " + localText(at) + " 在客户休息时间(" + span
                        + ")内,回访应避免打扰客户休息,请另约时间"));
    }

    public String localText(Instant at) {
        return at.atZone(hours.zone()).toLocalDateTime().toString().replace('T', ' ');
    }

    /** 回访记录: the script's answers; a complaint or a business matter the customer raised is noted for follow-up. */
    public void record(long visitId, VisitReport report, String author) {
        Visit visit = find(visitId);
        Map<String, String> errors = new LinkedHashMap<>();
        if (report.satisfaction() == null) {
            errors.put("satisfaction", "请选择客户满意度");
        } else if (report.satisfaction() != Satisfaction.SATISFIED) {
            require(errors, "improvement", report.improvement(), "客户不满意或一般时须记录需改进的方面");
        }
        if (report.complaintRaised()) {
            if (report.complaintCategory() == null) {
                errors.put("complaintCategory", "请选择投诉类别");
            }
            require(errors, "complaintText", report.complaintText(), "请记录客户投诉的内容");
        }
        if (report.businessMatter()) {
            if (Department.fromCode(report.matterDepartment()).isEmpty()) {
                errors.put("matterDepartment", "请选择转交的业务部门");
            }
            require(errors, "matterText", report.matterText(), "请填写转交业务部门的事项");
        }
        failOn(errors);
        visit.complete(blankToNull(report.channel()), report.satisfaction(), blankToNull(report.improvement()),
                blankToNull(report.suggestions()), blankToNull(report.remarks()), answers(report.answers()),
                report.nextMeeting(), author, calendar.now());
        if (report.complaintRaised()) {
            visit.raiseComplaint(report.complaintCategory(), report.complaintText().trim());
        }
        if (report.businessMatter()) {
            visit.referMatter(report.matterDepartment(), report.matterText().trim());
        }
        log.info("Visit {} done by {}: {}{}{}", visit.getVisitNo(), author, report.satisfaction(),
                report.complaintRaised() ? ", complaint raised" : "", report.businessMatter() ? ", matter referred" : "");
    }

    /** A complaint raised during the visit becomes a complaint case owned by the visitor, linked to the visit. */
    public long openComplaint(long visitId) {
        Visit visit = find(visitId);
        if (visit.getComplaintId() != null) {
            return visit.getComplaintId();
        }
        CustomerDetails customer = customerOf(visit);
        Contact contact = customer.firstContact();
        String owner = visit.getCompletedBy() != null ? visit.getCompletedBy() : visit.getAccountManager();
        ComplaintIntake intake = new ComplaintIntake(customer.code(),
                contact != null ? contact.getName() : customer.name(),
                contact != null ? contact.getPhone() : "00000",
                Channel.OTHER, visit.getComplaintCategory(), Severity.MINOR,
                "回访 " + visit.getVisitNo() + "(" + visit.getKind().label() + ")中客户投诉:" + visit.getComplaintText(),
                null, null);
        OpenedComplaint complaint = complaints.openOnBehalf(intake, owner);
        visit.linkComplaint(complaint.id());
        log.info("Visit {} opened complaint {}", visit.getVisitNo(), complaint.caseNo());
        return complaint.id();
    }

    public String matterGroup(long visitId) {
        return KefuGroups.DEPARTMENT_PREFIX + find(visitId).getMatterDepartment();
    }

    /** The department closes the business matter it was referred (转介相应业务部跟进并追踪处理结果). */
    public void closeMatter(long visitId, String resolution, String author) {
        Map<String, String> errors = new LinkedHashMap<>();
        require(errors, "matterResolution", resolution, "请填写处理结果");
        failOn(errors);
        find(visitId).closeMatter(resolution.trim(), author, calendar.now());
    }

    /** The 3-day limit passed: the visit records it; true the first time (the process escalates to the supervisors). */
    public boolean recordBreach(long visitId) {
        Visit visit = find(visitId);
        if (visit.isOverdue()) {
            return false;
        }
        visit.recordBreach();
        log.warn("Visit {} missed its deadline {}", visit.getVisitNo(), visit.getDeadline());
        return true;
    }

    public void addNote(long visitId, VisitNoteKind kind, String author, String text, String field) {
        Map<String, String> errors = new LinkedHashMap<>();
        require(errors, field, text, "请填写说明");
        failOn(errors);
        find(visitId).addNote(kind, author, text.trim(), calendar.now());
    }

    /** The customer's contract ended: its open visits are cancelled (with why) and their processes ended. */
    public int cancelOpenVisits(long customerId, String reason) {
        int count = 0;
        for (Visit visit : visits.findByCustomerIdAndStatusIn(customerId, OPEN)) {
            visit.cancel(reason, calendar.now());
            if (visit.getProcessInstanceId() != null
                    && runtimeService.createProcessInstanceQuery().processInstanceId(visit.getProcessInstanceId()).count() > 0) {
                runtimeService.deleteProcessInstance(visit.getProcessInstanceId(), reason, true, true);
            }
            count++;
        }
        log.info("{} open visits of customer {} cancelled: {}", count, customerId, reason);
        return count;
    }

    // ---- reading ---------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public Visit find(long visitId) {
        return visits.findById(visitId).orElseThrow(() -> new NotFoundException("回访 " + visitId + " 不存在"));
    }

    /** The visit Kefu bound to this process instance (the one its tasks record), if any. */
    @Transactional(readOnly = true)
    public Optional<Visit> forProcessInstance(String processInstanceId) {
        return bindings.find(processInstanceId);
    }

    /** Binds the process Kefu started for a planned visit to it (once; see {@link #plan}). */
    public void linkProcess(long visitId, String processInstanceId) {
        find(visitId).linkProcess(processInstanceId);
    }

    @Transactional(readOnly = true)
    public Page<Visit> search(VisitSearch search, Pageable page) {
        Long customerOfCode = search.customer() == null || search.customer().isBlank() ? null
                : customers.byCode(search.customer()).filter(c -> c.code().equals(search.customer().trim()))
                        .map(CustomerDetails::id).orElse(null);
        List<Long> viewerCustomers = search.viewer() == null ? List.of() : customers.idsServedBy(search.viewer());
        return visits.findAll(search.toSpecification(calendar.now(), customerOfCode, viewerCustomers), page);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private String answers(Map<String, Object> answers) {
        if (answers == null || answers.isEmpty()) {
            return null;
        }
        try {
            return json.writeValueAsString(answers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("survey answers cannot be written as JSON", e);
        }
    }

}
