package io.kefu.archive.process;

import io.kefu.shared.Markdown;
import io.kefu.archive.ArchiveLoan;
import io.kefu.archive.ArchiveLoanService;
import io.kefu.notification.NoticeContextProvider;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The placeholders of the archive-loan notices (processes/archive/notice-templates.yaml), from the loan register. */
@Component
class ArchiveLoanNoticeContext implements NoticeContextProvider {

    private final ArchiveLoanService loans;
    private final ArchiveCases cases;

    ArchiveLoanNoticeContext(ArchiveLoanService loans, ArchiveCases cases) {
        this.loans = loans;
        this.cases = cases;
    }

    @Override
    public String processKey() {
        return ArchiveLoanProcess.KEY;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, String> placeholders(DelegateExecution execution) {
        ArchiveLoan loan = loans.find(cases.loanId(execution));
        Map<String, String> values = new HashMap<>();
        values.put("loanNo", loan.getLoanNo());
        values.put("archiveNo", loan.getEntry().getArchiveNo());
        values.put("fileTitle", loan.getEntry().getTitle());
        values.put("loanKind", loan.getLoanKind().label());
        values.put("pieces", String.valueOf(loan.getPieces()));
        values.put("dueDate", loan.getDueAt() == null ? "—" : Markdown.time(loan.getDueAt()));
        values.put("decisionNote", loan.getDecisionNote() == null ? "—" : loan.getDecisionNote());
        values.put("refusalReason", loan.getDecisionNote() == null ? "按借阅规则不予外借" : loan.getDecisionNote());
        values.put("reminders", String.valueOf(loan.getReminders()));
        return values;
    }
}
