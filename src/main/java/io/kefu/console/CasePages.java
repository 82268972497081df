package io.kefu.console;

import io.kefu.audit.CaseDirectory;
import io.kefu.audit.CaseSearchForm;
import io.kefu.audit.CaseTimeline;
import io.kefu.identity.DataAccessLog;
import io.kefu.customer.CustomerDetails;
import io.kefu.customer.CustomerService;
import io.kefu.customer.CustomerView;
import io.kefu.evidence.CaseAttachments;
import io.kefu.identity.CurrentUser;
import io.kefu.shared.InvalidInputException;
import io.kefu.shared.NotFoundException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Console pages for auditors and everyone on their own cases: case search, a case's timeline and diagram, customer 360. */
@Controller
class CasePages {

    private final CaseDirectory directory;
    private final CaseTimeline timelines;
    private final CustomerService customers;
    private final RepositoryService repository;
    private final List<CustomerSection> sections;
    private final DataAccessLog accessLog;
    private final List<CaseSection> caseSections;
    private final CaseAttachments attachments;

    CasePages(CaseDirectory directory, CaseTimeline timelines, CustomerService customers, RepositoryService repository,
            List<CustomerSection> sections, DataAccessLog accessLog, List<CaseSection> caseSections,
            CaseAttachments attachments) {
        this.caseSections = caseSections;
        this.attachments = attachments;
        this.directory = directory;
        this.timelines = timelines;
        this.customers = customers;
        this.repository = repository;
        this.sections = sections.stream().sorted(Comparator.comparingInt(CustomerSection::order)).toList();
        this.accessLog = accessLog;
    }

    @GetMapping("/console/cases")
    String search(CaseSearchForm form, @PageableDefault(size = 20) Pageable page, Model model) {
        CurrentUser user = CurrentUser.get();
        model.addAttribute("nav", "cases");
        model.addAttribute("form", form);
        model.addAttribute("processes", processes());
        try {
            var results = directory.search(form.toFilter(customers), user, page);
            model.addAttribute("results", results);
            model.addAttribute("standing", directory.standing(results.getContent(), user));
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.fieldErrors());
        }
        return "console/cases";
    }

    @GetMapping("/console/cases/{caseKey}")
    String timeline(@PathVariable String caseKey, @RequestParam(defaultValue = "false") boolean all, Model model) {
        model.addAttribute("nav", "cases");
        model.addAttribute("libs", List.of("bpmn"));
        CurrentUser user = CurrentUser.get();
        CaseTimeline.Timeline timeline = timelines.of(caseKey, user, all);
        model.addAttribute("timeline", timeline);
        // the evidence, unless the case's record recuses this reader from it (then the section is left out)
        try {
            model.addAttribute("attachments", attachments.list(timeline.caseKey(), user));
            model.addAttribute("mayAttach", attachments.mayAttach(timeline.caseKey(), user));
            model.addAttribute("attachmentLimits", attachments.limits());
        } catch (NotFoundException recused) {
            model.addAttribute("mayAttach", false);
        }
        model.addAttribute("processes", processNames(timeline.instances()));
        String businessKey = timeline.first().businessKey();
        model.addAttribute("sections", businessKey == null ? List.of() : caseSections.stream()
                .filter(s -> s.supports(timeline.first().processKey()))
                .map(s -> new Titled(s.title(), s.of(businessKey, CurrentUser.get())))
                .filter(t -> t.section() != null)
                .toList());
        return "console/case";
    }

    /**
     * Each instance's process in words, with its version ("投诉处理 · 第 2 版"), by process definition id: one query
     * for the case's few definitions. A definition the user may not read keeps its process name alone.
     */
    private Map<String, String> processNames(List<CaseDirectory.CaseRow> instances) {
        Map<String, String> names = new HashMap<>();
        for (CaseDirectory.CaseRow row : instances) {
            names.put(row.processDefinitionId(), row.processName() != null ? row.processName() : "流程");
        }
        String[] ids = names.keySet().stream().filter(java.util.Objects::nonNull).toArray(String[]::new);
        if (ids.length > 0) {
            repository.createProcessDefinitionQuery().processDefinitionIdIn(ids).list().forEach(d ->
                    names.put(d.getId(), (d.getName() != null ? d.getName() : names.get(d.getId()))
                            + " · 第 " + d.getVersion() + " 版"));
        }
        return names;
    }

    /** {@code ?code=C00012} from the search page's customer box. */
    @GetMapping("/console/customers")
    String findCustomer(@RequestParam String code) {
        String c = code.trim();
        CustomerDetails customer;
        try {
            customer = c.matches("[0-9]{1,18}") ? customers.find(Long.parseLong(c)) : customers.findByCode(c);
        } catch (InvalidInputException e) {
            throw new NotFoundException("客户 " + c + " 不存在");
        }
        return "redirect:/console/customers/" + customer.id();
    }

    @GetMapping("/console/customers/{id}")
    String customer(@PathVariable long id, Model model) {
        CurrentUser user = CurrentUser.get();
        CustomerDetails customer = customers.find(id);
        boolean unmasked = CustomerService.mayReadPersonalData(customer, user);
        if (unmasked) {
            accessLog.personalDataRead(user.id(), customer.id(), null, "客户全景页");
        }
        model.addAttribute("nav", "cases");
        model.addAttribute("customer", CustomerView.of(customer, unmasked));
        model.addAttribute("cases", directory.search(new CaseDirectory.Filter(null, id, null, null, null, null, null),
                user, PageRequest.of(0, 100)));
        model.addAttribute("sections", sections.stream()
                .map(s -> new Titled(s.title(), s.of(id, user)))
                .toList());
        return "console/customer";
    }

    record Titled(String title, CustomerSection.Section section) {
    }

    /** Process definitions by key (latest version), for the type filter. */
    private List<ProcessDefinition> processes() {
        return repository.createProcessDefinitionQuery().latestVersion().orderByProcessDefinitionKey().asc().list();
    }
}
