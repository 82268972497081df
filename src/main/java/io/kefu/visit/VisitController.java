package io.kefu.visit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import io.kefu.complaint.ComplaintService;
import io.kefu.complaint.ComplaintStatus;
import io.kefu.customer.CustomerDetails;
import io.kefu.customer.CustomerService;
import io.kefu.customer.PersonalData;
import io.kefu.identity.CurrentUser;
import io.kefu.shared.InvalidInputException;
import io.kefu.task.FormFields;
import io.kefu.shared.NotFoundException;
import io.kefu.shared.time.BusinessCalendar;
import io.kefu.visit.SurveyService.CampaignRequest;
import io.kefu.visit.SurveyService.CampaignResults;
import io.kefu.visit.SurveyService.DeliveryRequest;
import io.kefu.visit.process.VisitProcess;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Visits (回访): due, overdue and done lists, one visit, rescheduling, the visit summary; surveys and follow-ups. */
@RestController
@RequestMapping("/api")
class VisitController {

    private final VisitService visits;
    private final VisitRepository repository;
    private final SurveyService surveys;
    private final ComplaintService complaints;
    private final TaskService taskService;
    private final BusinessCalendar calendar;
    private final io.kefu.shared.time.WorkingHours hours;
    private final CustomerService customers;

    VisitController(VisitService visits, VisitRepository repository, SurveyService surveys, ComplaintService complaints,
            TaskService taskService, BusinessCalendar calendar, io.kefu.shared.time.WorkingHours hours,
            CustomerService customers) {
        this.customers = customers;
        this.visits = visits;
        this.repository = repository;
        this.surveys = surveys;
        this.complaints = complaints;
        this.taskService = taskService;
        this.calendar = calendar;
        this.hours = hours;
    }

    @GetMapping("/visits")
    @Transactional(readOnly = true)
    Page<VisitView> search(VisitSearch search,
            @PageableDefault(size = 20, sort = "dueDate", direction = Sort.Direction.DESC) Pageable page) {
        if (search.state() != null && !search.state().isBlank() && !VisitSearch.STATES.contains(search.state().toLowerCase())) {
            throw InvalidInputException.of("state",
                    "无法识别的值: " + search.state() + "(可选 " + String.join("/", VisitSearch.STATES) + ")");
        }
        CurrentUser user = CurrentUser.get();
        PersonalData.requireMaySortBy(user, page.getSort());
        VisitSearch scoped = seesAll(user) ? search.restrictedTo(null, null) : search.restrictedTo(user.id(), user.groups());
        Page<Visit> found = visits.search(scoped, page);
        Map<Long, CustomerDetails> customersById = customers.byIdsMap(found.map(Visit::getCustomerId).toList());
        return found.map(v -> view(v, customersById.get(v.getCustomerId()), user));
    }

    @GetMapping("/visits/{id}")
    @Transactional(readOnly = true)
    VisitView get(@PathVariable long id) {
        CurrentUser user = CurrentUser.get();
        return view(readable(id, user), user);
    }

    record RescheduleRequest(@Size(max = 40, message = "改约时间格式不正确") String appointmentAt,
            @Size(max = 500, message = "改约原因最多 500 个字符") String reason) {
    }

    /** 再约一个方便的时间 over the API: completes the open visit task as "not reached" with the new time. */
    @PostMapping("/visits/{id}/reschedule")
    @Transactional
    VisitView reschedule(@PathVariable long id, @Valid @RequestBody RescheduleRequest request) {
        CurrentUser user = CurrentUser.get();
        Visit visit = readable(id, user);
        visits.requireMayWork(visit, user);
        Task task = visit.getProcessInstanceId() == null ? null : taskService.createTaskQuery()
                .processInstanceId(visit.getProcessInstanceId())
                .taskDefinitionKey(VisitProcess.TASK_CONDUCT_VISIT).singleResult();
        if (task == null) {
            throw new io.kefu.shared.ConflictException("回访 " + visit.getVisitNo() + " 当前没有待回访任务,不能改约");
        }
        Instant at = parse(request.appointmentAt());
        visits.checkReschedule(id, at, request.reason());
        taskService.complete(task.getId(), Map.of(VisitProcess.CUSTOMER_REACHED, false,
                VisitProcess.APPOINTMENT_AT, java.util.Date.from(at), "rescheduleReason", request.reason()));
        return view(visits.find(id), user);
    }

    @GetMapping("/visits/summary")
    @Transactional(readOnly = true)
    VisitSummary summary(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        if (from == null || to == null || to.isBefore(from)) {
            throw new InvalidInputException(from == null ? Map.of("from", "请填写统计开始日期")
                    : to == null ? Map.of("to", "请填写统计结束日期") : Map.of("to", "结束日期不能早于开始日期"));
        }
        List<Visit> due = repository.findDueBetween(from, to);
        // the linked complaints' states in one query, not one per complaint
        Map<Long, ComplaintStatus> complaintStates = complaints.statesOf(due.stream().map(Visit::getComplaintId)
                .filter(Objects::nonNull).toList());
        return VisitSummary.of(from, to, due, calendar.now(), complaintStates::get);
    }

    @PostMapping("/surveys/campaigns")
    @Transactional
    ResponseEntity<CampaignResults> startCampaign(@Valid @RequestBody CampaignRequest request) {
        VisitCampaign campaign = surveys.startCampaign(request, CurrentUser.get());
        return ResponseEntity.created(URI.create("/api/surveys/campaigns/" + campaign.getId()))
                .body(surveys.results(campaign.getId()));
    }

    @GetMapping("/surveys/campaigns/{id}")
    @Transactional(readOnly = true)
    CampaignResults campaign(@PathVariable long id) {
        return surveys.results(id);
    }

    @PostMapping("/surveys/delivery-follow-ups")
    @Transactional
    ResponseEntity<VisitView> deliveryFollowUp(@Valid @RequestBody DeliveryRequest request) {
        CurrentUser user = CurrentUser.get();
        Visit visit = surveys.startDeliveryFollowUp(request, user);
        return ResponseEntity.created(URI.create("/api/visits/" + visit.getId())).body(view(visit, user));
    }

    private Visit readable(long id, CurrentUser user) {
        Visit visit = visits.find(id);
        if (!seesAll(user) && !VisitSearch.visibleTo(visit, visits.customerOf(visit), user.id(), user.groups())) {
            // not "forbidden": whether a visit of a customer exists is itself confidential
            throw new NotFoundException("回访 " + id + " 不存在");
        }
        return visit;
    }

    private VisitView view(Visit visit, CurrentUser user) {
        return view(visit, visits.customerOf(visit), user);
    }

    private VisitView view(Visit visit, CustomerDetails customer, CurrentUser user) {
        return VisitView.of(visit, customer, CustomerService.mayReadPersonalData(customer, user), calendar.now());
    }

    private static boolean seesAll(CurrentUser user) {
        return user.isSupervisorOrManager() || user.isAuditor();
    }

    private Instant parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return FormFields.parseDateTime(value, hours.zone());
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of("appointmentAt", "时间格式不正确,例如 2026-11-24T15:00");
        }
    }
}
