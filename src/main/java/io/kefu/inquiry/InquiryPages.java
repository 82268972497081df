package io.kefu.inquiry;

import io.kefu.customer.CustomerService;
import io.kefu.identity.CurrentUser;
import io.kefu.identity.KefuGroups.Department;
import io.kefu.shared.InvalidInputException;
import io.kefu.shared.time.Now;
import io.kefu.shared.time.WorkingHours;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console page {@code /console/inquiries} (热线咨询): agents, supervisors and managers record an inquiry taken on
 * the phone through the same rules as {@code POST /api/inquiries}; below, the day's (or a range's) inquiries as the
 * API shows them to the viewer. Auditors see the list only.
 */
@Controller
class InquiryPages {

    private static final String PAGE = "console/inquiries";
    private static final Pageable FIRST_PAGE = PageRequest.of(0, 20, Sort.by(Sort.Direction.DESC, "id"));

    private final InquiryService inquiries;
    private final InquiryViews views;
    private final CustomerService customers;
    private final Validator validator;
    private final WorkingHours hours;

    InquiryPages(InquiryService inquiries, InquiryViews views, CustomerService customers, Validator validator,
            WorkingHours hours) {
        this.inquiries = inquiries;
        this.views = views;
        this.customers = customers;
        this.validator = validator;
        this.hours = hours;
    }

    @GetMapping("/console/inquiries")
    String list(InquirySearch search, @PageableDefault(size = 20, sort = "id", direction = Sort.Direction.DESC)
            Pageable page, HttpServletRequest request, Model model) {
        return page(InquiryForm.empty(), Map.of(), search, page, request, model);
    }

    /** Post/Redirect/Get: saved, back to the list with 已登记; refused, the form again with each field's error. */
    @PostMapping("/console/inquiries")
    String record(InquiryForm form, HttpServletRequest request, RedirectAttributes redirect, Model model) {
        if (!mayRecord(request)) {
            throw new AccessDeniedException("only hotline staff record inquiries");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            Long customerId = form.customerCode() == null || form.customerCode().isBlank() ? null
                    : customers.findByCode(form.customerCode()).id();
            InquiryRequest inquiry = form.toRequest(hours.zone(), customerId, errors);
            for (ConstraintViolation<InquiryRequest> v : validator.validate(inquiry)) {
                errors.putIfAbsent(v.getPropertyPath().toString(), v.getMessage());
            }
            if (errors.isEmpty()) {
                inquiries.record(inquiry, CurrentUser.get());
                redirect.addFlashAttribute("message", "已登记");
                return "redirect:/console/inquiries";
            }
        } catch (InvalidInputException e) {
            e.fieldErrors().forEach((field, message) ->
                    errors.putIfAbsent("customerId".equals(field) ? "customerCode" : field, message));
        }
        return page(form, errors, InquirySearch.empty(), FIRST_PAGE, request, model);
    }

    private String page(InquiryForm form, Map<String, String> errors, InquirySearch search, Pageable page,
            HttpServletRequest request, Model model) {
        LocalDate today = LocalDate.ofInstant(Now.instant(), hours.zone());
        InquirySearch shown = search.from() == null && search.to() == null ? search.on(today) : search;
        model.addAttribute("nav", "inquiries");
        model.addAttribute("mayRecord", mayRecord(request));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("search", shown);
        model.addAttribute("results", views.search(shown, page, CurrentUser.get()));
        model.addAttribute("channels", InquiryChannel.values());
        model.addAttribute("categories", InquiryCategory.values());
        model.addAttribute("outcomes", InquiryOutcome.values());
        model.addAttribute("recordableOutcomes", InquiryOutcome.recordable());
        model.addAttribute("departments", Department.values());
        return PAGE;
    }

    /** Hotline staff record inquiries (the service's rule); departments and auditors read. */
    private static boolean mayRecord(HttpServletRequest request) {
        return InquiryService.mayRecord(CurrentUser.get());
    }
}
