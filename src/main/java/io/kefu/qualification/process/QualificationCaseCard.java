package io.kefu.qualification.process;

import io.kefu.shared.Markdown;
import io.kefu.qualification.QualificationReview;
import io.kefu.qualification.QualificationService;
import io.kefu.task.BoundCase;
import io.kefu.task.CaseCardProvider;
import io.kefu.customer.CustomerDetails;
import io.kefu.task.TaskCards;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The case card on the review's tasks: the customer's class and tier, the cycle, the meeting, the scores so far. */
@Component
class QualificationCaseCard implements CaseCardProvider {

    private final QualificationService service;

    QualificationCaseCard(QualificationService service) {
        this.service = service;
    }

    @Override
    public String processKey() {
        return QualificationProcess.KEY;
    }

    @Override
    @Transactional(readOnly = true)
    public String caseSummary(DelegateTask task) {
        QualificationReview r = BoundCase.find(task, service::forProcessInstance).orElse(null);
        if (r == null) {
            return "";
        }
        Markdown md = new Markdown();
        md.heading("**资质审核** " + r.getReviewNo() + " · **状态** " + r.getStatus().label());
        CustomerDetails customer = service.customerOf(r);
        md.row("客户", TaskCards.customerName(customer) + "(" + customer.code() + ")");
        md.row("客户分类", r.getCustomerClass().label());
        md.row("当前等级", r.getTierBefore() + " 级");
        md.row("审核周期", r.getCycleMonths() + " 个月(应审核日期 " + r.getDueOn() + ")");
        md.row("年度会晤", r.getMeetingVisitId() == null ? null : "已安排回访(年度会晤),由客服经理上门会晤");
        if (r.getCredit() != null) {
            md.row("评分", "满意度 " + r.getSatisfaction() + " · 业务贡献 " + r.getContribution() + " · 信用 "
                    + r.getCredit() + " · 总分 " + r.getTotalScore() + " · 评级 " + r.getGrade());
            md.row("上次信用评分", r.getPreviousCredit() == null ? "无(首次审核)" : r.getPreviousCredit().toString());
            md.row("等级调整", r.isTierChanged() ? r.getTierBefore() + " → " + r.getTierAfter() + ":"
                    + r.getTierChangeReason() : "不调整");
            md.row("评分说明", r.getScoreNote());
            md.row("信用状况", r.isCreditDeclined() ? "信用下降,请决定是否终止合作" : null);
        }
        return md.toString();
    }
}
