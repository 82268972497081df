package io.kefu.archive;

import java.time.Instant;

/** A loan as other features and the API read it. */
public record ArchiveLoanView(Long loanId, String loanNo, Long entryId, String archiveNo, String title,
        Long customerId, Long contractId, String borrower, LoanKind loanKind, int pieces, String purpose,
        LoanStatus status, String statusLabel, Instant requestedAt, String decidedBy, String lentBy, Instant lentAt,
        Instant dueAt, boolean overdue, int reminders, Instant returnedAt, String returnCondition) {

    static ArchiveLoanView of(ArchiveLoan loan, Instant now) {
        ArchiveEntry e = loan.getEntry();
        return new ArchiveLoanView(loan.getId(), loan.getLoanNo(), e.getId(), e.getArchiveNo(), e.getTitle(),
                e.getCustomerId(), e.getContractId(), loan.getBorrower(), loan.getLoanKind(), loan.getPieces(),
                loan.getPurpose(), loan.getStatus(), loan.getStatus().label(), loan.getRequestedAt(),
                loan.getDecidedBy(), loan.getLentBy(), loan.getLentAt(), loan.getDueAt(), loan.isOverdue(now),
                loan.getReminders(), loan.getReturnedAt(), loan.getReturnCondition());
    }
}
