package io.kefu.escalation.process;

import io.kefu.shared.Markdown;
import io.kefu.customer.PersonalData;
import io.kefu.escalation.EscalationInstruction;
import io.kefu.escalation.EscalationReport;
import io.kefu.escalation.EscalationService;
import io.kefu.task.BoundCase;
import io.kefu.task.CaseCardProvider;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The case card on every escalation-report task: the matter, and each level's instruction so far. */
@Component
class EscalationCaseCard implements CaseCardProvider {

    private final EscalationService reports;

    EscalationCaseCard(EscalationService reports) {
        this.reports = reports;
    }

    @Override
    public String processKey() {
        return EscalationProcess.KEY;
    }

    @Override
    @Transactional(readOnly = true)
    public String caseSummary(DelegateTask task) {
        EscalationReport r = BoundCase.find(task, reports::forProcessInstance).orElse(null);
        if (r == null) {
            return "";
        }
        Markdown md = new Markdown();
        md.heading("**请示编号** " + r.getReportNo() + " · **状态** " + r.getStatus().label() + " · **请示人** "
                + r.getReporter() + "(" + r.getReporterLevel().label() + ")" + (r.isUrgent() ? " · **越级请示**" : ""));
        md.row("请示事项", r.getTrigger().label());
        md.row("事由", r.getSubject());
        md.row("情况说明", PersonalData.maskPhoneNumbersIn(r.getDetails()));
        md.row("相关案件", r.getRelatedCase());
        md.row("提出时间", Markdown.time(r.getRaisedAt()));
        md.row("决定层级", r.getDecidingLevel() == null ? null : r.getDecidingLevel().label()
                + "(按请示事项,由请示规则表确定;低于此层级只能批示并呈报上级)");
        for (EscalationInstruction i : reports.instructions(r.getId())) {
            md.row(i.getLevel().label() + i.getKind().label(), i.getInstruction() + "(" + i.getGivenBy() + " "
                    + Markdown.time(i.getGivenAt()) + ")");
        }
        reports.breach(r.getId()).ifPresent(b -> md.row("失泄密事件", "已登记(" + b.statusLabel() + ")"));
        return md.toString();
    }
}
