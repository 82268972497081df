package io.kefu.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.kefu.archive.ArchiveService.FilingRequest;
import io.kefu.customer.Customer;
import io.kefu.customer.CustomerRequest;
import io.kefu.customer.CustomerRequest.ContactRequest;
import io.kefu.customer.CustomerService;
import io.kefu.customer.CustomerTier;
import io.kefu.customer.CustomerType;
import io.kefu.shared.InvalidInputException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.transaction.support.TransactionTemplate;

/** The catalogue as the contract feature uses it: filing a contract, marking it when the contract ends. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ArchiveCatalogueTest {

    @Autowired
    ArchiveService archive;
    @Autowired
    ArchiveLoanService loans;
    @Autowired
    CustomerService customers;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void aFiledContractGetsAnArchiveNumberAndIsSecretByDefault() {
        Customer customer = newCustomer();
        long contractId = contractId();

        ArchiveEntry entry = archive.fileContract(contractId, customer.getId(), "加盟合同", "档案室一-A柜-03层", 2, 1, null);

        assertThat(entry.getArchiveNo()).matches("DA\\d{4}-\\d{5}");
        assertThat(entry.getKind()).isEqualTo(ArchiveKind.CONTRACT);
        assertThat(entry.getSecrecy()).isEqualTo(SecrecyClass.SECRET);
        assertThat(entry.getStatus()).isEqualTo(ArchiveStatus.ON_FILE);
        assertThat(entry.getOriginals()).isEqualTo(2);
        assertThat(entry.getCopies()).isEqualTo(1);
        assertThat(entry.getFiledBy()).isEqualTo(Actor.SYSTEM);
        assertThat(archive.entriesOfContract(contractId)).extracting(ArchiveEntry::getId).containsExactly(entry.getId());
    }

    @Test
    void filingWithoutTitleLocationOrPiecesNamesEachField() {
        InvalidInputException invalid = catchThrowableOfType(InvalidInputException.class, () -> archive.file(
                new FilingRequest(" ", ArchiveKind.OTHER, null, -1L, "", 0, 0, null, null)));

        assertThat(invalid.fieldErrors()).containsOnlyKeys("title", "location", "originals", "secrecy", "customerId");
    }

    @Test
    void aTerminatedContractsFilesAreMarkedWhenTheContractFeatureSaysSo() {
        Customer customer = newCustomer();
        long contractId = contractId();
        ArchiveEntry entry = archive.fileContract(contractId, customer.getId(), "代理合同", "档案室一-B柜-01层", 1, 0,
                SecrecyClass.SECRET);
        ArchiveEntry other = archive.fileContract(contractId(), customer.getId(), "另一份合同", "档案室一-B柜-01层", 1, 0,
                null);

        // the contract feature calls this in the transaction that terminates the contract
        transaction.executeWithoutResult(status -> archive.markContractTerminated(contractId));

        assertThat(archive.find(entry.getId()).getStatus()).isEqualTo(ArchiveStatus.TERMINATED_CONTRACT);
        assertThat(archive.find(entry.getId()).getTerminatedAt()).isNotNull();
        assertThat(archive.find(other.getId()).getStatus()).isEqualTo(ArchiveStatus.ON_FILE);
    }

    @Test
    void aContractFileOutOnLoanWhenTheContractEndsComesBackMarkedTerminated() {
        Customer customer = newCustomer();
        long contractId = contractId();
        ArchiveEntry entry = archive.fileContract(contractId, customer.getId(), "经销合同", "档案室一-B柜-02层", 1, 0, null);
        ArchiveLoan loan = loans.request(new ArchiveLoanService.LoanRequest(entry.getArchiveNo(), LoanKind.STAFF, 1,
                "核对", null, null), "agent");
        loans.applyRule(loan.getId(), true, 3, "managers", null);
        loans.decide(loan.getId(), true, "manager", null);
        loans.handOut(loan.getId(), "archivist");

        archive.markContractTerminated(contractId);
        assertThat(archive.find(entry.getId()).getStatus()).isEqualTo(ArchiveStatus.ON_LOAN);
        assertThat(archive.openLoansOfCustomer(customer.getId())).singleElement()
                .satisfies(open -> assertThat(open.status()).isEqualTo(LoanStatus.LENT));

        loans.registerReturn(loan.getId(), "archivist", "INTACT", null);
        assertThat(archive.find(entry.getId()).getStatus()).isEqualTo(ArchiveStatus.TERMINATED_CONTRACT);
        assertThat(archive.openLoansOfCustomer(customer.getId())).isEmpty();
    }

    @Test
    void aCustomerWithoutLoansHasNoOpenLoans() {
        Customer customer = newCustomer();
        archive.fileContract(contractId(), customer.getId(), "加盟合同", "档案室一-A柜-01层", 1, 0, null);

        assertThat(archive.openLoansOfCustomer(customer.getId())).isEmpty();
    }

    Customer newCustomer() {
        return customers.register(new CustomerRequest("档案测试客户 " + UUID.randomUUID().toString().substring(0, 8),
                CustomerType.FRANCHISEE, CustomerTier.B, List.of(new ContactRequest("李店长", "13900139000", "店长")),
                "昆明市盘龙区", "云南", 1, null, null));
    }

    /** Contract ids the contract table would give; unique so tests never meet each other's entries. */
    static long contractId() {
        return ThreadLocalRandom.current().nextLong(1_000_000_000L, Long.MAX_VALUE);
    }
}
