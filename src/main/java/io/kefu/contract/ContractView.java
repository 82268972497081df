package io.kefu.contract;

import io.kefu.customer.Contact;
import io.kefu.customer.CustomerDetails;
import io.kefu.customer.CustomerType;
import io.kefu.customer.PersonalData;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A contract as the API shows it; the customer's contact is masked for users not entitled to it. */
public record ContractView(Long id, String contractNo, CustomerType type, String typeLabel, ContractStatus status,
        String statusLabel, String secrecy, String secrecyLabel, CustomerRef customer, String partyCompany,
        String partyCustomer, String territory, String storeName, String storeAddress, int storeCount,
        LocalDate storeOpeningDate, LocalDate termStart, LocalDate termEnd, BigDecimal feeAmount, String feeTerms,
        String specialTerms, Boolean documentsChecked, CheckMethod checkMethod, Boolean ndaSigned,
        String evaluationReport, Boolean qualified, String draftedBy, String reviewedBy, String approvedBy,
        Instant approvedAt, LocalDate signedOn, LocalDate activatedOn, String archiveNo, String archiveLocation,
        Integer originals, Integer copies, String specialist, Instant contactDue, Instant contactedAt,
        TerminationParty terminationRequestedBy, String terminationReason, boolean terminationPending,
        String unpaidItems, LocalDate terminatedOn, List<NoteView> notes, String processInstanceId,
        String terminationProcessId, boolean personalDataMasked, Instant createdAt, long version,
        List<ContractService.Revision> history) {

    public record CustomerRef(Long id, String code, String name, String status, String contactName,
            String contactPhone) {
    }

    public record NoteView(String kind, String author, String text, Instant createdAt) {
    }

    static ContractView of(Contract c, CustomerDetails cu, boolean unmasked, List<ContractService.Revision> history) {
        Contact contact = cu.firstContact();
        CustomerRef customer = new CustomerRef(cu.id(), cu.code(), cu.name(), cu.status().name(),
                contact == null ? null : unmasked ? contact.getName() : PersonalData.maskName(contact.getName()),
                contact == null ? null : unmasked ? contact.getPhone() : PersonalData.maskPhone(contact.getPhone()));
        return new ContractView(c.getId(), c.getContractNo(), c.getType(), c.getType().label(), c.getStatus(),
                c.getStatus().label(), c.getSecrecy(), "秘密", customer, c.getPartyCompany(), c.getPartyCustomer(),
                c.getTerritory(), c.getStoreName(), c.getStoreAddress(), c.getStoreCount(), c.getStoreOpeningDate(),
                c.getTermStart(), c.getTermEnd(), c.getFeeAmount(), c.getFeeTerms(), c.getSpecialTerms(),
                c.getDocumentsChecked(), c.getCheckMethod(), c.getNdaSigned(), c.getEvaluationReport(),
                c.getQualified(), c.getDraftedBy(), c.getReviewedBy(), c.getApprovedBy(), c.getApprovedAt(),
                c.getSignedOn(), c.getActivatedOn(), c.getArchiveNo(), c.getArchiveLocation(), c.getOriginals(),
                c.getCopies(), c.getSpecialist(), c.getContactDue(), c.getContactedAt(), c.getTerminationRequestedBy(),
                c.getTerminationReason(), c.isTerminationPending(), c.getUnpaidItems(), c.getTerminatedOn(),
                c.getNotes().stream().map(n -> new NoteView(n.getKind(), n.getAuthor(), n.getText(), n.getCreatedAt()))
                        .toList(),
                c.getProcessInstanceId(), c.getTerminationProcessId(), !unmasked, c.getCreatedAt(), c.getVersion(),
                history);
    }
}
