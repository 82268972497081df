package io.kefu.inquiry;

import static io.kefu.shared.FieldErrors.blankToNull;
import static io.kefu.shared.FieldErrors.failOn;
import io.kefu.shared.phone.PhoneNumbers;
import io.kefu.customer.CustomerDetails;
import io.kefu.customer.CustomerService;
import io.kefu.identity.CurrentUser;
import io.kefu.identity.KefuGroups.Department;
import io.kefu.shared.ConflictException;
import io.kefu.shared.NotFoundException;
import io.kefu.shared.time.Now;
import io.kefu.shared.time.WorkingHours;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records the inquiries agents take (P3) and finds them again. */
@Service
public class InquiryService {

    private final InquiryRepository inquiries;
    private final CustomerService customers;
    private final WorkingHours hours;

    InquiryService(InquiryRepository inquiries, CustomerService customers, WorkingHours hours) {
        this.inquiries = inquiries;
        this.customers = customers;
        this.hours = hours;
    }

    /**
     * An inquiry recorded by the logged-in user (API and console alike), who is {@code takenBy}: the hotline's staff
     * (agents, supervisors, managers) take inquiries; departments and auditors do not (403).
     */
    @Transactional
    public Inquiry record(InquiryRequest request, CurrentUser user) {
        if (!mayRecord(user)) {
            throw new AccessDeniedException(user.id() + " may not record inquiries");
        }
        return record(request, user.id());
    }

    /** Who records inquiries: hotline staff. */
    public static boolean mayRecord(CurrentUser user) {
        return user.isHotlineStaff();
    }

    /**
     * Records an inquiry taken by {@code takenBy}; what the annotations cannot check is named here (400). Unchecked,
     * for the demo data (users go through the method above).
     */
    @Transactional
    public Inquiry record(InquiryRequest request, String takenBy) {
        Map<String, String> errors = new LinkedHashMap<>();
        Instant now = Now.instant();
        Instant receivedAt = request.receivedAt() == null ? now : request.receivedAt();
        if (receivedAt.isAfter(now)) {
            errors.put("receivedAt", "咨询时间不能晚于现在");
        }
        if (request.outcome() == InquiryOutcome.CASE) {
            errors.put("outcome", "转为个案请先登记咨询,再在咨询记录上选择“转为个案”");
        }
        String department = blankToNull(request.department());
        if (request.outcome() == InquiryOutcome.REFERRED) {
            if (department == null) {
                errors.put("department", "转交部门时请选择部门");
            } else if (Department.fromCode(department).isEmpty()) {
                errors.put("department", "部门 " + department + " 不存在");
            }
        }
        CustomerDetails customer = null;
        if (request.customerId() != null) {
            customer = customers.byId(request.customerId()).orElse(null);
            if (customer == null) {
                errors.put("customerId", "客户 " + request.customerId() + " 不存在");
            }
        }
        failOn(errors);
        return inquiries.save(new Inquiry(receivedAt, receivedAt.atZone(hours.zone()).toLocalDate(), request.channel(),
                request.category(), request.callerName().trim(), PhoneNumbers.normalisedOrNull(request.callerPhone()),
                blankToNull(request.region()), customer == null ? null : customer.id(), request.summary().trim(),
                request.outcome(), department,
                takenBy, now));
    }

    @Transactional(readOnly = true)
    public Inquiry find(long id) {
        return inquiries.findById(id).orElseThrow(() -> new NotFoundException("咨询 " + id + " 不存在"));
    }

    /**
     * What a case (个案) takes over from the inquiry it is opened from: when and where, who called and on which number,
     * what about, which customer, and the agent who took the call (the case's first-contact owner).
     */
    public record CaseHandover(long inquiryId, Instant receivedAt, String region, String callerName,
            String callerPhone, String summary, Long customerId, String takenBy) {
    }

    /**
     * 转为个案 on the inquiry's side: the inquiry is marked as turned into a case and handed over. An inquiry the user
     * may not read is unknown (404: whether it exists is itself confidential); only hotline staff open cases (403); an
     * inquiry that is a case already is a conflict (409).
     */
    public CaseHandover turnIntoCase(long inquiryId, CurrentUser user) {
        Inquiry inquiry = find(inquiryId);
        if (!InquiryViews.seesAll(user) && !inquiry.isTakenBy(user.id())) {
            throw new NotFoundException("咨询 " + inquiryId + " 不存在");
        }
        if (!mayRecord(user)) {
            throw new AccessDeniedException(user.id() + " may not open phone cases");
        }
        if (inquiry.getOutcome() == InquiryOutcome.CASE) {
            throw new ConflictException("咨询 " + inquiryId + " 已转为个案");
        }
        inquiry.turnIntoCase();
        return new CaseHandover(inquiry.getId(), inquiry.getReceivedAt(), inquiry.getRegion(), inquiry.getCallerName(),
                inquiry.getCallerPhone(), inquiry.getSummary(),
                inquiry.getCustomerId(), inquiry.getTakenBy());
    }

    @Transactional(readOnly = true)
    public Page<Inquiry> search(InquirySearch search, Pageable page) {
        return inquiries.findAll(search.toSpecification(), page);
    }

    /** Whether any inquiry has been recorded (the demo data records its own once). */
    @Transactional(readOnly = true)
    public boolean anyRecorded() {
        return inquiries.count() > 0;
    }
}
