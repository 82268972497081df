package io.kefu.contract;

import io.kefu.shared.CaseNote;
import io.kefu.customer.CustomerType;
import io.kefu.shared.ConflictException;
import io.kefu.shared.time.Now;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;

/**
 * A contract with an agent, franchisee or dealer (代理/加盟/经销合同), from the prospect's qualification review to its
 * termination. Audited: every change of its terms is kept with who and when. Contracts are 秘密 (R2).
 * <p>
 * Invariant (不得擅自修改任何合同条款): terms change only while drafting; changing them after the manager's approval
 * sends the contract back for review and approval; once signed they no longer change.
 */
@Entity
@Table(name = "contract")
@Audited
public class Contract {

    /** Contracts and agreements are 秘密 (R2): customer-service staff and auditors only. */
    public static final String SECRECY = "SECRET";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "contract_no", length = 20, unique = true)
    private String contractNo;

    @Enumerated(EnumType.STRING)
    @Column(name = "type", length = 20, nullable = false)
    private CustomerType type;

    /** The customer (客户基础信息) the record is about: its id in the customer registry. */
    @Column(name = "customer_id", nullable = false)
    private Long customerId;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 20, nullable = false)
    private ContractStatus status;

    @Column(name = "secrecy", length = 20, nullable = false)
    private String secrecy = SECRECY;

    // terms
    @Column(name = "party_company", length = 200)
    private String partyCompany;
    @Column(name = "party_customer", length = 200)
    private String partyCustomer;
    @Column(name = "territory", length = 200)
    private String territory;
    @Column(name = "store_name", length = 200)
    private String storeName;
    @Column(name = "store_address", length = 500)
    private String storeAddress;
    @Column(name = "store_count", nullable = false)
    private int storeCount;
    @Column(name = "store_opening_date")
    private LocalDate storeOpeningDate;
    @Column(name = "term_start")
    private LocalDate termStart;
    @Column(name = "term_end")
    private LocalDate termEnd;
    @Column(name = "fee_amount", precision = 14, scale = 2)
    private BigDecimal feeAmount;
    @Column(name = "fee_terms", length = 500)
    private String feeTerms;
    @Column(name = "special_terms", columnDefinition = "text")
    private String specialTerms;

    // qualification review (资质审核)
    @Column(name = "documents_checked")
    private Boolean documentsChecked;
    @Enumerated(EnumType.STRING)
    @Column(name = "check_method", length = 20)
    private CheckMethod checkMethod;
    @Column(name = "nda_signed")
    private Boolean ndaSigned;
    @Column(name = "evaluation_report", columnDefinition = "text")
    private String evaluationReport;
    @Column(name = "qualified")
    private Boolean qualified;

    // review, approval, signing
    @Column(name = "drafted_by", length = 64)
    private String draftedBy;
    @Column(name = "reviewed_by", length = 64)
    private String reviewedBy;
    @Column(name = "review_note", columnDefinition = "text")
    private String reviewNote;
    @Column(name = "approved_by", length = 64)
    private String approvedBy;
    @Column(name = "approved_at")
    private Instant approvedAt;
    @Column(name = "approval_note", columnDefinition = "text")
    private String approvalNote;
    @Column(name = "signed_on")
    private LocalDate signedOn;
    @Column(name = "activated_on")
    private LocalDate activatedOn;

    // archive (档案)
    @Column(name = "archive_no", length = 40)
    private String archiveNo;
    @Column(name = "archive_location", length = 200)
    private String archiveLocation;
    @Column(name = "originals")
    private Integer originals;
    @Column(name = "copies")
    private Integer copies;

    // specialist and first contact (一周内沟通)
    @Column(name = "specialist", length = 64)
    private String specialist;
    @Column(name = "contact_due")
    private Instant contactDue;
    @Column(name = "contacted_at")
    private Instant contactedAt;
    @Column(name = "contact_note", columnDefinition = "text")
    private String contactNote;

    // termination (解约)
    @Enumerated(EnumType.STRING)
    @Column(name = "termination_requested_by", length = 20)
    private TerminationParty terminationRequestedBy;
    @Column(name = "termination_reason", columnDefinition = "text")
    private String terminationReason;
    @Column(name = "termination_requested_at")
    private Instant terminationRequestedAt;
    @Column(name = "unpaid_items", columnDefinition = "text")
    private String unpaidItems;
    @Column(name = "termination_note", columnDefinition = "text")
    private String terminationNote;
    @Column(name = "terminated_on")
    private LocalDate terminatedOn;

    @Column(name = "created_by", length = 64, nullable = false, updatable = false)
    private String createdBy;
    @Column(name = "process_instance_id", length = 64)
    private String processInstanceId;
    @Column(name = "termination_process_id", length = 64)
    private String terminationProcessId;

    @NotAudited
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "contract_note", joinColumns = @JoinColumn(name = "contract_id"))
    @OrderColumn(name = "position")
    private List<CaseNote> notes = new ArrayList<>();

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Contract() {
    }

    Contract(Long customerId, String customerName, CustomerType type, String createdBy) {
        if (type == null || type == CustomerType.MEMBER) {
            throw new IllegalArgumentException("contracts are for agents, franchisees and dealers");
        }
        this.customerId = customerId;
        this.type = type;
        this.createdBy = createdBy;
        this.status = ContractStatus.PROSPECT;
        this.partyCustomer = customerName;
        this.storeCount = type == CustomerType.FRANCHISEE ? 1 : 0;
    }

    @PrePersist
    @PreUpdate
    void touch() {
        updatedAt = Now.instant();
        if (createdAt == null) {
            createdAt = updatedAt;
        }
    }

    void numberFromId() {
        if (contractNo == null) {
            contractNo = String.format("HT%06d", id);
        }
    }

    void linkProcess(String processInstanceId) {
        if (this.processInstanceId != null && !this.processInstanceId.equals(processInstanceId)) {
            throw new ConflictException("合同 " + contractNo + " 已由另一流程实例办理,不能再关联");
        }
        this.processInstanceId = processInstanceId;
    }

    void recordQualification(boolean documentsChecked, CheckMethod checkMethod, boolean ndaSigned, String report,
            boolean qualified) {
        requireStatus(ContractStatus.PROSPECT);
        this.documentsChecked = documentsChecked;
        this.checkMethod = checkMethod;
        this.ndaSigned = ndaSigned;
        this.evaluationReport = report;
        this.qualified = qualified;
        this.status = qualified ? ContractStatus.QUALIFIED : ContractStatus.REJECTED;
    }

    /**
     * Sets the terms. Drafting after the manager's approval withdraws that approval: the contract goes back to
     * review and approval (不得擅自修改任何合同条款). A signed contract's terms do not change.
     */
    void draft(ContractTerms terms, String author) {
        if (!status.termsOpenForDrafting()) {
            throw new ConflictException("合同 " + contractNo + " 当前状态为" + status.label() + ",不能修改合同条款");
        }
        partyCompany = terms.partyCompany();
        partyCustomer = terms.partyCustomer();
        territory = terms.territory();
        storeName = terms.storeName();
        storeAddress = terms.storeAddress();
        storeCount = terms.storeCount() == null ? storeCount : terms.storeCount();
        storeOpeningDate = terms.storeOpeningDate();
        termStart = terms.termStart();
        termEnd = terms.termEnd();
        feeAmount = terms.feeAmount();
        feeTerms = terms.feeTerms();
        specialTerms = terms.specialTerms();
        draftedBy = author;
        withdrawApproval();
        status = ContractStatus.DRAFTED;
    }

    private void withdrawApproval() {
        if (approvedBy != null) {
            addNote(ContractNoteKind.APPROVAL_WITHDRAWN, draftedBy,
                    "批准后修改条款,须重新审核与审批(原批准人 " + approvedBy + ")");
        }
        approvedBy = null;
        approvedAt = null;
    }

    void recordReview(boolean passed, String note, String reviewer) {
        requireStatus(ContractStatus.DRAFTED);
        reviewedBy = reviewer;
        reviewNote = note;
        addNote(passed ? ContractNoteKind.REVIEW_PASSED : ContractNoteKind.REVIEW_RETURNED, reviewer, note);
    }

    void approve(String manager, String note) {
        requireStatus(ContractStatus.DRAFTED);
        approvedBy = manager;
        approvedAt = Now.instant();
        approvalNote = note;
        status = ContractStatus.APPROVED;
        addNote(ContractNoteKind.APPROVED, manager, note);
    }

    void requestChanges(String manager, String note) {
        requireStatus(ContractStatus.DRAFTED);
        approvalNote = note;
        addNote(ContractNoteKind.CHANGES_REQUESTED, manager, note);
    }

    void recordSigning(LocalDate signedOn) {
        requireStatus(ContractStatus.APPROVED);
        this.signedOn = signedOn;
        status = ContractStatus.SIGNED;
    }

    /** 系统增名: the customer is served from today. */
    void activate(LocalDate on) {
        requireStatus(ContractStatus.SIGNED);
        activatedOn = on;
        status = ContractStatus.ACTIVE;
    }

    void recordArchiving(String archiveNo, String location, int originals, int copies) {
        requireStatus(ContractStatus.ACTIVE);
        this.archiveNo = archiveNo;
        this.archiveLocation = location;
        this.originals = originals;
        this.copies = copies;
    }

    void assignSpecialist(String specialist, Instant contactDue) {
        requireStatus(ContractStatus.ACTIVE);
        this.specialist = specialist;
        this.contactDue = contactDue;
    }

    void recordContact(String note) {
        contactedAt = Now.instant();
        contactNote = note;
    }

    void requestTermination(TerminationParty party, String reason) {
        requireStatus(ContractStatus.ACTIVE);
        if (terminationRequestedAt != null) {
            throw new ConflictException("合同 " + contractNo + " 已在解约流程中");
        }
        terminationRequestedBy = party;
        terminationReason = reason;
        terminationRequestedAt = Now.instant();
        unpaidItems = null;
        terminationNote = null;
    }

    void linkTermination(String processInstanceId) {
        requireTerminationPending();
        if (terminationProcessId != null && !terminationProcessId.equals(processInstanceId)) {
            throw new ConflictException("合同 " + contractNo + " 的解约申请已由另一流程实例办理");
        }
        this.terminationProcessId = processInstanceId;
    }

    void recordTerminationReview(String note, String unpaidItems, String reviewer) {
        requireTerminationPending();
        this.unpaidItems = unpaidItems;
        addNote(ContractNoteKind.TERMINATION_REVIEWED, reviewer, note);
    }

    /** The request is withdrawn or refused: the contract runs on. */
    void dropTermination(String author, String note) {
        requireTerminationPending();
        addNote(ContractNoteKind.TERMINATION_DROPPED, author, note);
        terminationRequestedAt = null;
        terminationProcessId = null;
    }

    void terminate(LocalDate on, String note) {
        requireTerminationPending();
        terminatedOn = on;
        terminationNote = note;
        status = ContractStatus.TERMINATED;
    }

    void addNote(ContractNoteKind kind, String author, String text) {
        if (text != null && !text.isBlank()) {
            notes.add(new CaseNote(kind.name(), author == null ? "system" : author, text, Now.instant()));
        }
    }

    private void requireTerminationPending() {
        requireStatus(ContractStatus.ACTIVE);
        if (terminationRequestedAt == null) {
            throw new ConflictException("合同 " + contractNo + " 没有待处理的解约申请");
        }
    }

    private void requireStatus(ContractStatus expected) {
        if (status != expected) {
            throw new ConflictException("合同 " + contractNo + " 当前状态为" + status.label() + ",不能执行此操作(需为"
                    + expected.label() + ")");
        }
    }

    public boolean isTerminationPending() {
        return terminationRequestedAt != null && status == ContractStatus.ACTIVE;
    }

    public Long getId() { return id; }
    public String getContractNo() { return contractNo; }
    public CustomerType getType() { return type; }
    public Long getCustomerId() { return customerId; }
    public ContractStatus getStatus() { return status; }
    public String getSecrecy() { return secrecy; }
    public String getPartyCompany() { return partyCompany; }
    public String getPartyCustomer() { return partyCustomer; }
    public String getTerritory() { return territory; }
    public String getStoreName() { return storeName; }
    public String getStoreAddress() { return storeAddress; }
    public int getStoreCount() { return storeCount; }
    public LocalDate getStoreOpeningDate() { return storeOpeningDate; }
    public LocalDate getTermStart() { return termStart; }
    public LocalDate getTermEnd() { return termEnd; }
    public BigDecimal getFeeAmount() { return feeAmount; }
    public String getFeeTerms() { return feeTerms; }
    public String getSpecialTerms() { return specialTerms; }
    public Boolean getDocumentsChecked() { return documentsChecked; }
    public CheckMethod getCheckMethod() { return checkMethod; }
    public Boolean getNdaSigned() { return ndaSigned; }
    public String getEvaluationReport() { return evaluationReport; }
    public Boolean getQualified() { return qualified; }
    public String getDraftedBy() { return draftedBy; }
    public String getReviewedBy() { return reviewedBy; }
    public String getReviewNote() { return reviewNote; }
    public String getApprovedBy() { return approvedBy; }
    public Instant getApprovedAt() { return approvedAt; }
    public String getApprovalNote() { return approvalNote; }
    public LocalDate getSignedOn() { return signedOn; }
    public LocalDate getActivatedOn() { return activatedOn; }
    public String getArchiveNo() { return archiveNo; }
    public String getArchiveLocation() { return archiveLocation; }
    public Integer getOriginals() { return originals; }
    public Integer getCopies() { return copies; }
    public String getSpecialist() { return specialist; }
    public Instant getContactDue() { return contactDue; }
    public Instant getContactedAt() { return contactedAt; }
    public String getContactNote() { return contactNote; }
    public TerminationParty getTerminationRequestedBy() { return terminationRequestedBy; }
    public String getTerminationReason() { return terminationReason; }
    public Instant getTerminationRequestedAt() { return terminationRequestedAt; }
    public String getUnpaidItems() { return unpaidItems; }
    public String getTerminationNote() { return terminationNote; }
    public LocalDate getTerminatedOn() { return terminatedOn; }
    public String getCreatedBy() { return createdBy; }
    public String getProcessInstanceId() { return processInstanceId; }
    public String getTerminationProcessId() { return terminationProcessId; }
    public List<CaseNote> getNotes() { return List.copyOf(notes); }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public long getVersion() { return version; }
}
