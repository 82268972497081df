package io.kefu.inquiry;

import io.kefu.audit.DataAccessLog;
import io.kefu.customer.CustomerService;
import io.kefu.identity.CurrentUser;
import io.kefu.shared.NotFoundException;
import jakarta.validation.Valid;
import java.net.URI;
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

/**
 * Hotline, online and walk-in inquiries: agents record them and see their own; supervisors, managers and auditors
 * see all. {@code GET /api/inquiries?from=2026-10-01&to=2026-10-31&category=FRANCHISE&channel=&outcome=&takenBy=}.
 */
@RestController
@RequestMapping("/api/inquiries")
class InquiryController {

    private final InquiryService inquiries;
    private final DataAccessLog accessLog;

    InquiryController(InquiryService inquiries, DataAccessLog accessLog) {
        this.inquiries = inquiries;
        this.accessLog = accessLog;
    }

    @PostMapping
    @Transactional
    ResponseEntity<InquiryView> create(@Valid @RequestBody InquiryRequest request) {
        CurrentUser user = CurrentUser.get();
        Inquiry inquiry = inquiries.record(request, user.id());
        return ResponseEntity.created(URI.create("/api/inquiries/" + inquiry.getId())).body(view(inquiry, user));
    }

    @GetMapping("/{id}")
    @Transactional(readOnly = true)
    InquiryView get(@PathVariable long id) {
        CurrentUser user = CurrentUser.get();
        Inquiry inquiry = inquiries.find(id);
        if (!seesAll(user) && !inquiry.isTakenBy(user.id())) {
            // not "forbidden": whether an inquiry exists is itself confidential
            throw new NotFoundException("咨询 " + id + " 不存在");
        }
        return view(inquiry, user);
    }

    @GetMapping
    @Transactional(readOnly = true)
    Page<InquiryView> search(InquirySearch search,
            @PageableDefault(size = 20, sort = "id", direction = Sort.Direction.DESC) Pageable page) {
        CurrentUser user = CurrentUser.get();
        InquirySearch scoped = search.restrictedTo(seesAll(user) ? null : user.id());
        return inquiries.search(scoped, page).map(i -> view(i, user));
    }

    /**
     * The caller's name and phone in full for the agent who took the inquiry, supervisors and managers, and the
     * specialist of the customer who called; masked for everyone else (auditors included).
     */
    private InquiryView view(Inquiry inquiry, CurrentUser user) {
        boolean unmasked = inquiry.isTakenBy(user.id()) || user.isSupervisorOrManager()
                || (inquiry.getCustomer() != null && CustomerService.mayReadPersonalData(inquiry.getCustomer(), user));
        if (unmasked && inquiry.getCustomer() != null) {
            accessLog.personalDataRead(user.id(), inquiry.getCustomer().getId(), null, "咨询记录 " + inquiry.getId());
        }
        return InquiryView.of(inquiry, unmasked);
    }

    private static boolean seesAll(CurrentUser user) {
        return user.isSupervisorOrManager() || user.isAuditor();
    }
}
