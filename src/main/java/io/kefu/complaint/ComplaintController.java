package io.kefu.complaint;

import io.kefu.identity.DataAccessLog;
import io.kefu.customer.CustomerDetails;
import io.kefu.customer.CustomerService;
import io.kefu.customer.PersonalData;
import io.kefu.identity.CurrentUser;
import io.kefu.identity.KefuGroups;
import io.kefu.shared.NotFoundException;
import io.kefu.shared.time.BusinessCalendar;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Complaints from other channels (web, email, WeChat gateways) and the case list. */
@RestController
@RequestMapping("/api/complaints")
class ComplaintController {

    private final ComplaintService complaints;
    private final BusinessCalendar calendar;
    private final DataAccessLog accessLog;
    private final CustomerService customers;

    ComplaintController(ComplaintService complaints, BusinessCalendar calendar, DataAccessLog accessLog,
            CustomerService customers) {
        this.complaints = complaints;
        this.customers = customers;
        this.calendar = calendar;
        this.accessLog = accessLog;
    }

    @PostMapping
    @Transactional
    ResponseEntity<ComplaintView> create(@Valid @RequestBody ComplaintIntake intake) {
        CurrentUser user = CurrentUser.get();
        Complaint complaint = complaints.openCase(intake, user);
        return ResponseEntity.created(URI.create("/api/complaints/" + complaint.getId()))
                .body(view(complaint, complaints.customerOf(complaint), user));
    }

    @GetMapping("/{id}")
    @Transactional(readOnly = true)
    ComplaintView get(@PathVariable long id) {
        CurrentUser user = CurrentUser.get();
        Complaint complaint = complaints.find(id);
        if (!mayRead(complaint, user)) {
            // not "forbidden": whether a case exists is itself confidential
            throw new NotFoundException("投诉 " + id + " 不存在");
        }
        return view(complaint, complaints.customerOf(complaint), user);
    }

    @GetMapping
    @Transactional(readOnly = true)
    Page<ComplaintView> search(ComplaintSearch search,
            @PageableDefault(size = 20, sort = "id", direction = Sort.Direction.DESC) Pageable page) {
        CurrentUser user = CurrentUser.get();
        PersonalData.requireMaySortBy(user, page.getSort());
        ComplaintSearch scoped = seesAll(user) ? search.restrictedTo(null, null)
                : search.restrictedTo(user.id(), departments(user));
        Page<Complaint> found = complaints.search(scoped, page);
        Map<Long, CustomerDetails> customersById = customers.byIdsMap(found.map(Complaint::getCustomerId).toList());
        return found.map(c -> view(c, customersById.get(c.getCustomerId()), user));
    }

    private ComplaintView view(Complaint complaint, CustomerDetails customer, CurrentUser user) {
        boolean unmasked = user.id().equals(complaint.getOwnerId())
                || CustomerService.mayReadPersonalData(customer, user);
        if (unmasked) {
            accessLog.personalDataRead(user.id(), complaint.getCustomerId(), complaint.getCaseNo(), "投诉记录");
        }
        return ComplaintView.of(complaint, customer, unmasked, calendar.now());
    }

    static boolean seesAll(CurrentUser user) {
        return user.isSupervisorOrManager() || user.isAuditor();
    }

    private static boolean mayRead(Complaint complaint, CurrentUser user) {
        return seesAll(user) || user.id().equals(complaint.getOwnerId())
                || (complaint.getDepartment() != null && departments(user).contains(complaint.getDepartment()));
    }

    static Set<String> departments(CurrentUser user) {
        return departments(user.groups());
    }

    /** The department codes among these Camunda group ids. */
    static Set<String> departments(Set<String> groups) {
        return groups.stream()
                .filter(g -> g.startsWith(KefuGroups.DEPARTMENT_PREFIX))
                .map(g -> g.substring(KefuGroups.DEPARTMENT_PREFIX.length()))
                .collect(Collectors.toSet());
    }
}
