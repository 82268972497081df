package io.kefu.inquiry;

import io.kefu.customer.PersonalData;
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
    private final InquiryViews views;

    InquiryController(InquiryService inquiries, InquiryViews views) {
        this.inquiries = inquiries;
        this.views = views;
    }

    @PostMapping
    @Transactional
    ResponseEntity<InquiryView> create(@Valid @RequestBody InquiryRequest request) {
        CurrentUser user = CurrentUser.get();
        Inquiry inquiry = inquiries.record(request, user);
        return ResponseEntity.created(URI.create("/api/inquiries/" + inquiry.getId())).body(views.view(inquiry, user));
    }

    @GetMapping("/{id}")
    @Transactional(readOnly = true)
    InquiryView get(@PathVariable long id) {
        CurrentUser user = CurrentUser.get();
        Inquiry inquiry = inquiries.find(id);
        if (!InquiryViews.seesAll(user) && !inquiry.isTakenBy(user.id())) {
            // not "forbidden": whether an inquiry exists is itself confidential
            throw new NotFoundException("咨询 " + id + " 不存在");
        }
        return views.view(inquiry, user);
    }

    @GetMapping
    @Transactional(readOnly = true)
    Page<InquiryView> search(InquirySearch search,
            @PageableDefault(size = 20, sort = "id", direction = Sort.Direction.DESC) Pageable page) {
        CurrentUser user = CurrentUser.get();
        PersonalData.requireMaySortBy(user, page.getSort());
        return views.search(search, page, user);
    }
}
