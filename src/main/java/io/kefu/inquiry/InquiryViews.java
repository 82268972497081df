package io.kefu.inquiry;

import io.kefu.identity.DataAccessLog;
import io.kefu.customer.CustomerDetails;
import io.kefu.customer.CustomerService;
import java.util.Map;
import io.kefu.identity.CurrentUser;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Inquiries as a user may see them, for the API and the console alike: agents their own, supervisors, managers and
 * auditors all; the caller masked unless the viewer is entitled to the personal data.
 */
@Component
class InquiryViews {

    private final InquiryService inquiries;
    private final DataAccessLog accessLog;
    private final CustomerService customers;

    InquiryViews(InquiryService inquiries, DataAccessLog accessLog, CustomerService customers) {
        this.inquiries = inquiries;
        this.accessLog = accessLog;
        this.customers = customers;
    }

    @Transactional(readOnly = true)
    Page<InquiryView> search(InquirySearch search, Pageable page, CurrentUser user) {
        InquirySearch scoped = search.restrictedTo(seesAll(user) ? null : user.id());
        Page<Inquiry> found = inquiries.search(scoped, page);
        Map<Long, CustomerDetails> customersById = customers.byIdsMap(found.map(Inquiry::getCustomerId).toList());
        return found.map(i -> view(i, customersById.get(i.getCustomerId()), user));
    }

    /**
     * The caller's name and phone in full for the agent who took the inquiry, supervisors and managers, and the
     * specialist of the customer who called; masked for everyone else (auditors included).
     */
    InquiryView view(Inquiry inquiry, CurrentUser user) {
        return view(inquiry, inquiry.getCustomerId() == null ? null : customers.find(inquiry.getCustomerId()), user);
    }

    /** {@link #view(Inquiry, CurrentUser)} with the customer who called (null: none recorded) already at hand. */
    private InquiryView view(Inquiry inquiry, CustomerDetails customer, CurrentUser user) {
        boolean unmasked = inquiry.isTakenBy(user.id()) || user.isSupervisorOrManager()
                || (customer != null && CustomerService.mayReadPersonalData(customer, user));
        if (unmasked && customer != null) {
            accessLog.personalDataRead(user.id(), inquiry.getCustomerId(), null, "咨询记录 " + inquiry.getId());
        }
        return InquiryView.of(inquiry, customer == null ? null : customer.code(), unmasked);
    }

    static boolean seesAll(CurrentUser user) {
        return user.isSupervisorOrManager() || user.isAuditor();
    }
}
