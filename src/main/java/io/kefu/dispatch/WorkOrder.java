package io.kefu.dispatch;

import io.kefu.shared.time.Now;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.envers.Audited;

/**
 * 派工 (P15): an installation request (安装任务派工单, with the vehicle and driver details) or a repair call (维修服务单)
 * that the service manager approves and gives to a technician, who prepares, goes out at the appointment, records the
 * work (返修, SIM, parts fee out of warranty) and whose service gets a return visit. The contact person, phone, address
 * and driver details are personal data: here only, never in the process.
 */
@Entity
@Table(name = "work_order")
@Audited
public class WorkOrder {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** 派工单号, e.g. WX2026-00004 (维修) or AZ2026-00003 (安装): the process business key. */
    @Column(name = "order_no", length = 20, unique = true)
    private String orderNo;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", length = 20, nullable = false, updatable = false)
    private WorkOrderKind kind;

    /** The customer (客户基础信息) the record is about: its id in the customer registry. */
    @Column(name = "customer_id", nullable = false, updatable = false)
    private Long customerId;

    @Column(name = "contact_name", length = 100, nullable = false)
    private String contactName;

    @Column(name = "contact_phone", length = 50, nullable = false)
    private String contactPhone;

    @Column(name = "address", length = 300, nullable = false)
    private String address;

    @Column(name = "product_model", length = 100, nullable = false)
    private String productModel;

    @Column(name = "purchase_date")
    private LocalDate purchaseDate;

    @Column(name = "fault", columnDefinition = "text")
    private String fault;

    @Column(name = "vehicle_details", columnDefinition = "text")
    private String vehicleDetails;

    @Column(name = "driver_details", columnDefinition = "text")
    private String driverDetails;

    @Column(name = "requested_by", length = 64, nullable = false, updatable = false)
    private String requestedBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 30, nullable = false)
    private WorkOrderStatus status;

    @Column(name = "opened_at", nullable = false, updatable = false)
    private Instant openedAt;

    @Column(name = "appointment_at", nullable = false)
    private Instant appointmentAt;

    @Column(name = "late_at")
    private Instant lateAt;

    @Column(name = "decided_by", length = 64)
    private String decidedBy;

    @Column(name = "decision_note", columnDefinition = "text")
    private String decisionNote;

    @Column(name = "technician", length = 64)
    private String technician;

    @Column(name = "preparation_note", columnDefinition = "text")
    private String preparationNote;

    @Column(name = "work_record", columnDefinition = "text")
    private String workRecord;

    @Column(name = "returned_to_workshop", nullable = false)
    private boolean returnedToWorkshop;

    @Column(name = "old_terminal_no", length = 50)
    private String oldTerminalNo;

    @Column(name = "new_terminal_no", length = 50)
    private String newTerminalNo;

    @Column(name = "sim_replaced", nullable = false)
    private boolean simReplaced;

    @Column(name = "old_sim", length = 30)
    private String oldSim;

    @Column(name = "new_sim", length = 30)
    private String newSim;

    @Column(name = "out_of_warranty", nullable = false)
    private boolean outOfWarranty;

    @Column(name = "parts_fee", precision = 12, scale = 2)
    private BigDecimal partsFee;

    @Column(name = "invoice_no", length = 50)
    private String invoiceNo;

    @Column(name = "serviced_at")
    private Instant servicedAt;

    @Column(name = "finance_confirmed_by", length = 64)
    private String financeConfirmedBy;

    @Column(name = "finance_confirmed_at")
    private Instant financeConfirmedAt;

    @Column(name = "supervision_note", columnDefinition = "text")
    private String supervisionNote;

    @Column(name = "return_visit_note", columnDefinition = "text")
    private String returnVisitNote;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "process_instance_id", length = 64)
    private String processInstanceId;

    @Version
    private long version;

    protected WorkOrder() {
    }

    WorkOrder(WorkOrderKind kind, Long customerId, String contactName, String contactPhone, String address,
            String productModel, LocalDate purchaseDate, String fault, String vehicleDetails, String driverDetails,
            Instant appointmentAt, String requestedBy) {
        this.kind = kind;
        this.customerId = customerId;
        this.contactName = contactName;
        this.contactPhone = contactPhone;
        this.address = address;
        this.productModel = productModel;
        this.purchaseDate = purchaseDate;
        this.fault = fault;
        this.vehicleDetails = vehicleDetails;
        this.driverDetails = driverDetails;
        this.appointmentAt = appointmentAt;
        this.requestedBy = requestedBy;
        this.status = WorkOrderStatus.SUBMITTED;
        this.openedAt = Now.instant();
    }

    void numberFromId() {
        if (orderNo == null) {
            orderNo = String.format("%s%d-%05d", kind.prefix(), openedAt.atZone(Now.zone()).getYear(),
                    id);
        }
    }

    void linkProcess(String processInstanceId) {
        if (this.processInstanceId != null && !this.processInstanceId.equals(processInstanceId)) {
            throw new IllegalStateException("Work order " + orderNo + " is already bound to another process");
        }
        this.processInstanceId = processInstanceId;
    }

    void approve(String manager, String note, String technician, Instant appointmentAt) {
        this.decidedBy = manager;
        this.decisionNote = note;
        this.technician = technician;
        this.appointmentAt = appointmentAt;
        this.status = WorkOrderStatus.ASSIGNED;
    }

    void reject(String manager, String note) {
        this.decidedBy = manager;
        this.decisionNote = note;
        this.status = WorkOrderStatus.REJECTED;
        this.closedAt = Now.instant();
    }

    void prepared(String note) {
        this.preparationNote = note;
        this.status = WorkOrderStatus.PREPARED;
    }

    void serviced(String record, boolean outOfWarranty, String oldTerminalNo, String newTerminalNo, String oldSim,
            String newSim, BigDecimal partsFee, String invoiceNo) {
        this.workRecord = record;
        this.returnedToWorkshop = oldTerminalNo != null;
        this.oldTerminalNo = oldTerminalNo;
        this.newTerminalNo = newTerminalNo;
        this.simReplaced = oldSim != null;
        this.oldSim = oldSim;
        this.newSim = newSim;
        this.outOfWarranty = outOfWarranty;
        this.partsFee = partsFee;
        this.invoiceNo = invoiceNo;
        this.servicedAt = Now.instant();
        this.status = outOfWarranty ? WorkOrderStatus.AWAITING_FINANCE : WorkOrderStatus.AWAITING_RETURN_VISIT;
    }

    void financeConfirmed(String actor) {
        this.financeConfirmedBy = actor;
        this.financeConfirmedAt = Now.instant();
        this.status = WorkOrderStatus.AWAITING_RETURN_VISIT;
    }

    void late() {
        if (lateAt == null) {
            lateAt = Now.instant();
        }
    }

    void supervise(String note) {
        this.supervisionNote = note;
    }

    void returnVisited(String note) {
        this.returnVisitNote = note;
        this.status = WorkOrderStatus.CLOSED;
        this.closedAt = Now.instant();
    }

    public boolean isRequestedBy(String userId) {
        return requestedBy.equals(userId);
    }

    public boolean isAssignedTo(String userId) {
        return technician != null && technician.equals(userId);
    }

    public Long getId() { return id; }
    public String getOrderNo() { return orderNo; }
    public WorkOrderKind getKind() { return kind; }
    public Long getCustomerId() { return customerId; }
    public String getContactName() { return contactName; }
    public String getContactPhone() { return contactPhone; }
    public String getAddress() { return address; }
    public String getProductModel() { return productModel; }
    public LocalDate getPurchaseDate() { return purchaseDate; }
    public String getFault() { return fault; }
    public String getVehicleDetails() { return vehicleDetails; }
    public String getDriverDetails() { return driverDetails; }
    public String getRequestedBy() { return requestedBy; }
    public WorkOrderStatus getStatus() { return status; }
    public Instant getOpenedAt() { return openedAt; }
    public Instant getAppointmentAt() { return appointmentAt; }
    public Instant getLateAt() { return lateAt; }
    public String getDecidedBy() { return decidedBy; }
    public String getDecisionNote() { return decisionNote; }
    public String getTechnician() { return technician; }
    public String getPreparationNote() { return preparationNote; }
    public String getWorkRecord() { return workRecord; }
    public boolean isReturnedToWorkshop() { return returnedToWorkshop; }
    public String getOldTerminalNo() { return oldTerminalNo; }
    public String getNewTerminalNo() { return newTerminalNo; }
    public boolean isSimReplaced() { return simReplaced; }
    public String getOldSim() { return oldSim; }
    public String getNewSim() { return newSim; }
    public boolean isOutOfWarranty() { return outOfWarranty; }
    public BigDecimal getPartsFee() { return partsFee; }
    public String getInvoiceNo() { return invoiceNo; }
    public Instant getServicedAt() { return servicedAt; }
    public String getFinanceConfirmedBy() { return financeConfirmedBy; }
    public Instant getFinanceConfirmedAt() { return financeConfirmedAt; }
    public String getSupervisionNote() { return supervisionNote; }
    public String getReturnVisitNote() { return returnVisitNote; }
    public Instant getClosedAt() { return closedAt; }
    public String getProcessInstanceId() { return processInstanceId; }
    public long getVersion() { return version; }
}
