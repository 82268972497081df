package io.kefu.dispatch;

import io.kefu.identity.DataAccessLog;
import io.kefu.customer.PersonalData;
import io.kefu.identity.CurrentUser;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Map;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 派工: {@code POST /api/work-orders} registers an installation request or a repair call (hotline staff) and starts
 * the dispatch process; {@code GET /api/work-orders} and {@code /api/work-orders/{id}} read them — who registered it,
 * its technician, and supervisors, managers and auditors; personal data in full for the first two, supervisors and
 * managers.
 */
@RestController
class WorkOrderController {

    private final WorkOrderService orders;
    private final DataAccessLog accessLog;

    WorkOrderController(WorkOrderService orders, DataAccessLog accessLog) {
        this.orders = orders;
        this.accessLog = accessLog;
    }

    @PostMapping("/api/work-orders")
    @Transactional
    ResponseEntity<WorkOrderView> create(@Valid @RequestBody(required = false) WorkOrderRequest request) {
        CurrentUser user = CurrentUser.get();
        WorkOrder created = orders.create(request, user);
        return ResponseEntity.created(URI.create("/api/work-orders/" + created.getId())).body(view(created, user));
    }

    @GetMapping("/api/work-orders/{id}")
    @Transactional(readOnly = true)
    WorkOrderView get(@PathVariable long id) {
        CurrentUser user = CurrentUser.get();
        return view(orders.readable(id, user), user);
    }

    @GetMapping("/api/work-orders")
    @Transactional(readOnly = true)
    Page<WorkOrderView> search(@RequestParam(required = false) WorkOrderStatus status,
            @PageableDefault(size = 20, sort = "id", direction = Sort.Direction.DESC) Pageable page) {
        CurrentUser user = CurrentUser.get();
        PersonalData.requireMaySortBy(user, page.getSort());
        Page<WorkOrder> found = orders.search(status, user, page);
        Map<Long, String> codes = orders.customerCodes(found.getContent());
        return found.map(o -> view(o, codes.get(o.getCustomerId()), user));
    }

    private WorkOrderView view(WorkOrder order, CurrentUser user) {
        return view(order, orders.customerOf(order).code(), user);
    }

    private WorkOrderView view(WorkOrder order, String customerCode, CurrentUser user) {
        boolean unmasked = WorkOrderService.mayReadPersonalData(order, user);
        if (unmasked) {
            accessLog.personalDataRead(user.id(), order.getCustomerId(), order.getOrderNo(),
                    order.getKind().formTitle() + " " + order.getOrderNo());
        }
        return WorkOrderView.of(order, customerCode, unmasked);
    }
}
