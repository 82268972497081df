package io.kefu.staffreview;

import io.kefu.identity.CurrentUser;
import io.kefu.shared.InvalidInputException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 员工考评 in the console: the reviews and violations the user may read (StaffRecords, as the API), one review's
 * scorecard (the page the staff-review task cards point to), and the violation form for supervisors and managers.
 */
@Controller
class StaffPages {

    private static final String PAGE = "console/staff";

    private final StaffReviewService reviews;
    private final ViolationService violations;

    StaffPages(StaffReviewService reviews, ViolationService violations) {
        this.reviews = reviews;
        this.violations = violations;
    }

    record ViolationForm(String employee, String kind, String occurredOn, String description, String evidence) {
    }

    @GetMapping("/console/staff-reviews")
    @Transactional(readOnly = true)
    String list(@RequestParam(required = false) String month, Model model) {
        return page(month, new ViolationForm(null, null, null, null, null), Map.of(), model);
    }

    @GetMapping("/console/staff-reviews/{id}")
    @Transactional(readOnly = true)
    String review(@PathVariable long id, Model model) {
        model.addAttribute("review", StaffReviewView.of(reviews.readable(id, CurrentUser.get())));
        return page(null, new ViolationForm(null, null, null, null, null), Map.of(), model);
    }

    /** Post/Redirect/Get: recorded, back to the list with the consequence; refused, the form again with each field. */
    @PostMapping("/console/staff-reviews/violations")
    @Transactional
    String record(ViolationForm form, RedirectAttributes redirect, Model model) {
        CurrentUser user = CurrentUser.get();
        if (!StaffRecords.mayRecordViolations(user)) {
            throw new AccessDeniedException(user.id() + " may not record violations");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        ViolationKind kind = null;
        LocalDate occurredOn = null;
        try {
            kind = form.kind() == null || form.kind().isBlank() ? null : ViolationKind.valueOf(form.kind());
        } catch (IllegalArgumentException e) {
            errors.put("kind", "无法识别的违规类别");
        }
        try {
            occurredOn = form.occurredOn() == null || form.occurredOn().isBlank() ? null
                    : LocalDate.parse(form.occurredOn());
        } catch (DateTimeParseException e) {
            errors.put("occurredOn", "日期格式应为 yyyy-MM-dd");
        }
        if (errors.isEmpty()) {
            try {
                StaffViolation v = violations.record(new ViolationRequest(form.employee(), kind, occurredOn,
                        form.description(), form.evidence()), user);
                redirect.addFlashAttribute("message", "已登记违规 " + v.getViolationNo() + ":第 " + v.getOffenceNo()
                        + " 次,处理结果 " + v.getConsequence());
                return "redirect:/console/staff-reviews";
            } catch (InvalidInputException e) {
                errors.putAll(e.fieldErrors());
            }
        }
        return page(null, form, errors, model);
    }

    private String page(String month, ViolationForm form, Map<String, String> errors, Model model) {
        CurrentUser user = CurrentUser.get();
        model.addAttribute("nav", "staff");
        model.addAttribute("month", month);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("kinds", ViolationKind.values());
        model.addAttribute("mayRecord", StaffRecords.mayRecordViolations(user));
        try {
            model.addAttribute("reviews", reviews.search(user, month, PageRequest.of(0, 50,
                    Sort.by(Sort.Direction.DESC, "id"))).map(StaffReviewView::of).getContent());
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.fieldErrors());
            model.addAttribute("reviews", java.util.List.of());
        }
        model.addAttribute("violations", violations.search(user, null, PageRequest.of(0, 50,
                Sort.by(Sort.Direction.DESC, "id"))).map(ViolationView::of).getContent());
        return PAGE;
    }
}
