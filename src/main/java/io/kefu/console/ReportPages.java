package io.kefu.console;

import io.kefu.identity.CurrentUser;
import io.kefu.report.ReportService;
import io.kefu.shared.InvalidInputException;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The monthly report page: a report, a month or date range, its figures, tables, charts and export links. */
@Controller
class ReportPages {

    private final ReportService reports;

    ReportPages(ReportService reports) {
        this.reports = reports;
    }

    @GetMapping("/console/reports")
    String report(@RequestParam(defaultValue = "complaints") String report,
            @RequestParam(required = false) String month, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, Model model) {
        CurrentUser user = CurrentUser.get();
        if (!ReportService.mayRead(user)) {
            // the 403 error page (ConsoleErrorPages); the menu does not offer this page to such users
            throw new AccessDeniedException("reports are for managers, supervisors and auditors");
        }
        model.addAttribute("nav", "reports");
        model.addAttribute("libs", List.of("chart"));
        model.addAttribute("reports", reports.readable(user));
        model.addAttribute("selected", report);
        model.addAttribute("month", month);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        try {
            var period = reports.period(month, from, to);
            model.addAttribute("result", reports.run(report, period, user));
            model.addAttribute("query", "?from=" + period.from() + "&to=" + period.to());
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.fieldErrors());
        }
        return "console/reports";
    }
}
