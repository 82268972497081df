package io.kefu.dispatch.process;

import io.kefu.shared.Markdown;
import io.kefu.customer.PersonalData;
import io.kefu.dispatch.WorkOrder;
import io.kefu.dispatch.WorkOrderService;
import io.kefu.task.BoundCase;
import io.kefu.task.CaseCardProvider;
import io.kefu.task.TaskCards;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case card on every dispatch task: the work order as the record holds it, contact and address masked (the
 * technician reads them in full on the console's case page or {@code GET /api/work-orders/{id}}); on the approval
 * the technicians' open work orders, for the balanced assignment.
 */
@Component
class DispatchCaseCard implements CaseCardProvider {

    private final WorkOrderService orders;

    DispatchCaseCard(WorkOrderService orders) {
        this.orders = orders;
    }

    @Override
    public String processKey() {
        return DispatchProcess.KEY;
    }

    @Override
    @Transactional(readOnly = true)
    public String caseSummary(DelegateTask task) {
        WorkOrder o = BoundCase.find(task, orders::forProcessInstance).orElse(null);
        if (o == null) {
            return "";
        }
        Markdown md = new Markdown();
        md.heading("**" + o.getKind().formTitle() + "** " + o.getOrderNo() + " · **状态** " + o.getStatus().label());
        md.row("客户", TaskCards.customerName(orders.customerOf(o)));
        md.row("联系人", PersonalData.maskName(o.getContactName()));
        md.row("联系方式", PersonalData.maskPhone(o.getContactPhone()) + "(技术人员可在控制台案件页查看完整信息)");
        md.row("地址", PersonalData.maskAddress(o.getAddress()));
        md.row("商品型号", o.getProductModel());
        md.row("购买日期", o.getPurchaseDate() == null ? null : o.getPurchaseDate().toString());
        md.row("保修", o.getKind() == io.kefu.dispatch.WorkOrderKind.REPAIR
                ? (orders.isOutOfWarranty(o) ? "保修期外(只收零部件费用)" : "保修期内(免费)") : null);
        md.row("故障现象", PersonalData.maskPhoneNumbersIn(o.getFault()));
        md.row("安装车辆明细", PersonalData.maskPhoneNumbersIn(o.getVehicleDetails()));
        md.row("预约上门时间", Markdown.time(o.getAppointmentAt()));
        md.row("登记人", o.getRequestedBy());
        md.row("技术人员", o.getTechnician());
        md.row("审批意见", o.getDecisionNote());
        if (DispatchProcess.TASK_APPROVE.equals(task.getTaskDefinitionKey())) {
            Map<String, Long> load = orders.technicianLoad();
            md.row("技术人员在办派工单", load.entrySet().stream().map(e -> e.getKey() + " " + e.getValue() + " 单")
                    .collect(Collectors.joining(",")) + (orders.proposeTechnician().map(t -> ";不指定则派给 " + t)
                    .orElse("")));
        }
        md.row("出发前准备", o.getPreparationNote());
        md.row("服务记录", o.getWorkRecord());
        md.row("零部件费用", o.getPartsFee() == null ? null : o.getPartsFee().toPlainString() + " 元(发票 "
                + o.getInvoiceNo() + ")");
        md.row("迟到", o.getLateAt() == null ? null : "预约时间已过未完成服务 " + Markdown.time(o.getLateAt()));
        md.row("督办意见", o.getSupervisionNote());
        return md.toString();
    }
}
