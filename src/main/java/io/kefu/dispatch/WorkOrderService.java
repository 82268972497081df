package io.kefu.dispatch;

import static io.kefu.shared.FieldErrors.failOn;
import io.kefu.audit.CaseDirectory;
import io.kefu.customer.CustomerDetails;
import io.kefu.customer.CustomerService;
import io.kefu.dispatch.process.DispatchProcess;
import io.kefu.identity.CurrentUser;
import io.kefu.shared.InvalidInputException;
import io.kefu.shared.NotFoundException;
import io.kefu.shared.time.Now;
import io.kefu.shared.time.WorkingHours;
import io.kefu.task.ProcessBindings;
import jakarta.persistence.criteria.Predicate;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 派工 (P15): customer service registers an installation request or a repair call as a work order; the service manager
 * approves it and gives it to the technician with the fewest open work orders (or one they name); the technician
 * prepares, goes out at the appointment (never in the customer's rest hours, {@link DispatchSettings}) and records
 * the work; a chargeable repair (parts only, out of warranty) waits for finance to confirm the fee; a return visit
 * closes it.
 */
@Service
@Transactional
public class WorkOrderService {

    private static final EnumSet<WorkOrderStatus> OPEN = EnumSet.of(WorkOrderStatus.SUBMITTED,
            WorkOrderStatus.ASSIGNED, WorkOrderStatus.PREPARED, WorkOrderStatus.AWAITING_FINANCE,
            WorkOrderStatus.AWAITING_RETURN_VISIT);

    private final WorkOrderRepository orders;
    private final CustomerService customers;
    private final IdentityService identityService;
    private final RuntimeService runtimeService;
    private final WorkingHours hours;
    private final DispatchSettings settings;

    private final ProcessBindings<WorkOrder> bindings;

    WorkOrderService(WorkOrderRepository orders, CustomerService customers, IdentityService identityService,
            RuntimeService runtimeService, WorkingHours hours, DispatchSettings settings) {
        this.orders = orders;
        this.bindings = new ProcessBindings<>(orders::findByProcessInstanceId, orders::findById,
                WorkOrder::getId, WorkOrder::getProcessInstanceId);
        this.customers = customers;
        this.identityService = identityService;
        this.runtimeService = runtimeService;
        this.hours = hours;
        this.settings = settings;
    }

    /** {@code POST /api/work-orders}: hotline staff register it and the dispatch process starts (key = order number). */
    public WorkOrder create(WorkOrderRequest request, CurrentUser user) {
        if (!user.isHotlineStaff()) {
            throw new AccessDeniedException(user.id() + " may not register work orders");
        }
        WorkOrder order = register(request, user.id());
        runtimeService.startProcessInstanceByKey(DispatchProcess.KEY, order.getOrderNo(),
                DispatchProcess.startVariables(order, customerOf(order)));
        return order;
    }

    /** A work order from the Tasklist start form or the API; nothing is saved when a field is wrong. */
    public WorkOrder register(WorkOrderRequest r, String requestedBy) {
        if (requestedBy == null || requestedBy.isBlank()) {
            throw InvalidInputException.of("initiator", "无法确定登记人:请登录后在任务列表中登记派工单");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        WorkOrderRequest q = r == null ? new WorkOrderRequest(null, null, null, null, null, null, null, null, null,
                null, null) : r;
        if (q.kind() == null) {
            errors.put("kind", "请选择派工类型(安装或维修)");
        }
        CustomerDetails customer = null;
        if (blank(q.customerCode())) {
            errors.put("customerCode", "请填写客户编号");
        } else {
            customer = customers.byCode(q.customerCode()).orElse(null);
            if (customer == null) {
                errors.put("customerCode", "客户编号 " + q.customerCode().trim() + " 不存在");
            }
        }
        required(errors, "contactName", q.contactName(), "请填写联系人", 100);
        required(errors, "contactPhone", q.contactPhone(), "请填写联系方式", 50);
        required(errors, "address", q.address(), "请填写具体地址", 300);
        required(errors, "productModel", q.productModel(), "请填写商品型号", 100);
        LocalDate purchaseDate = null;
        if (!blank(q.purchaseDate())) {
            try {
                purchaseDate = LocalDate.parse(q.purchaseDate().trim());
                if (purchaseDate.isAfter(today())) {
                    errors.put("purchaseDate", "购买日期不能晚于今天");
                }
            } catch (DateTimeParseException e) {
                errors.put("purchaseDate", "购买日期格式为 yyyy-MM-dd");
            }
        }
        if (q.kind() == WorkOrderKind.REPAIR) {
            required(errors, "fault", q.fault(), "请填写故障现象", 4000);
            if (purchaseDate == null && !errors.containsKey("purchaseDate")) {
                errors.put("purchaseDate", "请填写购买日期(判断是否在保修期内)");
            }
        }
        if (q.kind() == WorkOrderKind.INSTALLATION) {
            required(errors, "vehicleDetails", q.vehicleDetails(), "请填写安装车辆明细(车牌号、车型)", 4000);
            required(errors, "driverDetails", q.driverDetails(), "请填写司机信息和车辆基本信息", 4000);
        }
        Instant appointment = appointment(errors, q.appointmentAt());
        failOn(errors);
        WorkOrder order = new WorkOrder(q.kind(), customer.id(), q.contactName().trim(), q.contactPhone().trim(),
                q.address().trim(), q.productModel().trim(), purchaseDate, trimmed(q.fault()),
                trimmed(q.vehicleDetails()), trimmed(q.driverDetails()), appointment, requestedBy);
        orders.saveAndFlush(order);
        order.numberFromId();
        return order;
    }

    public void linkProcess(long id, String processInstanceId) {
        find(id).linkProcess(processInstanceId);
    }

    /** Open work orders per technician (every member of the technician group, 0 for the idle ones). */
    @Transactional(readOnly = true)
    public Map<String, Long> technicianLoad() {
        List<String> technicians = identityService.createUserQuery().memberOfGroup(settings.technicianGroup()).list()
                .stream().map(User::getId).toList();
        Map<String, Long> load = new TreeMap<>();
        technicians.forEach(t -> load.put(t, 0L));
        if (!technicians.isEmpty()) {
            for (Object[] row : orders.countOpenByTechnician(technicians, OPEN)) {
                load.put((String) row[0], (Long) row[1]);
            }
        }
        return load;
    }

    /** The technician with the fewest open work orders; ties go to the first user id. */
    @Transactional(readOnly = true)
    public Optional<String> proposeTechnician() {
        return technicianLoad().entrySet().stream()
                .min(Comparator.<Map.Entry<String, Long>>comparingLong(Map.Entry::getValue)
                        .thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey);
    }

    /**
     * The service manager's decision: approved, the work order goes to the named technician (or the least loaded one)
     * at the appointment (the one asked for, or a new one); rejected, it is closed with the reason.
     */
    public void decide(long id, String manager, boolean approved, String technician, String appointmentAt,
            String note) {
        WorkOrder order = find(id);
        if (!approved) {
            if (blank(note)) {
                throw InvalidInputException.of("decisionNote", "驳回时请填写理由");
            }
            order.reject(manager, note.trim());
            return;
        }
        Map<String, String> errors = new LinkedHashMap<>();
        String chosen;
        if (blank(technician)) {
            chosen = proposeTechnician().orElse(null);
            if (chosen == null) {
                errors.put("technician", "没有可派工的技术人员");
            }
        } else {
            chosen = technician.trim();
            if (identityService.createUserQuery().userId(chosen).memberOfGroup(settings.technicianGroup())
                    .count() == 0) {
                errors.put("technician", "用户 " + chosen + " 不是技术服务人员");
            }
        }
        Instant appointment = blank(appointmentAt) ? order.getAppointmentAt() : appointment(errors, appointmentAt);
        failOn(errors);
        order.approve(manager, trimmed(note), chosen, appointment);
    }

    /** 出发前准备: the technician has checked the details and prepared tools, spares and documents. */
    public void prepare(long id, String note) {
        if (blank(note)) {
            throw InvalidInputException.of("preparationNote", "请记录核对的信息和准备的工具、备件、资料");
        }
        find(id).prepared(note.trim());
    }

    /**
     * The service as done: 返修 with the old and new terminal numbers, a SIM replacement with the old and new SIM, and
     * out of warranty the parts fee with its invoice (parts only; within warranty nothing is charged).
     *
     * @return whether the repair was out of warranty, i.e. finance must confirm the fee
     */
    public boolean recordService(long id, String record, boolean returnedToWorkshop, String oldTerminalNo,
            String newTerminalNo, boolean simReplaced, String oldSim, String newSim, BigDecimal partsFee,
            String invoiceNo) {
        WorkOrder order = find(id);
        Map<String, String> errors = new LinkedHashMap<>();
        required(errors, "workRecord", record, "请填写服务记录", 4000);
        if (returnedToWorkshop) {
            required(errors, "oldTerminalNo", oldTerminalNo, "返修请填写原终端号", 50);
            required(errors, "newTerminalNo", newTerminalNo, "返修请填写新终端号", 50);
        }
        if (simReplaced) {
            required(errors, "oldSim", oldSim, "更换 SIM 卡请填写原 SIM 卡号", 30);
            required(errors, "newSim", newSim, "更换 SIM 卡请填写新 SIM 卡号", 30);
        }
        boolean outOfWarranty = isOutOfWarranty(order);
        if (outOfWarranty) {
            if (partsFee == null || partsFee.signum() <= 0) {
                errors.put("partsFee", "保修期外维修只收零部件费用:请填写零部件费用");
            }
            required(errors, "invoiceNo", invoiceNo, "请填写发票号", 50);
        } else if (partsFee != null && partsFee.signum() != 0) {
            errors.put("partsFee", "保修期内维修不收费");
        }
        failOn(errors);
        order.serviced(record.trim(), outOfWarranty, returnedToWorkshop ? oldTerminalNo.trim() : null,
                returnedToWorkshop ? newTerminalNo.trim() : null, simReplaced ? oldSim.trim() : null,
                simReplaced ? newSim.trim() : null, outOfWarranty ? partsFee : null,
                outOfWarranty ? invoiceNo.trim() : null);
        return outOfWarranty;
    }

    /** A repair past the warranty period (counted from the purchase date); installations are never charged here. */
    public boolean isOutOfWarranty(WorkOrder order) {
        return order.getKind() == WorkOrderKind.REPAIR && order.getPurchaseDate() != null
                && order.getPurchaseDate().plusMonths(settings.warrantyMonths()).isBefore(today());
    }

    /** 财务确认: finance has received the fee the technician collected. */
    public void confirmFee(long id, String actor, boolean received) {
        if (!received) {
            throw InvalidInputException.of("feeReceived", "请在收到技术人员交来的费用后确认");
        }
        find(id).financeConfirmed(actor);
    }

    public void recordLate(long id) {
        find(id).late();
    }

    public void supervise(long id, String note) {
        if (blank(note)) {
            throw InvalidInputException.of("supervisionNote", "请填写督办意见");
        }
        find(id).supervise(note.trim());
    }

    public void returnVisit(long id, String note) {
        if (blank(note)) {
            throw InvalidInputException.of("returnVisitNote", "请记录回访情况");
        }
        find(id).returnVisited(note.trim());
    }

    /** When an appointment not yet recorded as served counts as late. */
    public Instant lateAt(WorkOrder order) {
        return order.getAppointmentAt().plus(settings.lateAfter());
    }

    @Transactional(readOnly = true)
    public WorkOrder find(long id) {
        return orders.findById(id).orElseThrow(() -> new NotFoundException("派工单 " + id + " 不存在"));
    }

    @Transactional(readOnly = true)
    public Optional<WorkOrder> forProcessInstance(String processInstanceId) {
        return bindings.find(processInstanceId);
    }

    /** A work order the user may read, else 404. */
    @Transactional(readOnly = true)
    public WorkOrder readable(long id, CurrentUser user) {
        return orders.findById(id).filter(o -> mayRead(o, user))
                .orElseThrow(() -> new NotFoundException("派工单 " + id + " 不存在"));
    }

    /** The work orders the user may read, newest first; {@code status} optional. */
    @Transactional(readOnly = true)
    public Page<WorkOrder> search(WorkOrderStatus status, CurrentUser user, Pageable page) {
        return search(status, null, null, user, page);
    }

    /** The work orders the user may read; status, kind and technician optional (the console's 派工单 filters). */
    @Transactional(readOnly = true)
    public Page<WorkOrder> search(WorkOrderStatus status, WorkOrderKind kind, String technician, CurrentUser user,
            Pageable page) {
        Specification<WorkOrder> spec = (root, query, cb) -> {
            List<Predicate> p = new ArrayList<>();
            if (status != null) {
                p.add(cb.equal(root.get("status"), status));
            }
            if (kind != null) {
                p.add(cb.equal(root.get("kind"), kind));
            }
            if (technician != null && !technician.isBlank()) {
                p.add(cb.equal(root.get("technician"), technician.trim()));
            }
            if (!CaseDirectory.seesEveryCase(user)) {
                p.add(cb.or(cb.equal(root.get("requestedBy"), user.id()), cb.equal(root.get("technician"),
                        user.id())));
            }
            return cb.and(p.toArray(Predicate[]::new));
        };
        return orders.findAll(spec, page);
    }

    /** The customer the order is for, as the customer registry has it now. */
    @Transactional(readOnly = true)
    public CustomerDetails customerOf(WorkOrder order) {
        return customers.find(order.getCustomerId());
    }

    /** The numbers (客户编号) of these orders' customers, by customer id, in one query. */
    @Transactional(readOnly = true)
    public Map<Long, String> customerCodes(Collection<WorkOrder> orders) {
        Map<Long, String> codes = new HashMap<>();
        customers.byIdsMap(orders.stream().map(WorkOrder::getCustomerId).toList())
                .forEach((id, customer) -> codes.put(id, customer.code()));
        return codes;
    }

    /** Who registered it, the technician it was given to, and those who read every case. */
    public static boolean mayRead(WorkOrder order, CurrentUser user) {
        return CaseDirectory.seesEveryCase(user) || order.isRequestedBy(user.id()) || order.isAssignedTo(user.id());
    }

    /** Contact, phone, address and driver details in full: who registered it, its technician, supervisors, managers. */
    public static boolean mayReadPersonalData(WorkOrder order, CurrentUser user) {
        return order.isRequestedBy(user.id()) || order.isAssignedTo(user.id()) || user.isSupervisorOrManager();
    }

    /** 预约上门时间: a future time outside the customer's rest hours. */
    private Instant appointment(Map<String, String> errors, String value) {
        if (blank(value)) {
            errors.put("appointmentAt", "请填写预约上门时间");
            return null;
        }
        ZonedDateTime at;
        try {
            at = LocalDateTime.parse(value.trim()).atZone(hours.zone());
        } catch (DateTimeParseException e) {
            errors.put("appointmentAt", "预约上门时间格式为 yyyy-MM-ddTHH:mm");
            return null;
        }
        if (!at.toInstant().isAfter(Now.instant())) {
            errors.put("appointmentAt", "预约上门时间须晚于现在");
            return null;
        }
        var rest = settings.restWindowAt(at.toLocalTime());
        if (rest.isPresent()) {
            errors.put("appointmentAt", "预约上门时间在客户休息时间(" + rest.get() + ")内,请另约时间");
            return null;
        }
        return at.toInstant();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(Now.instant(), hours.zone());
    }

    private static void required(Map<String, String> errors, String field, String value, String message, int max) {
        if (blank(value)) {
            errors.put(field, message);
        } else if (value.trim().length() > max) {
            errors.put(field, "最多 " + max + " 个字符");
        }
    }

    private static String trimmed(String value) {
        return blank(value) ? null : value.trim();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
