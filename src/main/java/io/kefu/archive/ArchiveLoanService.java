package io.kefu.archive;

import static io.kefu.shared.FieldErrors.blankToNull;
import static io.kefu.shared.FieldErrors.failOn;
import jakarta.validation.constraints.Size;
import io.kefu.shared.ConflictException;
import io.kefu.shared.InvalidInputException;
import io.kefu.shared.NotFoundException;
import io.kefu.shared.time.Now;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import io.kefu.archive.process.ArchiveLoanProcess;
import io.kefu.task.ProcessBindings;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The loan register (借阅登记册): a request, the rule that applies to it, the approval, handing the file out, the
 * reminders, and the return that cancels the loan. A borrower never approves, hands out or takes back their own
 * loan (the process also keeps them off those tasks).
 */
@Service
@Transactional
public class ArchiveLoanService {

    static final Set<LoanStatus> OPEN = EnumSet.of(LoanStatus.REQUESTED, LoanStatus.APPROVED, LoanStatus.LENT);
    static final Set<String> RETURN_CONDITIONS = Set.of("INTACT", "DAMAGED", "INCOMPLETE");

    private final ArchiveLoanRepository loans;
    private final ArchiveEntryRepository entries;
    private final ArchiveReadingRepository readings;
    private final RuntimeService runtimeService;

    private final ProcessBindings<ArchiveLoan> bindings;

    ArchiveLoanService(ArchiveLoanRepository loans, ArchiveEntryRepository entries, ArchiveReadingRepository readings,
            RuntimeService runtimeService) {
        this.loans = loans;
        this.bindings = new ProcessBindings<>(loans::findByProcessInstanceId, loans::findById,
                ArchiveLoan::getId, ArchiveLoan::getProcessInstanceId);
        this.entries = entries;
        this.readings = readings;
        this.runtimeService = runtimeService;
    }

    /** A request from Kefu's API: registered, then its archive-loan case starts (business key = loan number). */
    public ArchiveLoan openLoan(LoanRequest request, String borrower) {
        ArchiveLoan loan = request(request, borrower);
        runtimeService.startProcessInstanceByKey(ArchiveLoanProcess.KEY, loan.getLoanNo(),
                ArchiveLoanProcess.startVariables(loan));
        return loan;
    }

    /** Registers a request (借阅申请). Whether it may be granted at all is the rule table's, not the request's, say. */
    public ArchiveLoan request(LoanRequest request, String borrower) {
        Map<String, String> errors = new LinkedHashMap<>();
        ArchiveEntry entry = null;
        if (request.archiveNo() == null || request.archiveNo().isBlank()) {
            errors.put("archiveNo", "请填写档案编号");
        } else {
            entry = entries.findOne((root, q, cb) -> cb.equal(root.get("archiveNo"),
                    request.archiveNo().trim().toUpperCase())).orElse(null);
            if (entry == null) {
                errors.put("archiveNo", "档案编号 " + request.archiveNo().trim() + " 不存在");
            } else if (entry.isDestroyed() || entry.getStatus() == ArchiveStatus.PENDING_DESTRUCTION) {
                errors.put("archiveNo", "档案 " + entry.getArchiveNo() + " 已销毁或待销毁,不能借阅");
            }
        }
        if (request.loanKind() == null) {
            errors.put("loanKind", "请选择借阅类别");
        }
        if (request.pieces() == null || request.pieces() < 1) {
            errors.put("pieces", "借阅份数至少为 1");
        } else if (entry != null && request.pieces() > entry.getOriginals() + entry.getCopies()) {
            errors.put("pieces", "该档案只有 " + (entry.getOriginals() + entry.getCopies()) + " 份");
        }
        if (request.purpose() == null || request.purpose().isBlank()) {
            errors.put("purpose", "请填写借阅理由");
        }
        if (request.loanKind() == LoanKind.DEPARTMENT) {
            if (request.department() == null || request.department().isBlank()) {
                errors.put("department", "部门借阅须注明借阅部门");
            }
            if (request.signedRequestRef() == null || request.signedRequestRef().isBlank()) {
                errors.put("signedRequestRef", "部门借阅须有部门负责人签字的《客户借阅申请表》(填写申请表编号)");
            }
        }
        if (borrower == null || borrower.isBlank() || Actor.SYSTEM.equals(borrower)) {
            errors.put("borrower", "无法确定借阅人:请登录后申请");
        }
        failOn(errors);
        ArchiveLoan loan = new ArchiveLoan(entry, borrower, blankToNull(request.department()), request.loanKind(),
                request.pieces(), request.purpose().trim(), blankToNull(request.signedRequestRef()));
        loans.saveAndFlush(loan);
        loan.numberFromId();
        return loan;
    }

    public void linkProcess(long loanId, String processInstanceId) {
        find(loanId).linkProcess(processInstanceId);
    }

    /** The rule table's answer: a loan it does not allow (机密 files) is refused at once, with its reason. */
    public void applyRule(long loanId, boolean allowed, Integer maxDays, String approverGroup, String refusalReason) {
        ArchiveLoan loan = find(loanId);
        if (allowed) {
            if (maxDays == null || maxDays < 1 || approverGroup == null || approverGroup.isBlank()) {
                throw new IllegalStateException("archive-loan-rules allowed loan " + loan.getLoanNo()
                        + " without maximum days and approver group");
            }
            loan.applyRule(maxDays, approverGroup);
        } else {
            loan.refuse(refusalReason == null || refusalReason.isBlank() ? "按借阅规则不予外借" : refusalReason);
        }
    }

    public void decide(long loanId, boolean approved, String approver, String note) {
        ArchiveLoan loan = find(loanId);
        if (approver.equals(loan.getBorrower())) {
            throw InvalidInputException.of("approved", "借阅人不能审批自己的借阅申请");
        }
        if (!approved && (note == null || note.isBlank())) {
            throw InvalidInputException.of("decisionNote", "不批准时请说明理由");
        }
        loan.decide(approved, approver, blankToNull(note));
    }

    /** The archivist hands the file out (借出登记): the loan is due after the rule's maximum days. */
    public ArchiveLoan handOut(long loanId, String archivist) {
        return handOut(loanId, archivist, null);
    }

    /** Hands the file out; {@code reference} is the signed register line's number, when one was typed. */
    public ArchiveLoan handOut(long loanId, String archivist, String reference) {
        if (reference != null && reference.strip().length() > 200) {
            throw InvalidInputException.of("handOutReference", "登记编号最多 200 个字符");
        }
        ArchiveLoan loan = find(loanId);
        if (archivist.equals(loan.getBorrower())) {
            throw InvalidInputException.of("handedOut", "借阅人不能自己办理借出");
        }
        if (loan.getEntry().getStatus() == ArchiveStatus.ON_LOAN) {
            throw new ConflictException("档案 " + loan.getEntry().getArchiveNo() + " 已借出,尚未归还");
        }
        loan.handOut(archivist, reference == null || reference.isBlank() ? null : reference.strip());
        return loan;
    }

    public void recordReminder(long loanId) {
        find(loanId).remind();
    }

    /** A reminder while overdue; true the first time, when the managers are told (逾期催还,上报经理). */
    public boolean recordOverdue(long loanId) {
        ArchiveLoan loan = find(loanId);
        boolean first = loan.getEscalatedAt() == null;
        loan.remind();
        loan.escalate();
        return first;
    }

    public void noteSupervision(long loanId, String manager, String note) {
        if (note == null || note.isBlank()) {
            throw InvalidInputException.of("supervisionNote", "请填写督办意见");
        }
        find(loanId).noteSupervision(manager, note.trim());
    }

    /** The file is back (归还注销): its condition is noted. */
    public void registerReturn(long loanId, String archivist, String condition, String note) {
        ArchiveLoan loan = find(loanId);
        if (condition == null || !RETURN_CONDITIONS.contains(condition)) {
            throw InvalidInputException.of("returnCondition", "请选择归还时档案的状况");
        }
        if (!"INTACT".equals(condition) && (note == null || note.isBlank())) {
            throw InvalidInputException.of("returnNote", "档案有损坏或缺失时请说明情况");
        }
        if (archivist.equals(loan.getBorrower())) {
            throw InvalidInputException.of("returnCondition", "借阅人不能自己办理归还登记");
        }
        loan.registerReturn(archivist, condition, blankToNull(note));
    }

    /** Instead of a loan of a 机密 file: the file was read in the archive room (档案室内查阅). */
    public void recordReading(long loanId, String recordedBy, String note) {
        ArchiveLoan loan = find(loanId);
        readings.save(new ArchiveReading(loan.getEntry(), loan.getBorrower(),
                note == null || note.isBlank() ? loan.getPurpose() : note.trim(), recordedBy));
    }

    /** The loan Kefu bound to this process instance (the one its tasks decide), if any. */
    @Transactional(readOnly = true)
    public Optional<ArchiveLoan> forProcessInstance(String processInstanceId) {
        return bindings.find(processInstanceId);
    }

    @Transactional(readOnly = true)
    public ArchiveLoan find(long loanId) {
        return loans.findById(loanId).orElseThrow(() -> new NotFoundException("借阅记录 " + loanId + " 不存在"));
    }

    @Transactional(readOnly = true)
    public List<ArchiveLoan> loansOfEntry(long entryId) {
        return loans.findByEntry(entryId);
    }

    @Transactional(readOnly = true)
    public List<ArchiveReading> readingsOfEntry(long entryId) {
        return readings.findByEntryIdOrderById(entryId);
    }

    /** Open loans (requested, approved, out), optionally one borrower's or only those overdue. */
    @Transactional(readOnly = true)
    public List<ArchiveLoan> openLoans(String borrower, boolean overdueOnly) {
        Instant now = Now.instant();
        return loans.findOpen(overdueOnly ? EnumSet.of(LoanStatus.LENT) : OPEN, blankToNull(borrower),
                overdueOnly ? now : null);
    }

    /** One page of {@link #openLoans(String, boolean)}, newest first. */
    @Transactional(readOnly = true)
    public Page<ArchiveLoan> openLoans(String borrower, boolean overdueOnly, Pageable page) {
        return loans.findOpen(overdueOnly ? EnumSet.of(LoanStatus.LENT) : OPEN, blankToNull(borrower),
                overdueOnly ? Now.instant() : null, page);
    }

    /** Whether the user borrowed this file and has it, or had it approved: a department may then see the entry. */
    @Transactional(readOnly = true)
    public boolean hasOpenLoan(long entryId, String user) {
        return loans.findByEntry(entryId).stream()
                .anyMatch(l -> l.getBorrower().equals(user) && l.getStatus().isOpen());
    }

    /** What a borrower asks for (客户借阅申请表): which file, how many pieces, why, which kind of loan. */
    public record LoanRequest(@Size(max = 20, message = "档案号最多 20 个字符") String archiveNo, LoanKind loanKind,
            Integer pieces, @Size(max = 2000, message = "借阅目的最多 2000 个字符") String purpose,
            @Size(max = 30, message = "部门最多 30 个字符") String department,
            @Size(max = 200, message = "签字申请单编号最多 200 个字符") String signedRequestRef) {
    }
}
