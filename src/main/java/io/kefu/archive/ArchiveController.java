package io.kefu.archive;

import jakarta.validation.Valid;
import io.kefu.archive.ArchiveLoanService.LoanRequest;
import io.kefu.archive.ArchiveService.FilingRequest;
import io.kefu.identity.CurrentUser;
import io.kefu.shared.InvalidInputException;
import io.kefu.shared.NotFoundException;
import io.kefu.shared.time.Now;
import io.kefu.shared.web.FixedOrderPages;
import java.net.URI;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The archive's catalogue (电子目录) and loan register (借阅登记册), read and written by secrecy class and role. */
@RestController
@RequestMapping("/api/archive")
class ArchiveController {

    private final ArchiveService archive;
    private final ArchiveLoanService loans;
    private final ArchiveEntryRepository entries;

    ArchiveController(ArchiveService archive, ArchiveLoanService loans, ArchiveEntryRepository entries) {
        this.archive = archive;
        this.loans = loans;
        this.entries = entries;
    }

    @GetMapping("/entries")
    @Transactional(readOnly = true)
    Page<ArchiveEntryView> search(ArchiveEntrySearch search,
            @PageableDefault(size = 20, sort = "id", direction = Sort.Direction.DESC) Pageable page) {
        CurrentUser user = CurrentUser.get();
        ArchiveEntrySearch scoped = search.restrictedTo(ArchiveAccess.visibleSecrecy(user), user.id());
        return entries.findAll(scoped.toSpecification(), page).map(e -> ArchiveEntryView.of(e, null));
    }

    @GetMapping("/entries/{id}")
    @Transactional(readOnly = true)
    ArchiveEntryView get(@PathVariable long id) {
        CurrentUser user = CurrentUser.get();
        ArchiveEntry entry = entries.findById(id).filter(e -> mayRead(e, user))
                // not "forbidden": whether a classified file exists is itself confidential
                .orElseThrow(() -> new NotFoundException("档案 " + id + " 不存在"));
        var now = Now.instant();
        List<ArchiveLoanView> history = loans.loansOfEntry(id).stream()
                .filter(l -> ArchiveAccess.seesAllLoans(user) || l.getBorrower().equals(user.id()))
                .map(l -> ArchiveLoanView.of(l, now)).toList();
        return ArchiveEntryView.of(entry, history);
    }

    /** Files a record (归档); only the archive's keepers do. */
    @PostMapping("/entries")
    @Transactional
    ResponseEntity<ArchiveEntryView> file(@Valid @RequestBody FilingRequest request) {
        ArchiveEntry entry = archive.file(request, CurrentUser.get());
        return ResponseEntity.created(URI.create("/api/archive/entries/" + entry.getId()))
                .body(ArchiveEntryView.of(entry, List.of()));
    }

    /**
     * Open loans (requested, approved, out); {@code overdue=true} only those past due. Who sees the whole register
     * may filter by {@code borrower}; everyone else sees their own loans. A page at a time, newest first.
     */
    @GetMapping("/loans")
    @Transactional(readOnly = true)
    Page<ArchiveLoanView> openLoans(@RequestParam(required = false) String borrower,
            @RequestParam(defaultValue = "false") boolean overdue,
            @PageableDefault(size = 20) Pageable page) {
        CurrentUser user = CurrentUser.get();
        String scoped = ArchiveAccess.seesAllLoans(user) ? borrower : user.id();
        var now = Now.instant();
        return loans.openLoans(scoped, overdue, FixedOrderPages.requireUnsorted(page, "借阅申请由新到旧"))
                .map(l -> ArchiveLoanView.of(l, now));
    }

    /**
     * A loan request (借阅申请) for the logged-in user; the archive-loan case starts. A department may ask for a 秘密
     * file by its number (the approval is the control); a 机密 file the user may not see is answered as unknown.
     */
    @PostMapping("/loans")
    @Transactional
    ResponseEntity<ArchiveLoanView> requestLoan(@Valid @RequestBody LoanRequest request) {
        CurrentUser user = CurrentUser.get();
        if (request == null) {
            throw InvalidInputException.of("archiveNo", "请填写档案编号");
        }
        entries.findOne((root, q, cb) -> cb.equal(root.get("archiveNo"),
                        request.archiveNo() == null ? "" : request.archiveNo().trim().toUpperCase()))
                .filter(e -> e.getSecrecy() == SecrecyClass.CLASSIFIED && !mayRead(e, user))
                .ifPresent(e -> {
                    throw InvalidInputException.of("archiveNo", "档案编号 " + request.archiveNo().trim() + " 不存在");
                });
        ArchiveLoan loan = loans.openLoan(request, user.id());
        return ResponseEntity.created(URI.create("/api/archive/loans/" + loan.getId()))
                .body(ArchiveLoanView.of(loan, Now.instant()));
    }

    @GetMapping("/loans/{id}")
    @Transactional(readOnly = true)
    ArchiveLoanView loan(@PathVariable long id) {
        CurrentUser user = CurrentUser.get();
        ArchiveLoan loan = loans.find(id);
        if (!ArchiveAccess.seesAllLoans(user) && !loan.getBorrower().equals(user.id())) {
            throw new NotFoundException("借阅记录 " + id + " 不存在");
        }
        return ArchiveLoanView.of(loan, Now.instant());
    }

    private boolean mayRead(ArchiveEntry entry, CurrentUser user) {
        return ArchiveAccess.visibleSecrecy(user).contains(entry.getSecrecy())
                || loans.hasOpenLoan(entry.getId(), user.id());
    }
}
