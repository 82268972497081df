package io.kefu.dispatch;

import io.kefu.shared.time.TimeText;
import io.kefu.identity.DataAccessLog;
import io.kefu.audit.EntityCaseHistory;
import io.kefu.audit.RecordChanges;
import io.kefu.console.CaseSection;
import io.kefu.console.CustomerSection;
import io.kefu.customer.PersonalData;
import io.kefu.dispatch.process.DispatchProcess;
import io.kefu.identity.CurrentUser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Work orders on the audit timeline and the case search (by order number), and their section on the case page. */
final class WorkOrderRecordHistory {

    @Component
    static class History extends EntityCaseHistory {

        History() {
            super(Set.of(DispatchProcess.KEY), WorkOrder.class, "orderNo", null, "customerId",
                    new RecordChanges.Labels("派工单", Map.ofEntries(
                            Map.entry("orderNo", "派工单号"), Map.entry("contactName", "联系人"),
                            Map.entry("contactPhone", "联系方式"), Map.entry("address", "具体地址"),
                            Map.entry("productModel", "商品型号"), Map.entry("purchaseDate", "购买日期"),
                            Map.entry("fault", "故障现象"), Map.entry("vehicleDetails", "安装车辆明细"),
                            Map.entry("driverDetails", "司机信息"), Map.entry("status", "状态"),
                            Map.entry("appointmentAt", "预约上门时间"), Map.entry("lateAt", "迟到时间"),
                            Map.entry("decidedBy", "审批人"), Map.entry("decisionNote", "审批意见"),
                            Map.entry("technician", "技术人员"), Map.entry("preparationNote", "出发前准备"),
                            Map.entry("workRecord", "服务记录"), Map.entry("returnedToWorkshop", "返修"),
                            Map.entry("oldTerminalNo", "原终端号"), Map.entry("newTerminalNo", "新终端号"),
                            Map.entry("simReplaced", "更换 SIM 卡"), Map.entry("oldSim", "原 SIM 卡号"),
                            Map.entry("newSim", "新 SIM 卡号"), Map.entry("outOfWarranty", "保修期外"),
                            Map.entry("partsFee", "零部件费用"), Map.entry("invoiceNo", "发票号"),
                            Map.entry("servicedAt", "完工时间"), Map.entry("financeConfirmedBy", "财务确认人"),
                            Map.entry("financeConfirmedAt", "财务确认时间"), Map.entry("supervisionNote", "督办意见"),
                            Map.entry("returnVisitNote", "回访情况"), Map.entry("closedAt", "完成时间")),
                            Set.of("contactName", "contactPhone", "address", "driverDetails")));
        }

        @Override
        public CaseKeys keysOfCustomer(long customerId) {
            return CaseKeys.of("select w.order_no from work_order w where w.customer_id = ?", customerId);
        }

        @Override
        public CaseKeys keysWithBreach() {
            return CaseKeys.of("select w.order_no from work_order w where w.late_at is not null");
        }

        /** Who registered it and its technician. */
        @Override
        public CaseKeys keysVisibleTo(String userId, Set<String> groups) {
            return new CaseKeys("select w.order_no from work_order w where w.requested_by = ? or w.technician = ?",
                    List.of(userId, userId));
        }
    }

    /** 派工单 on the case page: the request, the assignment, the service record and the fee. */
    @Component
    static class Section implements CaseSection {

        private final WorkOrderRepository orders;
        private final DataAccessLog accessLog;

        Section(WorkOrderRepository orders, DataAccessLog accessLog) {
            this.orders = orders;
            this.accessLog = accessLog;
        }

        @Override
        public String title() {
            return "派工单";
        }

        @Override
        public boolean supports(String processKey) {
            return DispatchProcess.KEY.equals(processKey);
        }

        @Override
        @Transactional(readOnly = true)
        public CustomerSection.Section of(String businessKey, CurrentUser user) {
            WorkOrder o = orders.findByOrderNo(businessKey).orElse(null);
            if (o == null) {
                return null;
            }
            boolean unmasked = WorkOrderService.mayReadPersonalData(o, user);
            if (unmasked) {
                accessLog.personalDataRead(user.id(), o.getCustomerId(), o.getOrderNo(), "派工单");
            }
            List<CustomerSection.Row> rows = new ArrayList<>();
            add(rows, "类型", o.getKind().formTitle());
            add(rows, "状态", o.getStatus().label());
            add(rows, "联系人", unmasked ? o.getContactName() : PersonalData.maskName(o.getContactName()));
            add(rows, "联系方式", unmasked ? o.getContactPhone() : PersonalData.maskPhone(o.getContactPhone()));
            add(rows, "具体地址", unmasked ? o.getAddress() : PersonalData.maskAddress(o.getAddress()));
            add(rows, "商品型号", o.getProductModel());
            add(rows, "购买日期", o.getPurchaseDate() == null ? null : o.getPurchaseDate().toString());
            add(rows, "故障现象", o.getFault());
            add(rows, "安装车辆明细", o.getVehicleDetails());
            add(rows, "司机信息", o.getDriverDetails() == null ? null : unmasked ? o.getDriverDetails() : "****");
            add(rows, "预约上门时间", time(o.getAppointmentAt()));
            add(rows, "登记人", o.getRequestedBy());
            add(rows, "审批人", o.getDecidedBy());
            add(rows, "审批意见", o.getDecisionNote());
            add(rows, "技术人员", o.getTechnician());
            add(rows, "出发前准备", o.getPreparationNote());
            add(rows, "服务记录", o.getWorkRecord());
            if (o.isReturnedToWorkshop()) {
                add(rows, "返修", "原终端号 " + o.getOldTerminalNo() + " → 新终端号 " + o.getNewTerminalNo());
            }
            if (o.isSimReplaced()) {
                add(rows, "更换 SIM 卡", "原 " + o.getOldSim() + " → 新 " + o.getNewSim());
            }
            if (o.isOutOfWarranty()) {
                add(rows, "零部件费用", o.getPartsFee().toPlainString() + " 元(发票 " + o.getInvoiceNo() + ")");
                add(rows, "财务确认", o.getFinanceConfirmedBy() == null ? "待确认"
                        : o.getFinanceConfirmedBy() + " " + time(o.getFinanceConfirmedAt()));
            }
            add(rows, "上门迟到", time(o.getLateAt()));
            add(rows, "督办意见", o.getSupervisionNote());
            add(rows, "回访情况", o.getReturnVisitNote());
            add(rows, "完成时间", time(o.getClosedAt()));
            return new CustomerSection.Section(List.of("项目", "内容"), rows);
        }

        private static void add(List<CustomerSection.Row> rows, String label, String value) {
            if (value != null && !value.isBlank()) {
                rows.add(new CustomerSection.Row(List.of(label, value), null));
            }
        }

        private static String time(Instant at) {
            return TimeText.minutes(at);
        }
    }

    private WorkOrderRecordHistory() {
    }
}
