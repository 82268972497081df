package io.kefu.phonecase.process;

import io.kefu.shared.Markdown;
import io.kefu.customer.PersonalData;
import io.kefu.identity.KefuGroups.Department;
import io.kefu.phonecase.PhoneCase;
import io.kefu.phonecase.PhoneCaseService;
import io.kefu.phonecase.PhoneCaseView;
import io.kefu.task.BoundCase;
import io.kefu.task.CaseCardProvider;
import io.kefu.customer.CustomerDetails;
import io.kefu.task.TaskCards;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case card on every phone-case task: the case as the record holds it, the person and contact masked (the owner
 * reads them in full on the console's case page or {@code GET /api/phone-cases/{id}}).
 */
@Component
class PhoneCaseCaseCard implements CaseCardProvider {

    private final PhoneCaseService cases;

    PhoneCaseCaseCard(PhoneCaseService cases) {
        this.cases = cases;
    }

    @Override
    public String processKey() {
        return PhoneCaseProcess.KEY;
    }

    @Override
    @Transactional(readOnly = true)
    public String caseSummary(DelegateTask task) {
        PhoneCase c = BoundCase.find(task, cases::forProcessInstance).orElse(null);
        if (c == null) {
            return "";
        }
        Markdown md = new Markdown();
        md.heading("**个案编号** " + c.getCaseNo() + " · **状态** " + c.getStatus().label() + " · **首问负责人** "
                + c.getOwnerId());
        CustomerDetails customer = cases.customerOf(c);
        md.row("客户", customer == null ? null : TaskCards.customerName(customer));
        md.row("时间", c.getOccurredWhen());
        md.row("地点", c.getPlace());
        md.row("人物", PersonalData.maskName(c.getPerson()));
        md.row("联系方式", PhoneCaseView.maskContact(c.getContact()) + "(首问负责人可在控制台案件页查看完整信息)");
        md.row("事件", PersonalData.maskPhoneNumbersIn(c.getEvent()));
        md.row("负责部门", Department.fromCode(c.getDepartment()).map(Department::label).orElse(c.getDepartment()));
        md.row("登记时间", Markdown.time(c.getOpenedAt()));
        md.row("方案期限", Markdown.time(c.getResolutionDueAt()));
        md.row("解决方案", c.getSolution() == null ? null
                : c.getSolution() + "(" + c.getSolvedBy() + " " + Markdown.time(c.getSolvedAt()) + ")");
        md.row("回复期限", Markdown.time(c.getCallbackDueAt()));
        md.row("上次回复", c.getCallbackNote());
        md.row("领导意见", c.getLeaderNote() == null ? null : c.getLeaderNote() + "(" + c.getLeaderBy() + ")");
        md.row("超时", c.getBreachedAt() == null ? null : "方案超过期限 " + Markdown.time(c.getBreachedAt()));
        md.row("督办意见", c.getSupervisionNote());
        return md.toString();
    }
}
