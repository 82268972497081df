package io.kefu.notification;

import io.kefu.customer.CustomerDetails;
import io.kefu.customer.CustomerService;
import io.kefu.customer.PersonalData;
import io.kefu.identity.CurrentUser;
import io.kefu.notification.Notice.RecipientType;
import io.kefu.shared.NotFoundException;
import io.kefu.shared.time.WorkingHours;
import java.util.Map;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The notice archive (通知归档): every notice Kefu sent or tried to send, searchable; staff and auditors read it. A
 * customer's address is shown in full only to the customer's specialist, supervisors and managers.
 */
@RestController
@RequestMapping("/api/notices")
class NoticeController {

    private final NoticeRepository notices;
    private final CustomerService customers;
    private final NotificationService notifications;
    private final WorkingHours hours;

    NoticeController(NoticeRepository notices, CustomerService customers, NotificationService notifications,
            WorkingHours hours) {
        this.notices = notices;
        this.customers = customers;
        this.notifications = notifications;
        this.hours = hours;
    }

    @GetMapping
    @Transactional(readOnly = true)
    Page<NoticeView> search(NoticeSearch search,
            @PageableDefault(size = 20, sort = "id", direction = Sort.Direction.DESC) Pageable page) {
        CurrentUser user = CurrentUser.get();
        PersonalData.requireMaySortBy(user, page.getSort());
        Page<Notice> found = notices.findAll(search.toSpecification(hours.zone()), page);
        Map<Long, CustomerDetails> byId = customers.byIdsMap(found.map(Notice::getCustomerId).toList());
        return found.map(n -> NoticeView.of(n, unmasked(n, byId.get(n.getCustomerId()), user)));
    }

    @GetMapping("/{id}")
    @Transactional(readOnly = true)
    NoticeView get(@PathVariable long id) {
        return view(find(id));
    }

    /** Sends a failed notice (or one whose channel was off) again, with the engine's retries; 409 for any other. */
    @PostMapping("/{id}/resend")
    @Transactional
    NoticeView resend(@PathVariable long id) {
        return view(notifications.resend(find(id), CurrentUser.get()));
    }

    private NoticeView view(Notice notice) {
        CustomerDetails customer = notice.getCustomerId() == null ? null
                : customers.byId(notice.getCustomerId()).orElse(null);
        return NoticeView.of(notice, unmasked(notice, customer, CurrentUser.get()));
    }

    private Notice find(long id) {
        return notices.findById(id).orElseThrow(() -> new NotFoundException("通知 " + id + " 不存在"));
    }

    private static boolean unmasked(Notice notice, CustomerDetails customer, CurrentUser user) {
        if (notice.getRecipientType() == RecipientType.USER) {
            return true;
        }
        return customer != null ? CustomerService.mayReadPersonalData(customer, user) : user.isSupervisorOrManager();
    }
}
