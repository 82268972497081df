package io.kefu.inquiry;

import io.kefu.identity.DataAccessLog;
import io.kefu.customer.CustomerService;
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

    InquiryViews(InquiryService inquiries, DataAccessLog accessLog) {
        this.inquiries = inquiries;
        this.accessLog = accessLog;
    }

    @Transactional(readOnly = true)
    Page<InquiryView> search(InquirySearch search, Pageable page, CurrentUser user) {
        InquirySearch scoped = search.restrictedTo(seesAll(user) ? null : user.id());
        return inquiries.search(scoped, page).map(i -> view(i, user));
    }

    /**
     * The caller's name and phone in full for the agent who took the inquiry, supervisors and managers, and the
     * specialist of the customer who called; masked for everyone else (auditors included).
     */
    InquiryView view(Inquiry inquiry, CurrentUser user) {
        boolean unmasked = inquiry.isTakenBy(user.id()) || user.isSupervisorOrManager()
                || (inquiry.getCustomer() != null && CustomerService.mayReadPersonalData(inquiry.getCustomer(), user));
        if (unmasked && inquiry.getCustomer() != null) {
            accessLog.personalDataRead(user.id(), inquiry.getCustomer().getId(), null, "咨询记录 " + inquiry.getId());
        }
        return InquiryView.of(inquiry, unmasked);
    }

    static boolean seesAll(CurrentUser user) {
        return user.isSupervisorOrManager() || user.isAuditor();
    }
}
