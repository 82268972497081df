package io.kefu.dispatch;

import io.kefu.customer.PersonalData;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A work order as the API shows it; contact, phone, address and driver details masked for readers not entitled. */
public record WorkOrderView(Long id, String orderNo, WorkOrderKind kind, String kindLabel, Long customerId,
        String customerCode, String contactName, String contactPhone, String address, String productModel,
        LocalDate purchaseDate, String fault, String vehicleDetails, String driverDetails, String requestedBy,
        WorkOrderStatus status, String statusLabel, Instant openedAt, Instant appointmentAt, String decidedBy,
        String decisionNote, String technician, String preparationNote, String workRecord, boolean returnedToWorkshop,
        String oldTerminalNo, String newTerminalNo, boolean simReplaced, String oldSim, String newSim,
        boolean outOfWarranty, BigDecimal partsFee, String invoiceNo, String financeConfirmedBy, Instant lateAt,
        String supervisionNote, String returnVisitNote, Instant closedAt, boolean personalDataMasked, long version) {

    static WorkOrderView of(WorkOrder o, String customerCode, boolean unmasked) {
        return new WorkOrderView(o.getId(), o.getOrderNo(), o.getKind(), o.getKind().formTitle(),
                o.getCustomerId(), customerCode,
                unmasked ? o.getContactName() : PersonalData.maskName(o.getContactName()),
                unmasked ? o.getContactPhone() : PersonalData.maskPhone(o.getContactPhone()),
                unmasked ? o.getAddress() : PersonalData.maskAddress(o.getAddress()), o.getProductModel(),
                o.getPurchaseDate(), unmasked ? o.getFault() : PersonalData.maskPhoneNumbersIn(o.getFault()),
                unmasked ? o.getVehicleDetails() : PersonalData.maskPhoneNumbersIn(o.getVehicleDetails()),
                unmasked ? o.getDriverDetails() : (o.getDriverDetails() == null ? null : "****"),
                o.getRequestedBy(), o.getStatus(), o.getStatus().label(), o.getOpenedAt(), o.getAppointmentAt(),
                o.getDecidedBy(), o.getDecisionNote(), o.getTechnician(), o.getPreparationNote(), o.getWorkRecord(),
                o.isReturnedToWorkshop(), o.getOldTerminalNo(), o.getNewTerminalNo(), o.isSimReplaced(), o.getOldSim(),
                o.getNewSim(), o.isOutOfWarranty(), o.getPartsFee(), o.getInvoiceNo(), o.getFinanceConfirmedBy(),
                o.getLateAt(), o.getSupervisionNote(), o.getReturnVisitNote(), o.getClosedAt(), !unmasked,
                o.getVersion());
    }
}
