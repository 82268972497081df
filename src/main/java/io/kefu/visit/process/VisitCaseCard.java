package io.kefu.visit.process;

import io.kefu.customer.Contact;
import io.kefu.customer.CustomerDetails;
import io.kefu.customer.PersonalData;
import io.kefu.identity.KefuGroups.Department;
import io.kefu.task.BoundCase;
import io.kefu.task.CaseCardProvider;
import io.kefu.visit.Visit;
import io.kefu.visit.VisitNoteKind;
import io.kefu.shared.CaseNote;
import io.kefu.shared.Markdown;
import io.kefu.visit.VisitService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case card on every visit task: the customer, why the visit is due, what happened so far. The card is a task
 * variable that candidates and auditors can read and that stays in the engine's history, so the contact and the
 * consignee are masked on every task; the customer's page in Kefu's console shows them in full to those entitled
 * (the read is logged).
 */
abstract class VisitCaseCard implements CaseCardProvider {

    private final VisitService visits;

    VisitCaseCard(VisitService visits) {
        this.visits = visits;
    }

    @Override
    @Transactional(readOnly = true)
    public String caseSummary(DelegateTask task) {
        Visit v = BoundCase.find(task, visits::forProcessInstance).orElse(null);
        if (v == null) {
            return "";
        }
        CustomerDetails customer = visits.customerOf(v);
        Markdown md = new Markdown();
        md.heading("**回访编号** " + v.getVisitNo()
                + " · **类型** " + v.getKind().label() + " · **状态** " + v.getStatus().label());
        md.row("客户", customer.name() + "(" + customer.code() + "," + customer.type().label() + ","
                + customer.tier() + " 类)");
        Contact c = customer.firstContact();
        if (c != null) {
            md.row("联系人", PersonalData.maskName(c.getName()) + " / " + PersonalData.maskPhone(c.getPhone()));
            md.row("完整联系方式", "见客户全景 [/console/customers/" + customer.id() + "](/console/customers/"
                    + customer.id() + ")(客户专员、主管和经理可查阅,每次查阅记入访问日志)");
        }
        md.row("回访人", v.getVisitorRole().label() + " · " + (v.getVisitorId() != null ? v.getVisitorId()
                : v.getVisitorGroup()) + " · " + v.getMode().label());
        md.row("专题", v.getOccasion());
        md.row("应回访日期", v.getDueDate().toString());
        md.row("最迟完成", visits.localText(v.getDeadline()) + "(三日内回访)");
        if (v.getOrderNo() != null) {
            md.row("下游订单", v.getOrderNo() + ",配送日期 " + v.getDeliveredOn()
                    + (v.getConsignee() == null ? "" : ",收货人 " + PersonalData.maskName(v.getConsignee())));
        }
        if (v.getAppointmentAt() != null) {
            md.row("另约时间", visits.localText(v.getAppointmentAt()));
        }
        if (v.getPlanTime() != null) {
            md.row("拜访计划", visits.localText(v.getPlanTime()) + ";" + v.getPlanRoute() + ";" + v.getPlanPurpose());
        }
        if (v.getSatisfaction() != null) {
            md.row("满意度", v.getSatisfaction().label());
        }
        md.row("需改进", v.getImprovement());
        md.row("客户建议", v.getSuggestions());
        if (v.hasMatter()) {
            md.row("转交事项", Department.fromCode(v.getMatterDepartment()).map(Department::label)
                    .orElse(v.getMatterDepartment()) + ":" + v.getMatterText());
        }
        if (v.hasComplaint()) {
            md.row("客户投诉", v.getComplaintCategory().label() + ":" + v.getComplaintText());
        }
        if (v.isOverdue()) {
            md.row("超时", "已超过三日回访期限");
        }
        for (CaseNote note : v.getNotes()) {
            md.row(VisitNoteKind.labelOf(note.getKind()) + "(" + note.getAuthor() + ")", note.getText());
        }
        return md.toString();
    }



    @Component
    static class ReturnVisitCard extends VisitCaseCard {
        ReturnVisitCard(VisitService visits) {
            super(visits);
        }

        @Override
        public String processKey() {
            return VisitProcess.RETURN_VISIT;
        }
    }

    @Component
    static class SatisfactionSurveyCard extends VisitCaseCard {
        SatisfactionSurveyCard(VisitService visits) {
            super(visits);
        }

        @Override
        public String processKey() {
            return VisitProcess.SATISFACTION_SURVEY;
        }
    }

    @Component
    static class StoreOpeningSurveyCard extends VisitCaseCard {
        StoreOpeningSurveyCard(VisitService visits) {
            super(visits);
        }

        @Override
        public String processKey() {
            return VisitProcess.STORE_OPENING_SURVEY;
        }
    }

    @Component
    static class DeliveryFollowUpCard extends VisitCaseCard {
        DeliveryFollowUpCard(VisitService visits) {
            super(visits);
        }

        @Override
        public String processKey() {
            return VisitProcess.DELIVERY_FOLLOW_UP;
        }
    }
}
