package io.kefu.supervision.process;

import io.kefu.shared.Markdown;
import io.kefu.supervision.SupervisionReport;
import io.kefu.supervision.SupervisionService;
import io.kefu.task.BoundCase;
import io.kefu.task.CaseCardProvider;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cards the supervision tasks show: the figures the report was compiled from (the same as 投诉统计, 热线咨询统计,
 * 回访统计 and 派工统计 of the period) and, for the general manager, 业务部's assessment; for a weekly report, the
 * person's own work orders as well. Figures only, no personal data.
 */
final class SupervisionCaseCards {

    static String card(SupervisionReport r) {
        Markdown md = new Markdown();
        md.heading("**" + r.getKind().label() + "** " + r.getReportNo() + " · " + r.getPeriodFrom() + " 至 "
                + r.getPeriodTo());
        md.row("服务受理:投诉", "受理 " + r.getComplaintsReceived() + " 件,已结案 " + r.getComplaintsClosed()
                + " 件,解决超时 " + r.getResolutionBreaches() + " 件");
        md.row("投诉响应及时率", percent(r.getResponseOnTime()));
        md.row("投诉解决及时率", percent(r.getResolutionOnTime()));
        md.row("服务受理:咨询", "受理 " + r.getInquiries() + " 次,转交部门 " + r.getInquiriesReferred() + " 次,转为个案 "
                + r.getInquiriesToCases() + " 次");
        md.row("主动维护:回访", "应回访 " + r.getVisitsDue() + " 次,已回访 " + r.getVisitsDone() + " 次,完成率 "
                + percent(r.getVisitRate()));
        md.row("主动维护:派工", "派工单 " + r.getWorkOrders() + " 单,按时上门率 " + percent(r.getDispatchOnTime()));
        if (r.getOwnWorkOrders() != null) {
            md.row("本人派工单", r.getOwnWorkOrders() + " 单,应上门 " + r.getOwnVisitsDue() + " 次,按时 "
                    + r.getOwnVisitsOnTime() + " 次,按时率 " + percent(r.getOwnOnTimeRate()));
        }
        if (r.getAcceptanceGrade() != null) {
            md.row("业务部考核", "服务受理 " + r.getAcceptanceGrade().label() + ",主动维护 "
                    + r.getMaintenanceGrade().label() + "(" + r.getAssessedBy() + ")");
            md.row("考核意见", r.getAssessment());
            md.row("改进要求", r.getImprovements());
        }
        return md.toString();
    }

    private static String percent(BigDecimal value) {
        return value == null ? "—(无可统计)" : value.toPlainString() + "%";
    }

    private SupervisionCaseCards() {
    }

    @Component
    static class Monthly implements CaseCardProvider {

        private final SupervisionService service;

        Monthly(SupervisionService service) {
            this.service = service;
        }

        @Override
        public String processKey() {
            return SupervisionProcess.MONTHLY_KEY;
        }

        @Override
        @Transactional(readOnly = true)
        public String caseSummary(DelegateTask task) {
            return BoundCase.find(task, SupervisionReport.class, service::forProcessInstance).map(SupervisionCaseCards::card).orElse("");
        }
    }

    /** The card of one person's weekly report: found by the task's assignee among the process's reports. */
    @Component
    static class Weekly implements CaseCardProvider {

        private final SupervisionService service;

        Weekly(SupervisionService service) {
            this.service = service;
        }

        @Override
        public String processKey() {
            return SupervisionProcess.WEEKLY_KEY;
        }

        @Override
        @Transactional(readOnly = true)
        public String caseSummary(DelegateTask task) {
            if (task.getAssignee() == null) {
                return "";
            }
            return service.weeklyOf(task.getProcessInstanceId(), task.getAssignee()).map(SupervisionCaseCards::card)
                    .orElse("");
        }
    }
}
