package io.kefu.archive.process;

import io.kefu.shared.Markdown;
import io.kefu.archive.ArchiveEntry;
import io.kefu.archive.ArchiveLoan;
import io.kefu.archive.ArchiveLoanService;
import io.kefu.identity.KefuGroups;
import io.kefu.identity.KefuGroups.Department;
import io.kefu.task.BoundCase;
import io.kefu.task.CaseCardProvider;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The case card on every archive-loan task: the file and the loan as the register holds them. */
@Component
class ArchiveLoanCaseCard implements CaseCardProvider {

    private final ArchiveLoanService loans;

    ArchiveLoanCaseCard(ArchiveLoanService loans) {
        this.loans = loans;
    }

    @Override
    public String processKey() {
        return ArchiveLoanProcess.KEY;
    }

    @Override
    @Transactional(readOnly = true)
    public String caseSummary(DelegateTask task) {
        ArchiveLoan loan = BoundCase.find(task, loans::forProcessInstance).orElse(null);
        if (loan == null) {
            return "";
        }
        ArchiveEntry entry = loan.getEntry();
        Markdown md = new Markdown();
        md.heading("**借阅编号** " + loan.getLoanNo() + " · **状态** " + loan.getStatus().label()
                + " · **借阅人** " + loan.getBorrower());
        md.row("档案", entry.getArchiveNo() + " " + entry.getTitle());
        md.row("档案类别 / 密级", entry.getKind().label() + " / " + entry.getSecrecy().label());
        md.row("存放位置", entry.getLocation());
        md.row("正本 / 副本", entry.getOriginals() + " / " + entry.getCopies());
        md.row("借阅类别", loan.getLoanKind().label());
        md.row("借阅部门", loan.getBorrowerDepartment());
        md.row("借阅份数", String.valueOf(loan.getPieces()));
        md.row("借阅理由", loan.getPurpose());
        md.row("借阅申请表", loan.getSignedRequestRef());
        md.row("申请时间", Markdown.time(loan.getRequestedAt()));
        if (loan.getMaxDays() != null && loan.getMaxDays() > 0) {
            md.row("最长借出天数", loan.getMaxDays() + " 天(审批:" + approverLabel(loan.getApproverGroup()) + ")");
        }
        md.row("审批", loan.getDecidedBy() == null ? null : loan.getDecidedBy() + " " + Markdown.time(loan.getDecidedAt())
                + (loan.getDecisionNote() == null ? "" : ":" + loan.getDecisionNote()));
        md.row("借出", loan.getLentBy() == null ? null : loan.getLentBy() + " " + Markdown.time(loan.getLentAt()));
        md.row("应还日期", Markdown.time(loan.getDueAt()));
        if (loan.getReminders() > 0) {
            md.row("催还次数", loan.getReminders() + "(最近 " + Markdown.time(loan.getLastRemindedAt()) + ")");
        }
        md.row("督办意见", loan.getSupervisionNote());
        return md.toString();
    }

    private static String approverLabel(String group) {
        if (KefuGroups.MANAGERS.equals(group)) {
            return "客户服务部经理";
        }
        if (group != null && group.startsWith(KefuGroups.DEPARTMENT_PREFIX)) {
            return Department.fromCode(group.substring(KefuGroups.DEPARTMENT_PREFIX.length()))
                    .map(d -> d.label() + "负责人").orElse(group);
        }
        return group;
    }
}
