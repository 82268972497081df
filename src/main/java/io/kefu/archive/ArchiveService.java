package io.kefu.archive;

import static io.kefu.shared.FieldErrors.blankToNull;
import static io.kefu.shared.FieldErrors.failOn;
import jakarta.validation.constraints.Size;
import io.kefu.customer.CustomerService;
import io.kefu.identity.CurrentUser;
import io.kefu.shared.InvalidInputException;
import io.kefu.shared.NotFoundException;
import io.kefu.shared.time.Now;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The archive's catalogue (电子目录) as the rest of Kefu uses it: file a contract or any other record, list a
 * customer's files still out on loan, mark a terminated contract's files. Loans, inspections and destructions have
 * their own services and processes in this package.
 */
@Service
@Transactional
public class ArchiveService {

    /** Contracts and agreements are 秘密 (R2) unless the filer says otherwise. */
    public static final SecrecyClass CONTRACT_SECRECY = SecrecyClass.SECRET;
    /** Contracts are filed by the customer service center (客服部), which appraises them before destruction. */
    public static final String CONTRACT_DEPARTMENT = "service";

    private final ArchiveEntryRepository entries;
    private final ArchiveLoanRepository loans;
    private final CustomerService customers;
    private final Actor actor;

    ArchiveService(ArchiveEntryRepository entries, ArchiveLoanRepository loans, CustomerService customers,
            Actor actor) {
        this.entries = entries;
        this.loans = loans;
        this.customers = customers;
        this.actor = actor;
    }

    /**
     * Files a contract (归档): it gets an archive number and its place in the electronic catalogue. {@code secrecy}
     * may be null for the default 秘密.
     */
    public ArchiveEntry fileContract(Long contractId, Long customerId, String title, String location, int originals,
            int copies, SecrecyClass secrecy) {
        if (contractId == null) {
            throw InvalidInputException.of("contractId", "请指定合同");
        }
        return file(new FilingRequest(title, ArchiveKind.CONTRACT, contractId, customerId, location, originals, copies,
                secrecy == null ? CONTRACT_SECRECY : secrecy, CONTRACT_DEPARTMENT));
    }

    /**
     * The same, for the contract feature: what it records on the contract (archive number and place), without the
     * archive's entity leaving this package.
     */
    public ArchiveEntryView archiveContract(Long contractId, Long customerId, String title, String location,
            int originals, int copies, SecrecyClass secrecy) {
        return ArchiveEntryView.of(fileContract(contractId, customerId, title, location, originals, copies, secrecy),
                List.of());
    }

    /** A filing (归档) through Kefu's API: only the archive's keepers file records (403 for everyone else). */
    public ArchiveEntry file(FilingRequest request, CurrentUser user) {
        if (!ArchiveAccess.keepsTheArchive(user)) {
            throw new AccessDeniedException("only archivists file archive entries");
        }
        if (request == null) {
            throw InvalidInputException.of("title", "请填写档案名称");
        }
        return file(request);
    }

    /** Files any record: a customer file, a notice, a contract. Unchecked, for the processes and the demo data. */
    public ArchiveEntry file(FilingRequest request) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (request.title() == null || request.title().isBlank()) {
            errors.put("title", "请填写档案名称");
        } else if (request.title().trim().length() > 200) {
            errors.put("title", "档案名称不能超过 200 字");
        }
        if (request.kind() == null) {
            errors.put("kind", "请选择档案类别");
        }
        if (request.location() == null || request.location().isBlank()) {
            errors.put("location", "请填写存放位置(室/柜/层)");
        } else if (request.location().trim().length() > 200) {
            errors.put("location", "存放位置不能超过 200 字");
        }
        if (request.originals() < 0) {
            errors.put("originals", "正本份数不能为负数");
        }
        if (request.copies() < 0) {
            errors.put("copies", "副本份数不能为负数");
        }
        if (request.originals() + request.copies() < 1) {
            errors.putIfAbsent("originals", "正本与副本合计至少一份");
        }
        if (request.secrecy() == null) {
            errors.put("secrecy", "请选择密级");
        }
        if (request.customerId() != null && !customers.exists(request.customerId())) {
            errors.put("customerId", "客户 " + request.customerId() + " 不存在");
        }
        failOn(errors);
        ArchiveEntry entry = new ArchiveEntry(request.title().trim(), request.kind(), request.contractId(),
                request.customerId(), request.location().trim(), request.originals(), request.copies(),
                request.secrecy(), blankToNull(request.department()), actor.current());
        entries.saveAndFlush(entry);
        entry.numberFromId();
        return entry;
    }

    @Transactional(readOnly = true)
    public ArchiveEntry find(long id) {
        return entries.findById(id).orElseThrow(() -> new NotFoundException("档案 " + id + " 不存在"));
    }

    @Transactional(readOnly = true)
    public List<ArchiveEntry> entriesOfContract(Long contractId) {
        return entries.findByContractId(contractId);
    }

    /** Loans of this customer's files not yet returned (requested, approved, or out): termination settles them. */
    @Transactional(readOnly = true)
    public List<ArchiveLoanView> openLoansOfCustomer(Long customerId) {
        var now = Now.instant();
        return loans.findByCustomerAndStatus(customerId, ArchiveLoanService.OPEN).stream()
                .map(loan -> ArchiveLoanView.of(loan, now))
                .toList();
    }

    /** The contract ended (解约): its files stay in the archive, marked 合同已解除. */
    public void markContractTerminated(Long contractId) {
        entries.findByContractId(contractId).forEach(ArchiveEntry::markContractTerminated);
    }

    /** What a filing records; {@code department} is the originating department's code (e.g. {@code sales}). */
    public record FilingRequest(@Size(max = 200, message = "档案题名最多 200 个字符") String title, ArchiveKind kind,
            Long contractId, Long customerId, @Size(max = 200, message = "存放位置最多 200 个字符") String location,
            int originals, int copies, SecrecyClass secrecy,
            @Size(max = 30, message = "部门最多 30 个字符") String department) {
    }
}
