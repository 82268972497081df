package io.kefu.complaint;

import static io.kefu.shared.FieldErrors.blankToNull;
import static io.kefu.shared.FieldErrors.failOn;
import static io.kefu.shared.FieldErrors.failOnViolations;
import static io.kefu.shared.FieldErrors.require;
import io.kefu.shared.phone.PhoneNumbers;
import io.kefu.complaint.process.ComplaintProcess;
import io.kefu.customer.CustomerDetails;
import io.kefu.audit.FormLabels;
import io.kefu.customer.CustomerService;
import io.kefu.identity.CurrentUser;
import io.kefu.identity.KefuGroups.Department;
import io.kefu.shared.InvalidInputException;
import io.kefu.shared.NotFoundException;
import io.kefu.shared.time.BusinessCalendar;
import io.kefu.task.ProcessBindings;
import jakarta.validation.Validator;
import java.util.stream.Collectors;
import java.util.Collection;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Complaint handling (投诉处理), the closed loop "有投诉即时受理,迅速有结果,处理后有回访": every step of the case
 * changes the complaint through here, whether it comes from the API, a Tasklist form or a timer.
 */
@Service
@Transactional
public class ComplaintService {

    private static final Logger log = LoggerFactory.getLogger(ComplaintService.class);

    private final ComplaintRepository complaints;
    private final CustomerService customers;
    private final BusinessCalendar calendar;
    private final ComplaintSettings settings;
    private final RuntimeService runtimeService;
    private final IdentityService identityService;
    private final Validator validator;
    private final ApplicationEventPublisher events;
    private final FormLabels formLabels;

    private final ProcessBindings<Complaint> bindings;

    ComplaintService(ComplaintRepository complaints, CustomerService customers, BusinessCalendar calendar,
            ComplaintSettings settings, RuntimeService runtimeService, IdentityService identityService,
            Validator validator, ApplicationEventPublisher events, FormLabels formLabels) {
        this.formLabels = formLabels;
        this.complaints = complaints;
        this.bindings = new ProcessBindings<>(complaints::findByProcessInstanceId, complaints::findById,
                Complaint::getId, Complaint::getProcessInstanceId);
        this.customers = customers;
        this.calendar = calendar;
        this.settings = settings;
        this.runtimeService = runtimeService;
        this.identityService = identityService;
        this.validator = validator;
        this.events = events;
    }

    // ---- intake ----------------------------------------------------------------------------------------------

    /**
     * A complaint taken in through Kefu's API by the logged-in user, who becomes its owner: hotline staff (agents,
     * supervisors, managers) take complaints in, as the process's starters; departments and auditors do not (403).
     */
    public Complaint openCase(ComplaintIntake intake, CurrentUser user) {
        if (!user.isHotlineStaff()) {
            throw new AccessDeniedException(user.id() + " may not take complaints in");
        }
        return openCase(intake, user.id());
    }

    /**
     * Registers a complaint and starts its case; the owner as given. Unchecked: for the processes (a visit's complaint)
     * and the demo data; the API goes through the method above.
     */
    public Complaint openCase(ComplaintIntake intake, String ownerId) {
        Complaint complaint = register(intake, ownerId);
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(ComplaintProcess.KEY, complaint.getCaseNo(),
                ComplaintProcess.startVariables(complaint, customerOf(complaint)));
        complaint.linkProcess(instance.getId());
        // the caller shows the case as stored (its version above all), not as it was before the process changed it
        complaints.flush();
        return complaint;
    }

    /** The customer the complaint is about, as the customer registry has it now. */
    @Transactional(readOnly = true)
    public CustomerDetails customerOf(Complaint complaint) {
        return customers.find(complaint.getCustomerId());
    }

    /** A complaint another feature's process opened (a visit's 投诉): its id and case number. */
    public record OpenedComplaint(long id, String caseNo) {
    }

    /** {@link #openCase(ComplaintIntake, String)} for another feature's process, which keeps the complaint's id. */
    public OpenedComplaint openOnBehalf(ComplaintIntake intake, String ownerId) {
        Complaint complaint = openCase(intake, ownerId);
        return new OpenedComplaint(complaint.getId(), complaint.getCaseNo());
    }

    /** Saves the complaint as taken in (顾客投诉登记表); validation failures name the field. */
    public Complaint register(ComplaintIntake intake, String ownerId) {
        failOnViolations(validator.validate(intake));
        CustomerDetails customer = customers.findByCode(intake.customerCode());
        String complained = blankToNull(intake.complainedEmployee());
        if (complained != null) {
            if (identityService.createUserQuery().userId(complained).count() == 0) {
                throw InvalidInputException.of("complainedEmployee", "员工 " + complained + " 不存在");
            }
            if (complained.equals(ownerId)) {
                throw InvalidInputException.of("complainedEmployee", "被投诉人须回避,不能受理针对自己的投诉,请转交其他专员登记");
            }
        }
        Complaint complaint = new Complaint(customer.id(), intake.complainantName().trim(),
                PhoneNumbers.normalisedOrNull(intake.complainantPhone()),
                intake.channel(), intake.category(), intake.severity(), intake.description().trim(),
                blankToNull(intake.customerRequest()), complained, ownerId);
        warnOfEmptiedDepartments(complaint, ownerId);
        complaints.saveAndFlush(complaint);
        complaint.numberFromId();
        log.info("Complaint {} registered for customer {} by {}", complaint.getCaseNo(), customer.code(), ownerId);
        events.publishEvent(new ComplaintEvents.Opened(complaint.getId(), complaint.getCaseNo(), complaint.getCategory(),
                complaint.getSeverity()));
        return complaint;
    }

    public void linkProcess(long complaintId, String processInstanceId) {
        find(complaintId).linkProcess(processInstanceId);
    }

    // ---- classification and deadlines ------------------------------------------------------------------------

    public record Classification(String priority, int responseHours, int resolutionHours, boolean notifyManager,
            boolean managerApproval) {
    }

    public record ClassificationOutcome(Instant responseDue, Instant resolutionDue, boolean repeatComplaint) {
    }

    /** Applies the decision table's result: deadlines on working hours, and the repeat-complaint check. */
    public ClassificationOutcome classify(long complaintId, Classification c) {
        Complaint complaint = find(complaintId);
        // deadlines to the whole second, as MySQL keeps them: what the API answers is what is stored
        Instant received = complaint.getCreatedAt().truncatedTo(ChronoUnit.SECONDS);
        Instant responseDue = calendar.addWorkingTime(received, Duration.ofHours(c.responseHours()));
        Instant resolutionDue = calendar.addWorkingTime(received, Duration.ofHours(c.resolutionHours()));
        complaint.classify(c.priority(), c.responseHours(), c.resolutionHours(), c.notifyManager(), c.managerApproval(),
                responseDue, resolutionDue);
        String repeat = repeatReason(complaint);
        if (repeat != null) {
            complaint.flagRepeat(repeat);
        }
        log.info("Complaint {} classified {}: respond by {}, resolve by {}{}", complaint.getCaseNo(), c.priority(),
                responseDue, resolutionDue, repeat != null ? " (repeat complaint)" : "");
        return new ClassificationOutcome(responseDue, resolutionDue, repeat != null);
    }

    private String repeatReason(Complaint complaint) {
        ComplaintSettings.Repeat rules = settings.repeat();
        Instant now = complaint.getCreatedAt();
        long sameCustomer = complaints.countSameCustomerAndCategorySince(complaint.getCustomerId(),
                complaint.getCategory(), complaint.getId(), now.minus(rules.sameCustomerWindowDays(), ChronoUnit.DAYS));
        if (sameCustomer > 0) {
            return "同一客户 " + rules.sameCustomerWindowDays() + " 天内第 " + (sameCustomer + 1) + " 次投诉「"
                    + complaint.getCategory().label() + "」";
        }
        long sameCategory = complaints.countCategorySince(complaint.getCategory(),
                now.minus(rules.categoryPeriodDays(), ChronoUnit.DAYS));
        if (sameCategory >= rules.categoryThreshold()) {
            return rules.categoryPeriodDays() + " 天内「" + complaint.getCategory().label() + "」类投诉已达 " + sameCategory
                    + " 起(多发的同类投诉)";
        }
        return null;
    }

    // ---- handling steps --------------------------------------------------------------------------------------

    /** 投诉判断: valid complaints go to the responsible department, invalid ones get a tactful reply. */
    public void assess(long complaintId, boolean valid, String reason, String department, String causeType,
            String invalidReply) {
        Complaint complaint = find(complaintId);
        Map<String, String> errors = new LinkedHashMap<>();
        require(errors, "validityReason", reason, "请填写判断依据");
        if (valid) {
            if (Department.fromCode(department).isEmpty()) {
                errors.put("department", "请选择责任部门");
            }
        } else {
            require(errors, "invalidReply", invalidReply, "投诉不成立时须填写给客户的婉转答复");
        }
        failOn(errors);
        Instant now = calendar.now();
        if (valid) {
            complaint.acceptAsValid(reason.trim(), department, blankToNull(causeType), now);
            explainRecusalRouting(complaint, department, complaint.getOwnerId(), now);
        } else {
            complaint.judgeInvalid(reason.trim(), invalidReply.trim(), now);
        }
    }

    // ---- recusal that empties a department (被投诉人应当回避) -------------------------------------------------------

    /**
     * At intake: each department whose only member is the employee complained about would have nobody left to work
     * the case, and its steps would go to the supervisors (KefuTaskListeners). Said on the case, before anyone refers it.
     */
    private void warnOfEmptiedDepartments(Complaint complaint, String author) {
        String complained = complaint.getComplainedEmployee();
        if (complained == null) {
            return;
        }
        for (Department department : Department.values()) {
            if (onlyMemberIs(department, complained)) {
                complaint.addNote(ComplaintNoteKind.RECUSAL_ROUTING, author, "被投诉员工 " + complained + " 是" + department.label()
                        + "唯一的成员,须回避本案:如转交" + department.label() + ",调查与处理将改由主管承办。",
                        calendar.now());
            }
        }
    }

    /** On referral: the department the case goes to is the complained employee alone, so the supervisors work it. */
    private void explainRecusalRouting(Complaint complaint, String code, String author, Instant now) {
        String complained = complaint.getComplainedEmployee();
        Department department = Department.fromCode(code).orElse(null);
        if (complained != null && department != null && onlyMemberIs(department, complained)) {
            complaint.addNote(ComplaintNoteKind.RECUSAL_ROUTING, author, "本案转交" + department.label() + ",但被投诉员工 " + complained
                    + " 是该部门唯一的成员,须回避:调查、方案与实施改由主管承办(任务在主管的待办中)。", now);
        }
    }

    private boolean onlyMemberIs(Department department, String user) {
        var members = identityService.createUserQuery().memberOfGroup(department.groupId()).listPage(0, 2);
        return members.size() == 1 && members.get(0).getId().equals(user);
    }

    public void closeAsInvalid(long complaintId) {
        Complaint complaint = find(complaintId);
        complaint.closeAsInvalid(calendar.now());
        log.info("Complaint {} closed as invalid", complaint.getCaseNo());
        events.publishEvent(new ComplaintEvents.Closed(complaint.getId(), complaint.getCaseNo(), false));
    }

    /** 展开调查, into the current round. */
    public void recordFindings(long complaintId, String findings, String responsiblePerson, String by) {
        Map<String, String> errors = new LinkedHashMap<>();
        require(errors, "findings", findings, "请填写调查结果");
        failOn(errors);
        find(complaintId).recordFindings(findings.trim(), blankToNull(responsiblePerson), by, calendar.now());
    }

    public void proposeSolutions(long complaintId, String option1, String option2, String option3, String by) {
        Map<String, String> errors = new LinkedHashMap<>();
        require(errors, "solutionOption1", option1, "至少需要提出一个处理方案");
        failOn(errors);
        find(complaintId).proposeSolutions(option1.trim(), blankToNull(option2), blankToNull(option3), by,
                calendar.now());
    }

    /** The supervising leader (主管领导) adopts one option or rejects them all (then the manager decides). */
    public void leaderDecides(long complaintId, String decision, String instruction, String leader) {
        Complaint complaint = find(complaintId);
        Map<String, String> errors = new LinkedHashMap<>();
        require(errors, "leaderInstruction", instruction, "请填写批示");
        Integer option = "REJECTED".equals(decision) ? null : option(errors, "solutionDecision", decision, complaint);
        failOn(errors);
        Instant now = calendar.now();
        complaint.choose(option, instruction.trim(), leader, now);
        complaint.addNote(ComplaintNoteKind.LEADER_INSTRUCTION, leader, instruction.trim(), now);
    }

    /** The manager adopts an option or returns the case to the department for new solutions. */
    public void managerDecides(long complaintId, String decision, String instruction, String manager) {
        Complaint complaint = find(complaintId);
        Map<String, String> errors = new LinkedHashMap<>();
        require(errors, "managerInstruction", instruction, "请填写经理批示");
        Integer option = "RETURN".equals(decision) ? null : option(errors, "managerDecision", decision, complaint);
        failOn(errors);
        Instant now = calendar.now();
        if (option == null) {
            complaint.returnToDepartment(instruction.trim(), manager, now);
        } else {
            complaint.choose(option, instruction.trim(), manager, now);
        }
        complaint.addNote(ComplaintNoteKind.MANAGER_INSTRUCTION, manager, instruction.trim(), now);
    }

    public void recordImplementation(long complaintId, String notes, String penalties, String by) {
        Map<String, String> errors = new LinkedHashMap<>();
        require(errors, "implementationNotes", notes, "请填写实施情况");
        failOn(errors);
        find(complaintId).recordImplementation(notes.trim(), blankToNull(penalties), by, calendar.now());
    }

    /** The customer is told the result and accepts (how they confirmed is recorded) or not (back to solutions). */
    public Instant recordCustomerResponse(long complaintId, boolean accepted, String method, String reference,
            String feedback, String owner) {
        Complaint complaint = find(complaintId);
        Map<String, String> errors = new LinkedHashMap<>();
        if (accepted) {
            require(errors, "acceptanceMethod", method, "请选择客户确认方式");
            offered(errors, "acceptanceMethod", method, "请选择表单提供的客户确认方式");
        } else {
            require(errors, "customerFeedback", feedback, "客户不接受时须记录客户意见");
        }
        failOn(errors);
        Instant now = calendar.now();
        if (!accepted) {
            complaint.customerRejects(owner, now);
            complaint.addNote(ComplaintNoteKind.CUSTOMER_FEEDBACK, owner, feedback.trim(), now);
            return null;
        }
        Instant visitDue = now.plus(settings.returnVisitDays(), ChronoUnit.DAYS);
        complaint.customerAccepts(method, blankToNull(reference), owner, now, visitDue);
        if (feedback != null && !feedback.isBlank()) {
            complaint.addNote(ComplaintNoteKind.CUSTOMER_FEEDBACK, owner, feedback.trim(), now);
        }
        return visitDue;
    }

    public void recordReturnVisit(long complaintId, Satisfaction satisfaction, String remarks, String improvement,
            String owner) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (satisfaction == null) {
            errors.put("satisfaction", "请选择客户满意度");
        }
        require(errors, "visitRemarks", remarks, "请填写回访记录");
        failOn(errors);
        Complaint complaint = find(complaintId);
        Instant now = calendar.now();
        complaint.recordReturnVisit(satisfaction, remarks.trim(), owner, now);
        if (improvement != null && !improvement.isBlank()) {
            complaint.addNote(ComplaintNoteKind.IMPROVEMENT, owner, improvement.trim(), now);
        }
    }

    /**
     * 不满意: the case is reopened with a fresh resolution deadline instead of closing, in a new round: the forms work
     * on it from now on, the earlier rounds keep their investigation, decision, implementation and visit.
     */
    public Instant reopen(long complaintId) {
        Complaint complaint = find(complaintId);
        int hours = complaint.getResolutionHours() == null ? 40 : complaint.getResolutionHours();
        Instant now = calendar.now();
        Instant due = calendar.addWorkingTime(now, Duration.ofHours(hours));
        complaint.reopen(due, now);
        log.info("Complaint {} reopened: round {}", complaint.getCaseNo(), complaint.currentRound().getNumber());
        return due;
    }

    public void reviewReopened(long complaintId, String instruction, String department, String manager) {
        Map<String, String> errors = new LinkedHashMap<>();
        require(errors, "managerInstruction", instruction, "请填写经理批示");
        if (Department.fromCode(department).isEmpty()) {
            errors.put("department", "请选择责任部门");
        }
        failOn(errors);
        Complaint complaint = find(complaintId);
        complaint.reassign(department);
        complaint.addNote(ComplaintNoteKind.MANAGER_INSTRUCTION, manager, instruction.trim(), calendar.now());
        explainRecusalRouting(complaint, department, manager, calendar.now());
    }

    public void recordRootCause(long complaintId, String rootCause, String measures) {
        Map<String, String> errors = new LinkedHashMap<>();
        require(errors, "rootCause", rootCause, "请填写根本原因分析");
        require(errors, "preventiveMeasures", measures, "请填写改进措施");
        failOn(errors);
        find(complaintId).recordRootCause(rootCause.trim(), measures.trim());
    }

    /** 总结评价: closes the case with its final classification for the monthly statistics. */
    public void close(long complaintId, ComplaintCategory category, String summary) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (category == null) {
            errors.put("closingCategory", "请选择最终投诉类别");
        }
        require(errors, "closingSummary", summary, "请填写总结评价");
        failOn(errors);
        Complaint complaint = find(complaintId);
        complaint.close(category, summary.trim(), calendar.now());
        log.info("Complaint {} closed as {}", complaint.getCaseNo(), category);
        events.publishEvent(new ComplaintEvents.Closed(complaint.getId(), complaint.getCaseNo(), true));
    }

    /** A deadline passed: the case records the breach (the process escalates). */
    public void recordBreach(long complaintId, BreachType type) {
        Complaint complaint = find(complaintId);
        Instant deadline = switch (type) {
            case RESPONSE -> complaint.getResponseDue();
            case RESOLUTION -> complaint.getResolutionDue();
            case RETURN_VISIT -> complaint.getReturnVisitDue();
        };
        complaint.recordBreach(type, deadline == null ? calendar.now() : deadline, calendar.now());
        log.warn("Complaint {} missed its {} deadline ({})", complaint.getCaseNo(), type, deadline);
        events.publishEvent(new ComplaintEvents.SlaBreached(complaint.getId(), complaint.getCaseNo(), type));
    }

    public void addNote(long complaintId, ComplaintNoteKind kind, String author, String text, String field) {
        Map<String, String> errors = new LinkedHashMap<>();
        require(errors, field, text, "请填写说明");
        failOn(errors);
        find(complaintId).addNote(kind, author, text.trim(), calendar.now());
    }

    // ---- reading ---------------------------------------------------------------------------------------------

    /** The complaint Kefu bound to this process instance (the case a task of it works on), if any. */
    @Transactional(readOnly = true)
    public Optional<Complaint> forProcessInstance(String processInstanceId) {
        return bindings.find(processInstanceId);
    }

    /** The states of these complaints (id → state) in one query, for pages listing many records linked to them. */
    @Transactional(readOnly = true)
    public Map<Long, ComplaintStatus> statesOf(Collection<Long> complaintIds) {
        return complaints.findAllById(complaintIds).stream()
                .collect(Collectors.toMap(Complaint::getId, Complaint::getStatus));
    }

    @Transactional(readOnly = true)
    public Complaint find(long complaintId) {
        return complaints.findById(complaintId)
                .orElseThrow(() -> new NotFoundException("投诉 " + complaintId + " 不存在"));
    }

    /**
     * The customer's open complaints as a line each (案件编号 类别(状态)), newest first, at most {@code limit}: what a
     * contract's termination must see settled first.
     */
    @Transactional(readOnly = true)
    public List<String> openCasesOf(long customerId, int limit) {
        return search(new ComplaintSearch(null, customerId, null, null, null, true, null, null),
                PageRequest.of(0, limit, Sort.by(Sort.Direction.DESC, "id")))
                .map(c -> c.getCaseNo() + " " + c.getCategory().label() + "(" + c.getStatus().label() + ")")
                .getContent();
    }

    @Transactional(readOnly = true)
    public Page<Complaint> search(ComplaintSearch search, Pageable page) {
        return complaints.findAll(search.toSpecification(calendar.now()), page);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private Integer option(Map<String, String> errors, String field, String decision, Complaint complaint) {
        int option = switch (decision == null ? "" : decision) {
            case "OPTION_1" -> 1;
            case "OPTION_2" -> 2;
            case "OPTION_3" -> 3;
            default -> 0;
        };
        if (option == 0) {
            errors.put(field, "请选择审批结果");
            return null;
        }
        if (complaint.currentRound().optionText(option) == null) {
            errors.put(field, optionLabel(option) + "未填写,不能采用");
            return null;
        }
        return option;
    }

    /**
     * A coded value must be one the forms offer for the field (so that every stored code reads as its label); a field
     * the forms offer no options for takes any value.
     */
    private void offered(Map<String, String> errors, String field, String value, String message) {
        FormLabels.Options options = formLabels.current();
        if (value != null && !value.isBlank() && options.hasOptions(field) && options.label(field, value).isEmpty()) {
            errors.putIfAbsent(field, message);
        }
    }

    /** Option n as the form that proposes the options names it (方案三): one source for the form and the message. */
    private String optionLabel(int option) {
        return formLabels.current().fieldLabel("solutionOption" + option).orElse("方案" + option);
    }

}
