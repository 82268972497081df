package io.kefu.staffreview.process;

import io.kefu.shared.Markdown;
import io.kefu.staffreview.StaffReview;
import io.kefu.staffreview.StaffReviewService;
import io.kefu.task.BoundCase;
import io.kefu.task.CaseCardProvider;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The card on every staff-review task. It stays in the engine's history, which supervisors read too, so it names the
 * review and where to read it — never the figures, scores, grade or objection: those are read in the console, where
 * only managers, the employee and auditors see them (StaffRecords).
 */
@Component
class StaffReviewCaseCard implements CaseCardProvider {

    private final StaffReviewService reviews;

    StaffReviewCaseCard(StaffReviewService reviews) {
        this.reviews = reviews;
    }

    @Override
    public String processKey() {
        return StaffReviewProcess.KEY;
    }

    @Override
    @Transactional(readOnly = true)
    public String caseSummary(DelegateTask task) {
        StaffReview r = BoundCase.find(task, StaffReview.class, reviews::forProcessInstance).orElse(null);
        if (r == null) {
            return "";
        }
        Markdown md = new Markdown();
        md.heading("**考评编号** " + r.getReviewNo() + " · **被考评人** " + r.getEmployee() + " · **月份** "
                + r.getReviewMonth() + " · **状态** " + r.getStatus().label());
        md.row("计分卡", "请在客服控制台「员工考评」打开 /console/staff-reviews/" + r.getId()
                + " 查看本月数据、各项评分与等级(仅经理、本人和审计可见)");
        return md.toString();
    }
}
