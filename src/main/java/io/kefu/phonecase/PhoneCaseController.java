package io.kefu.phonecase;

import io.kefu.identity.DataAccessLog;
import io.kefu.customer.PersonalData;
import io.kefu.identity.CurrentUser;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 个案: {@code POST /api/inquiries/{id}/phone-case} turns a recorded inquiry into a case (转为个案, hotline staff);
 * {@code GET /api/phone-cases} and {@code /api/phone-cases/{id}} read them — the owner, the department it was passed
 * to, and supervisors, managers and auditors; the person and contact in full for the owner, supervisors and managers.
 */
@RestController
class PhoneCaseController {

    private final PhoneCaseService cases;
    private final DataAccessLog accessLog;

    PhoneCaseController(PhoneCaseService cases, DataAccessLog accessLog) {
        this.cases = cases;
        this.accessLog = accessLog;
    }

    @PostMapping("/api/inquiries/{id}/phone-case")
    @Transactional
    ResponseEntity<PhoneCaseView> open(@PathVariable long id, @Valid @RequestBody(required = false)
            PhoneCaseRequest request) {
        CurrentUser user = CurrentUser.get();
        PhoneCase opened = cases.openFromInquiry(id, request, user);
        return ResponseEntity.created(URI.create("/api/phone-cases/" + opened.getId())).body(view(opened, user));
    }

    @GetMapping("/api/phone-cases/{id}")
    @Transactional(readOnly = true)
    PhoneCaseView get(@PathVariable long id) {
        CurrentUser user = CurrentUser.get();
        return view(cases.readable(id, user), user);
    }

    @GetMapping("/api/phone-cases")
    @Transactional(readOnly = true)
    Page<PhoneCaseView> search(@RequestParam(required = false) PhoneCaseStatus status,
            @PageableDefault(size = 20, sort = "id", direction = Sort.Direction.DESC) Pageable page) {
        CurrentUser user = CurrentUser.get();
        PersonalData.requireMaySortBy(user, page.getSort());
        return cases.search(status, user, page).map(c -> view(c, user));
    }

    private PhoneCaseView view(PhoneCase phoneCase, CurrentUser user) {
        boolean unmasked = PhoneCaseService.mayReadPersonalData(phoneCase, user);
        if (unmasked && phoneCase.getCustomerId() != null) {
            accessLog.personalDataRead(user.id(), phoneCase.getCustomerId(), phoneCase.getCaseNo(),
                    "个案 " + phoneCase.getCaseNo());
        }
        return PhoneCaseView.of(phoneCase, unmasked);
    }
}
