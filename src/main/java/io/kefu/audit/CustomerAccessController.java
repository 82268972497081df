package io.kefu.audit;

import io.kefu.customer.CustomerService;
import io.kefu.identity.CurrentUser;
import io.kefu.identity.DataAccessLog;
import io.kefu.shared.web.FixedOrderPages;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who read or exported a customer's personal data, newest first: the customer's own list, beside the customer 360
 * page. A case's timeline shows only the reads of that case; this list shows all of them, with the case when there
 * was one. For those who oversee every case (auditors, supervisors, managers).
 */
@RestController
@RequestMapping("/api/customers/{id}/access-log")
class CustomerAccessController {

    private final CustomerService customers;
    private final DataAccessLog accessLog;

    CustomerAccessController(CustomerService customers, DataAccessLog accessLog) {
        this.customers = customers;
        this.accessLog = accessLog;
    }

    /** One read or export, in words. */
    record AccessView(java.time.Instant at, String username, String action, String actionLabel, String caseKey,
            String what) {

        static AccessView of(DataAccessLog.Access access) {
            return new AccessView(access.at(), access.username(), access.action().name(), access.action().label(),
                    access.caseKey(), access.what());
        }
    }

    @GetMapping
    Page<AccessView> accessLog(@PathVariable long id, @PageableDefault(size = 50) Pageable page) {
        CurrentUser user = CurrentUser.get();
        if (!CaseDirectory.seesEveryCase(user)) {
            throw new AccessDeniedException("access log of customer " + id);
        }
        customers.find(id); // 404 for an unknown customer
        return accessLog.ofCustomer(id, FixedOrderPages.requireUnsorted(page, "时间由新到旧")).map(AccessView::of);
    }
}
