package io.kefu.archive;

import io.kefu.archive.process.ArchiveDestructionProcess;
import io.kefu.archive.process.ArchiveLoanProcess;
import io.kefu.audit.EntityCaseHistory;
import io.kefu.audit.RecordChanges;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Archive cases on the audit timeline: a loan (借阅) by its loan number, a destruction (销毁) by XH-archive number. */
final class ArchiveRecordHistory {

    @Component
    static class Loans extends EntityCaseHistory {

        Loans() {
            super(Set.of(ArchiveLoanProcess.KEY), ArchiveLoan.class, "loanNo", null, "entry.customerId",
                    new RecordChanges.Labels("借阅记录", Map.ofEntries(
                            Map.entry("loanNo", "借阅编号"), Map.entry("borrower", "借阅人"),
                            Map.entry("borrowerDepartment", "借阅部门"), Map.entry("loanKind", "借阅类型"),
                            Map.entry("pieces", "份数"), Map.entry("purpose", "用途"), Map.entry("status", "状态"),
                            Map.entry("maxDays", "最长天数"), Map.entry("decidedBy", "审批人"),
                            Map.entry("decidedAt", "审批时间"), Map.entry("decisionNote", "审批意见"),
                            Map.entry("lentBy", "借出人"), Map.entry("lentAt", "借出时间"),
                            Map.entry("handOutReference", "借阅登记编号"), Map.entry("dueAt", "应还时间"),
                            Map.entry("reminders", "催还次数"), Map.entry("escalatedAt", "逾期上报时间"),
                            Map.entry("returnedTo", "归还接收人"), Map.entry("returnedAt", "归还时间"),
                            Map.entry("returnCondition", "归还状况")), Set.of()));
        }

        @Override
        public CaseKeys keysOfCustomer(long customerId) {
            return CaseKeys.of("select l.loan_no from archive_loan l join archive_entry e on e.id = l.entry_id"
                    + " where e.customer_id = ?", customerId);
        }

        /** Returned late, or escalated as overdue. */
        @Override
        public CaseKeys keysWithBreach() {
            return CaseKeys.of("select l.loan_no from archive_loan l where l.escalated_at is not null"
                    + " or l.returned_at > l.due_at");
        }

        @Override
        public CaseKeys keysVisibleTo(String userId, Set<String> groups) {
            return CaseKeys.of("select l.loan_no from archive_loan l where l.borrower = ?", userId);
        }
    }

    @Component
    static class Destructions extends EntityCaseHistory {

        Destructions() {
            super(Set.of(ArchiveDestructionProcess.KEY), ArchiveDestruction.class, "entry.archiveNo", "XH-",
                    "entry.customerId", new RecordChanges.Labels("销毁记录", Map.ofEntries(
                            Map.entry("status", "状态"), Map.entry("reason", "销毁理由"),
                            Map.entry("managerAppraisal", "经理鉴定"), Map.entry("managerAppraiser", "经理"),
                            Map.entry("departmentAppraisal", "部门鉴定"), Map.entry("departmentAppraiser", "部门鉴定人"),
                            Map.entry("directorDecision", "总监决定"), Map.entry("director", "总监"),
                            Map.entry("holdUntil", "保留至"), Map.entry("destroyedBy", "销毁人"),
                            Map.entry("supervisor", "监销人"), Map.entry("witness", "见证人"),
                            Map.entry("destroyedAt", "销毁时间"), Map.entry("place", "地点")), Set.of()));
        }

        @Override
        public CaseKeys keysOfCustomer(long customerId) {
            return CaseKeys.of("select concat('XH-', e.archive_no) from archive_destruction d"
                    + " join archive_entry e on e.id = d.entry_id where e.customer_id = ?", customerId);
        }
    }

    private ArchiveRecordHistory() {
    }
}
