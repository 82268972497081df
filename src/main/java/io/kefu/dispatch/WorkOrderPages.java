package io.kefu.dispatch;

import io.kefu.identity.CurrentUser;
import java.util.Map;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console page {@code /console/work-orders} (派工单): the work orders the user may read, as
 * {@code GET /api/work-orders} shows them (the same service rule, the same masking), filtered by status, kind and
 * technician, 20 a page; each links to its case page. The list shows no contact details: those are on the case page,
 * for those entitled, with the read logged.
 */
@Controller
class WorkOrderPages {

    private final WorkOrderService orders;

    WorkOrderPages(WorkOrderService orders) {
        this.orders = orders;
    }

    @GetMapping("/console/work-orders")
    @Transactional(readOnly = true)
    String list(@RequestParam(required = false) WorkOrderStatus status,
            @RequestParam(required = false) WorkOrderKind kind, @RequestParam(required = false) String technician,
            @PageableDefault(size = 20, sort = "id", direction = Sort.Direction.DESC) Pageable page, Model model) {
        CurrentUser user = CurrentUser.get();
        model.addAttribute("nav", "work-orders");
        model.addAttribute("status", status);
        model.addAttribute("kind", kind);
        model.addAttribute("technician", technician == null ? "" : technician.trim());
        model.addAttribute("statuses", WorkOrderStatus.values());
        model.addAttribute("kinds", WorkOrderKind.values());
        // newest first, whatever sort a link asks for; the list shows no personal data (masked views, nothing logged)
        Page<WorkOrder> found = orders.search(status, kind, technician, user,
                PageRequest.of(page.getPageNumber(), 20, Sort.by(Sort.Direction.DESC, "id")));
        Map<Long, String> codes = orders.customerCodes(found.getContent());
        model.addAttribute("results", found.map(o -> WorkOrderView.of(o, codes.get(o.getCustomerId()), false)));
        return "console/work-orders";
    }
}
