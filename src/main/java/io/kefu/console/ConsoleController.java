package io.kefu.console;

import io.kefu.audit.CaseDirectory;
import io.kefu.audit.CaseDirectory.CaseRow;
import io.kefu.customer.CustomerDetails;
import io.kefu.customer.CustomerSearch;
import io.kefu.customer.CustomerService;
import io.kefu.identity.CurrentUser;
import io.kefu.shared.phone.PhoneNumbers;
import io.kefu.shared.time.Now;
import io.kefu.shared.time.WorkingHours;
import io.kefu.task.Worklist;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's start page — an agent's home: their open cases with the step each waits in and its deadline, what is
 * due today, what is past its deadline, and which of their cases wait on a department, each a link to the case page —
 * and the header's one search box. Each console page is a {@code @Controller} method under {@code /console/...} that
 * returns a template in {@code templates/console/} built on {@code console/layout.html}, and gets a line in the
 * layout's nav.
 */
@Controller
class ConsoleController {

    /** How many of the user's open cases the home lists (newest first); the count says how many there are. */
    static final int MY_CASES = 10;
    /** Of the user's open cases, how many are looked at for steps waiting on a department. */
    static final int CASES_WATCHED = 50;
    static final int RESULTS = 10;

    private final CaseDirectory directory;
    private final Worklist worklist;
    private final WorkingHours hours;
    private final CustomerService customers;

    ConsoleController(CaseDirectory directory, Worklist worklist, WorkingHours hours, CustomerService customers) {
        this.directory = directory;
        this.worklist = worklist;
        this.hours = hours;
        this.customers = customers;
    }

    @GetMapping({"/console", "/console/"})
    String index(Model model) {
        CurrentUser user = CurrentUser.get();
        model.addAttribute("nav", "home");
        if (works(user)) {
            Instant now = Now.instant();
            Page<CaseRow> mine = directory.search(new CaseDirectory.Filter(null, null, null, null, user.id(), true, null),
                    user, PageRequest.of(0, MY_CASES));
            model.addAttribute("myCases", mine);
            model.addAttribute("standing", directory.standing(mine.getContent(), user));
            model.addAttribute("dueToday", worklist.dueToday(user, now, hours.zone()));
            model.addAttribute("breached", worklist.breached(user, now));
            List<String> watched = MY_CASES >= CASES_WATCHED || mine.getTotalElements() <= MY_CASES
                    ? mine.getContent().stream().map(CaseRow::processInstanceId).toList()
                    : directory.search(new CaseDirectory.Filter(null, null, null, null, user.id(), true, null), user,
                            PageRequest.of(0, CASES_WATCHED)).getContent().stream()
                            .map(CaseRow::processInstanceId).toList();
            model.addAttribute("waiting", worklist.waitingOnDepartment(watched));
        }
        return "console/index";
    }

    /** Whoever works cases has a home of work; an auditor only reads, and gets the console's cards. */
    private static boolean works(CurrentUser user) {
        return !user.isAuditor() || user.isHotlineStaff();
    }

    /**
     * 搜索: a case number opens that case's row; a customer number or name finds customers; a phone number finds the
     * customers with that contact number — only for users who may search by personal data (the hotline's staff), as
     * the customer search rules; others are told why not.
     */
    @GetMapping("/console/search")
    String search(@RequestParam(name = "q", required = false) String query, Model model) {
        CurrentUser user = CurrentUser.get();
        String q = query == null ? "" : query.strip();
        model.addAttribute("nav", "search");
        model.addAttribute("q", q);
        if (q.isEmpty() || q.length() > 50) {
            model.addAttribute("tooLong", q.length() > 50);
            return "console/search";
        }
        List<CaseRow> cases = directory.find(q.toUpperCase(), user);
        if (cases.isEmpty()) {
            cases = directory.find(q, user);
        }
        model.addAttribute("cases", cases);
        model.addAttribute("standing", directory.standing(cases, user));
        String phone = PhoneNumbers.normalise(q).orElse(null);
        if (phone != null || q.matches("[0-9 +()-]{5,}")) {
            if (user.maySearchByPersonalData()) {
                String number = phone != null ? phone : q.replaceAll("[^0-9-]", "");
                List<Long> ids = customers.search(new CustomerSearch(null, number, null, null, null, null),
                        PageRequest.of(0, RESULTS, Sort.by("code"))).map(CustomerDetails::id).getContent();
                var names = customers.displayNames(ids, user);
                model.addAttribute("byPhone", ids.stream().map(id -> new Found(id, names.get(id))).toList());
            } else {
                model.addAttribute("phoneRefused", true);
            }
        }
        model.addAttribute("customers", customers.lookup(q, user, RESULTS));
        return "console/search";
    }

    /** A customer found by phone: the page links it by id. */
    record Found(long id, String label) {
    }
}
