package io.kefu.contract;

import static io.kefu.shared.FieldErrors.blankToNull;
import static io.kefu.shared.FieldErrors.failOn;
import static io.kefu.shared.FieldErrors.failOnViolations;
import static io.kefu.shared.FieldErrors.require;
import io.kefu.shared.phone.PhoneNumbers;
import io.kefu.archive.ArchiveEntryView;
import io.kefu.archive.ArchiveService;
import io.kefu.archive.SecrecyClass;
import io.kefu.complaint.ComplaintService;
import io.kefu.contract.process.ContractProcess;
import io.kefu.customer.CustomerDetails;
import io.kefu.customer.CustomerRequest;
import io.kefu.customer.CustomerRequest.ContactRequest;
import io.kefu.customer.CustomerService;
import io.kefu.customer.CustomerStatus;
import io.kefu.customer.CustomerTier;
import io.kefu.identity.CurrentUser;
import io.kefu.identity.KefuGroups;
import io.kefu.shared.ConflictException;
import io.kefu.shared.InvalidInputException;
import io.kefu.shared.NotFoundException;
import io.kefu.shared.time.BusinessCalendar;
import io.kefu.shared.time.WorkingHours;
import jakarta.persistence.EntityManager;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.envers.query.AuditEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contracts from prospect to served customer (P9) and their termination (P10). Every step the processes take comes
 * through here; the entity keeps the invariants, this service checks the input (naming each field) and talks to
 * the customer registry, the complaints and the archive.
 */
@Service
@Transactional
public class ContractService {

    private static final Logger log = LoggerFactory.getLogger(ContractService.class);
    /** Who may approve a contract or its termination (客服部经理, or above). Agents never. */
    static final Set<String> APPROVER_GROUPS = Set.of(KefuGroups.MANAGERS, KefuGroups.DIRECTORS);

    private final ContractRepository contracts;
    private final CustomerService customers;
    private final ComplaintService complaints;
    private final ContractSettings settings;
    private final BusinessCalendar calendar;
    private final RuntimeService runtimeService;
    private final IdentityService identityService;
    private final Validator validator;
    private final ApplicationEventPublisher events;
    private final EntityManager entityManager;
    private final ArchiveService archive;
    private final WorkingHours hours;

    ContractService(ContractRepository contracts, CustomerService customers, ComplaintService complaints,
            ContractSettings settings, BusinessCalendar calendar, RuntimeService runtimeService,
            IdentityService identityService, Validator validator, ApplicationEventPublisher events,
            EntityManager entityManager, ArchiveService archive, WorkingHours hours) {
        this.contracts = contracts;
        this.customers = customers;
        this.complaints = complaints;
        this.settings = settings;
        this.calendar = calendar;
        this.runtimeService = runtimeService;
        this.identityService = identityService;
        this.validator = validator;
        this.events = events;
        this.entityManager = entityManager;
        this.archive = archive;
        this.hours = hours;
    }

    // ---- onboarding ------------------------------------------------------------------------------------------

    /**
     * An onboarding started through Kefu's API: by the process's starters, hotline staff (agents, supervisors,
     * managers); departments and auditors never (403).
     */
    public Contract startOnboarding(ContractStart start, CurrentUser user) {
        requireStarter(user);
        return startOnboarding(start, user.id());
    }

    /** Opens a contract for a prospect and starts its onboarding process; unchecked, for the demo data. */
    public Contract startOnboarding(ContractStart start, String user) {
        Contract contract = open(start, user);
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(ContractProcess.ONBOARDING_KEY,
                contract.getContractNo(), Map.of(ContractProcess.CONTRACT_ID, contract.getId(),
                        ContractProcess.CUSTOMER_ID, contract.getCustomerId(),
                        ContractProcess.CONTRACT_TYPE, contract.getType().name()));
        contract.linkProcess(instance.getId());
        contracts.flush();
        return contract;
    }

    /** The prospect's contract record: an existing prospect, or a new one registered in the customer registry. */
    public Contract open(ContractStart start, String user) {
        validate(start);
        if (start.type() == io.kefu.customer.CustomerType.MEMBER) {
            throw InvalidInputException.of("type", "会员客户不签订代理/加盟/经销合同");
        }
        CustomerDetails customer;
        if (start.forExistingCustomer()) {
            customer = customers.findByCode(start.customerCode());
            if (customer.status() != CustomerStatus.PROSPECT) {
                throw InvalidInputException.of("customerCode", "客户 " + customer.code() + " 状态为"
                        + customer.status().label() + ",只有潜在客户可以签约");
            }
            if (customer.type() != start.type()) {
                throw InvalidInputException.of("type", "合同类型须与客户类型一致(" + customer.type().label() + ")");
            }
        } else {
            Map<String, String> errors = new LinkedHashMap<>();
            require(errors, "name", start.name(), "请填写客户编号,或新客户的名称");
            require(errors, "contactName", start.contactName(), "请填写新客户的联系人");
            require(errors, "contactPhone", start.contactPhone(), "请填写新客户的联系电话");
            failOn(errors);
            customer = customers.registerProspect(new CustomerRequest(start.name().trim(), start.type(),
                    start.tier() == null ? CustomerTier.C : start.tier(),
                    List.of(new ContactRequest(start.contactName().trim(), PhoneNumbers.normalisedOrNull(start.contactPhone()), "负责人")),
                    start.address(), start.region(), 0, null, null));
        }
        Contract contract = new Contract(customer.id(), customer.name(), start.type(), user);
        contracts.saveAndFlush(contract);
        contract.numberFromId();
        log.info("Contract {} opened for prospect {} by {}", contract.getContractNo(), customer.code(), user);
        return contract;
    }

    /** Binds the onboarding process to the contract, once (a contract another process onboards is not taken over). */
    public void linkProcess(long contractId, String processInstanceId) {
        Contract contract = find(contractId);
        contract.linkProcess(processInstanceId);
        bind(contract, processInstanceId);
    }

    /** The contract Kefu bound to this process instance (onboarding or any termination), if any. */
    @Transactional(readOnly = true)
    public Optional<Contract> forProcessInstance(String processInstanceId) {
        return contracts.findByBoundProcess(processInstanceId);
    }

    private void bind(Contract contract, String processInstanceId) {
        ContractProcessBinding binding = entityManager.find(ContractProcessBinding.class, processInstanceId);
        if (binding == null) {
            entityManager.persist(new ContractProcessBinding(processInstanceId, contract.getId()));
        } else if (!binding.getContractId().equals(contract.getId())) {
            throw new ConflictException("流程实例 " + processInstanceId + " 已关联其他合同");
        }
    }

    /** 资质审核: documents, on-site or third-party check, NDA, evaluation report and decision. */
    public void recordQualification(long contractId, Boolean documentsChecked, CheckMethod method, Boolean ndaSigned,
            String report, boolean qualified) {
        Map<String, String> errors = new LinkedHashMap<>();
        require(errors, "evaluationReport", report, "请填写评估报告");
        if (qualified) {
            if (!Boolean.TRUE.equals(documentsChecked)) {
                errors.put("documentsChecked", "资质通过前须审核客户资料与证件");
            }
            if (method == null) {
                errors.put("checkMethod", "请选择实地考察或第三方评估");
            }
            if (!Boolean.TRUE.equals(ndaSigned)) {
                errors.put("ndaSigned", "资质通过前须签署保密协议");
            }
        }
        failOn(errors);
        find(contractId).recordQualification(Boolean.TRUE.equals(documentsChecked), method,
                Boolean.TRUE.equals(ndaSigned), report.trim(), qualified);
    }

    /** The contract department drafts (or redrafts) the terms. */
    public void draft(long contractId, ContractTerms terms, String author) {
        Contract contract = find(contractId);
        Map<String, String> errors = new LinkedHashMap<>();
        require(errors, "partyCompany", terms.partyCompany(), "请填写甲方(公司)");
        require(errors, "partyCustomer", terms.partyCustomer(), "请填写乙方(客户)");
        require(errors, "territory", terms.territory(), "请填写授权区域");
        if (terms.termStart() == null) {
            errors.put("termStart", "请填写合同开始日期");
        }
        if (terms.termEnd() == null) {
            errors.put("termEnd", "请填写合同结束日期");
        } else if (terms.termStart() != null && !terms.termEnd().isAfter(terms.termStart())) {
            errors.put("termEnd", "合同结束日期须晚于开始日期");
        }
        if (terms.feeAmount() != null && terms.feeAmount().signum() < 0) {
            errors.put("feeAmount", "费用不能为负数");
        }
        if (terms.storeCount() != null && terms.storeCount() < 0) {
            errors.put("storeCount", "店数不能为负数");
        }
        if (contract.getType() == io.kefu.customer.CustomerType.FRANCHISEE) {
            require(errors, "storeName", terms.storeName(), "加盟合同须填写门店名称");
            if (terms.storeOpeningDate() == null) {
                errors.put("storeOpeningDate", "加盟合同须填写门店开业日期");
            }
        }
        failOn(errors);
        contract.draft(terms, author);
    }

    /** 审核客户合同 (customer service): passes it on to the manager, or returns it to drafting. */
    public void review(long contractId, boolean passed, String note, String reviewer) {
        if (!passed) {
            Map<String, String> errors = new LinkedHashMap<>();
            require(errors, "reviewNote", note, "退回修改时请说明原因");
            failOn(errors);
        }
        find(contractId).recordReview(passed, note, reviewer);
    }

    /**
     * The manager's approval: approve, or request changes (back to drafting). Only managers (or the director)
     * approve, whatever a form or a client sends: 未经批准授权之事,不得擅自答应客户要求.
     */
    public void decideApproval(long contractId, boolean approved, String note, String approver) {
        requireApprover(approver);
        Contract contract = find(contractId);
        if (!approved) {
            Map<String, String> errors = new LinkedHashMap<>();
            require(errors, "approvalNote", note, "要求修改时请写明修改意见");
            failOn(errors);
            contract.requestChanges(approver, note.trim());
        } else {
            contract.approve(approver, note);
        }
    }

    public void recordSigning(long contractId, LocalDate signedOn) {
        if (signedOn == null) {
            throw InvalidInputException.of("signedOn", "请填写签约日期");
        }
        if (signedOn.isAfter(today())) {
            throw InvalidInputException.of("signedOn", "签约日期不能晚于今天");
        }
        find(contractId).recordSigning(signedOn);
    }

    /** 系统增名: the customer becomes active, with its store count, from today; the contract is active. */
    public void registerCustomer(long contractId) {
        Contract contract = find(contractId);
        LocalDate on = today();
        contract.activate(on);
        customers.startBusiness(contract.getCustomerId(), on, contract.getStoreCount());
        log.info("Contract {} active; customer {} registered", contract.getContractNo(), customerOf(contract).code());
    }

    /** 档案: archive number, location in the electronic catalogue, originals and copies; contracts are 秘密. */
    public void recordArchiving(long contractId, String location, Integer originals, Integer copies) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (originals == null) {
            errors.put("originals", "请填写正本份数");
        }
        if (copies == null) {
            errors.put("copies", "请填写副本份数");
        }
        failOn(errors);
        Contract contract = find(contractId);
        ArchiveEntryView entry = archive.archiveContract(contract.getId(), contract.getCustomerId(),
                contract.getType().label() + "合同 " + contract.getContractNo() + " " + customerOf(contract).name(),
                location, originals, copies, SecrecyClass.SECRET);
        contract.recordArchiving(entry.archiveNo(), entry.location(), originals, copies);
    }

    /**
     * The specialist the supervisor is offered: the member of the specialist group serving the fewest active
     * customers (负责客户数量均衡); ties go to the first user id.
     */
    @Transactional(readOnly = true)
    public String proposeSpecialist() {
        return specialistLoad().entrySet().stream()
                .min(Comparator.<Map.Entry<String, Long>>comparingLong(Map.Entry::getValue).thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey)
                .orElse(null);
    }

    /** Active customers per specialist, for the assignment form. */
    @Transactional(readOnly = true)
    public Map<String, Long> specialistLoad() {
        List<String> candidates = identityService.createUserQuery().memberOfGroup(settings.specialistGroup()).list()
                .stream().map(User::getId).toList();
        return customers.activeCustomerCounts(candidates);
    }

    /** When the specialist is reminded and when the supervisors hear the customer was not contacted. */
    public record ContactDeadlines(Instant remindAt, Instant due) {
    }

    public ContactDeadlines assignSpecialist(long contractId, String specialist) {
        if (specialist == null || specialist.isBlank()) {
            throw InvalidInputException.of("specialist", "请选择负责的客服专员");
        }
        String id = specialist.trim();
        if (identityService.createUserQuery().userId(id).memberOfGroup(settings.specialistGroup()).count() == 0) {
            throw InvalidInputException.of("specialist", "用户 " + id + " 不是客服专员");
        }
        Contract contract = find(contractId);
        Instant now = calendar.now();
        ContactDeadlines deadlines = new ContactDeadlines(now.plus(settings.contactReminderAfter()),
                now.plus(settings.contactDeadline()));
        contract.assignSpecialist(id, deadlines.due());
        customers.assignSpecialist(contract.getCustomerId(), id);
        return deadlines;
    }

    public void recordContact(long contractId, String note) {
        Map<String, String> errors = new LinkedHashMap<>();
        require(errors, "contactNote", note, "请记录沟通内容");
        failOn(errors);
        find(contractId).recordContact(note.trim());
    }

    /** The customer is served: visits and (for a franchise store) the store-opening survey start from here. */
    public void completeOnboarding(long contractId) {
        Contract contract = find(contractId);
        events.publishEvent(new ContractEvents.CustomerOnboarded(contract.getId(), contract.getCustomerId(),
                contract.getType(), contract.getSpecialist(),
                contract.getType() == io.kefu.customer.CustomerType.FRANCHISEE ? contract.getStoreOpeningDate() : null));
    }

    /** The company as party A (甲方) of new contracts. */
    public String companyName() {
        return settings.companyName();
    }

    public void addNote(long contractId, ContractNoteKind kind, String author, String text) {
        find(contractId).addNote(kind, author, text);
    }

    // ---- termination -----------------------------------------------------------------------------------------

    /**
     * A termination (解约) requested through Kefu's API. It ends the customer's business, so it is a change to the
     * customer: only the customer's own specialist, supervisors and managers ask for it (403 for other agents).
     */
    public Contract startTermination(long contractId, TerminationRequest request, CurrentUser user) {
        requireStarter(user);
        Contract contract = find(contractId);
        if (!CustomerService.mayChange(customerOf(contract), user)) {
            throw new AccessDeniedException(user.id() + " may not terminate contract " + contract.getContractNo());
        }
        return startTermination(contractId, request, user.id());
    }

    private static void requireStarter(CurrentUser user) {
        if (!user.isHotlineStaff()) {
            throw new AccessDeniedException(user.id() + " may not start contract cases");
        }
    }

    /** A termination request on an active contract; starts the termination process. Unchecked, for the demo data. */
    public Contract startTermination(long contractId, TerminationRequest request, String user) {
        Contract contract = requestTermination(contractId, request, user);
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(ContractProcess.TERMINATION_KEY,
                contract.getContractNo(), Map.of(ContractProcess.CONTRACT_ID, contract.getId(),
                        ContractProcess.CUSTOMER_ID, contract.getCustomerId()));
        contract.linkTermination(instance.getId());
        contracts.flush();
        return contract;
    }

    public Contract requestTermination(long contractId, TerminationRequest request, String user) {
        Set<ConstraintViolation<TerminationRequest>> violations = validator.validate(request);
        failOnViolations(violations);
        Contract contract = find(contractId);
        if (contract.getStatus() != ContractStatus.ACTIVE) {
            throw new ConflictException("合同 " + contract.getContractNo() + " 状态为" + contract.getStatus().label()
                    + ",只有合作中的合同可以解约");
        }
        contract.requestTermination(request.requestedBy(), request.reason().trim());
        contract.addNote(ContractNoteKind.TERMINATION_REQUESTED, user, request.requestedBy().label() + ":" + request.reason().trim());
        return contract;
    }

    /** Binds the termination process to the contract whose termination is pending and not yet handled by another. */
    public void linkTermination(long contractId, String processInstanceId) {
        Contract contract = find(contractId);
        contract.linkTermination(processInstanceId);
        bind(contract, processInstanceId);
    }

    /** What must be settled first: the customer's open complaints, archive loans, and the unpaid items entered. */
    @Transactional(readOnly = true)
    public OpenMatters openMatters(long contractId) {
        Contract contract = find(contractId);
        List<String> open = complaints.openCasesOf(contract.getCustomerId(), 50);
        return new OpenMatters(open, openLoans(contract), contract.getUnpaidItems());
    }

    /** Archive files of this customer lent out or requested, from the archive's loan register. */
    private List<String> openLoans(Contract contract) {
        return archive.openLoansOfCustomer(contract.getCustomerId()).stream()
                .map(loan -> loan.loanNo() + " " + loan.archiveNo() + " " + loan.title() + "(" + loan.borrower() + ","
                        + loan.statusLabel() + ")")
                .toList();
    }

    /** Review (supervisors): go on with the termination, with the unpaid items found, or withdraw it. */
    public void reviewTermination(long contractId, boolean proceed, String note, String unpaidItems, String reviewer) {
        Map<String, String> errors = new LinkedHashMap<>();
        require(errors, "terminationReviewNote", note, "请填写审核意见");
        failOn(errors);
        Contract contract = find(contractId);
        contract.recordTerminationReview(note.trim(), blankToNull(unpaidItems), reviewer);
        if (!proceed) {
            contract.dropTermination(reviewer, "审核后撤回解约申请");
        }
    }

    /** Every open matter listed must be confirmed settled (each confirmation its own field). */
    public void confirmSettled(long contractId, Boolean complaintsSettled, Boolean loansSettled, Boolean paymentsSettled,
            String note, String actor) {
        OpenMatters matters = openMatters(contractId);
        Map<String, String> errors = new LinkedHashMap<>();
        if (!Boolean.TRUE.equals(complaintsSettled)) {
            errors.put("complaintsSettled", "请确认未结投诉已处理(" + matters.openComplaints().size() + " 件)");
        }
        if (!Boolean.TRUE.equals(loansSettled)) {
            errors.put("loansSettled", "请确认借出的档案已归还(" + matters.openLoans().size() + " 件)");
        } else if (!matters.openLoans().isEmpty()) {
            // the loan register knows better than a ticked box: a file still out is not settled
            errors.put("loansSettled", "档案尚未归还,请先由档案管理员办理归还登记:" + String.join(";", matters.openLoans()));
        }
        if (!Boolean.TRUE.equals(paymentsSettled)) {
            errors.put("paymentsSettled", "请确认未付款项已结清");
        }
        require(errors, "settlementNote", note, "请说明各事项的处理情况");
        failOn(errors);
        find(contractId).addNote(ContractNoteKind.MATTERS_SETTLED, actor, note.trim());
    }

    /** The manager approves the termination (then it is carried out) or refuses it (the contract runs on). */
    public void decideTermination(long contractId, boolean approved, String note, String approver) {
        requireApprover(approver);
        Contract contract = find(contractId);
        if (approved) {
            contract.addNote(ContractNoteKind.TERMINATION_APPROVED, approver, note == null || note.isBlank() ? "同意解约" : note.trim());
        } else {
            Map<String, String> errors = new LinkedHashMap<>();
            require(errors, "terminationApprovalNote", note, "不同意解约时请说明理由");
            failOn(errors);
            contract.dropTermination(approver, "经理不同意解约:" + note.trim());
        }
    }

    /** Carries the termination out: customer no longer active from today, contract ended, everyone told. */
    public void terminate(long contractId) {
        Contract contract = find(contractId);
        LocalDate on = today();
        String reason = contract.getTerminationReason();
        contract.terminate(on, contract.getTerminationRequestedBy().label() + ":" + reason);
        boolean otherActive = contracts.findByCustomerIdOrderByIdDesc(contract.getCustomerId()).stream()
                .anyMatch(c -> !c.getId().equals(contract.getId()) && c.getStatus() == ContractStatus.ACTIVE);
        if (!otherActive) {
            customers.endBusiness(contract.getCustomerId(), on);
        }
        // the contract's files stay in the archive, marked 合同已解除 (in this transaction)
        archive.markContractTerminated(contract.getId());
        events.publishEvent(new ContractEvents.ContractTerminated(contract.getId(), contract.getCustomerId(), on,
                reason));
        log.info("Contract {} terminated", contract.getContractNo());
    }

    // ---- reading ---------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public Contract find(long contractId) {
        return contracts.findById(contractId).orElseThrow(() -> new NotFoundException("合同 " + contractId + " 不存在"));
    }

    /** The customer's contract in force (合作中), newest first, if any: a termination ends this one. */
    @Transactional(readOnly = true)
    public Optional<Long> activeContractIdOf(long customerId) {
        return contracts.findByCustomerIdOrderByIdDesc(customerId).stream()
                .filter(c -> c.getStatus() == ContractStatus.ACTIVE).findFirst().map(Contract::getId);
    }

    /** The contract with this number (the termination start form picks one by number). */
    @Transactional(readOnly = true)
    public long findIdByNumber(String contractNo) {
        if (contractNo == null || contractNo.isBlank()) {
            throw InvalidInputException.of("contractNo", "请填写合同编号");
        }
        return contracts.findByContractNo(contractNo.trim().toUpperCase())
                .orElseThrow(() -> InvalidInputException.of("contractNo", "合同 " + contractNo + " 不存在"))
                .getId();
    }

    @Transactional(readOnly = true)
    public Page<Contract> search(ContractSearch search, Pageable page) {
        Long customerOfCode = customers.byCode(search.customerCode()).map(CustomerDetails::id).orElse(null);
        return contracts.findAll(search.toSpecification(customerOfCode), page);
    }

    /** The customer the contract is with, as the customer registry has it now. */
    @Transactional(readOnly = true)
    public CustomerDetails customerOf(Contract contract) {
        return customers.find(contract.getCustomerId());
    }

    /**
     * 客户数及店数统计 of one month and contract type: contracts in force (and their stores) at the month's end, how
     * many started and ended during it (增减变化).
     */
    public record MonthlyCounts(YearMonth month, io.kefu.customer.CustomerType type, long inForceAtEnd,
            long storesAtEnd, long added, long ended) {
    }

    @Transactional(readOnly = true)
    public List<MonthlyCounts> monthlyCounts(YearMonth month) {
        LocalDate first = month.atDay(1);
        LocalDate last = month.atEndOfMonth();
        List<MonthlyCounts> counts = new ArrayList<>();
        for (var type : List.of(io.kefu.customer.CustomerType.AGENT, io.kefu.customer.CustomerType.FRANCHISEE,
                io.kefu.customer.CustomerType.DEALER)) {
            Object[] inForce = contracts.countInForce(type, last).get(0);
            counts.add(new MonthlyCounts(month, type, ((Number) inForce[0]).longValue(),
                    ((Number) inForce[1]).longValue(), contracts.countActivated(type, first, last),
                    contracts.countTerminated(type, first, last)));
        }
        return counts;
    }

    /** One revision of a contract: who changed it when, and which terms changed (from → to). */
    public record Revision(long revision, Instant at, String by, ContractStatus status, Map<String, String[]> changes) {
    }

    /** Every recorded change of the contract, oldest first (Envers). */
    @Transactional(readOnly = true)
    public List<Revision> history(long contractId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = AuditReaderFactory.get(entityManager).createQuery()
                .forRevisionsOfEntity(Contract.class, false, true)
                .add(AuditEntity.id().eq(contractId))
                .addOrder(AuditEntity.revisionNumber().asc())
                .getResultList();
        List<Revision> revisions = new ArrayList<>();
        Map<String, String> previous = new HashMap<>();
        for (Object[] row : rows) {
            Contract state = (Contract) row[0];
            io.kefu.audit.KefuRevision rev = (io.kefu.audit.KefuRevision) row[1];
            Map<String, String> terms = terms(state);
            Map<String, String[]> changes = new LinkedHashMap<>();
            terms.forEach((field, value) -> {
                if (!Objects.equals(previous.get(field), value)) {
                    changes.put(field, new String[] {previous.get(field), value});
                }
            });
            previous.clear();
            previous.putAll(terms);
            revisions.add(new Revision(rev.getId(), rev.getTimestamp(), rev.getUsername(), state.getStatus(), changes));
        }
        return revisions;
    }

    private static Map<String, String> terms(Contract c) {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("partyCompany", c.getPartyCompany());
        t.put("partyCustomer", c.getPartyCustomer());
        t.put("territory", c.getTerritory());
        t.put("storeName", c.getStoreName());
        t.put("storeAddress", c.getStoreAddress());
        t.put("storeCount", String.valueOf(c.getStoreCount()));
        t.put("storeOpeningDate", str(c.getStoreOpeningDate()));
        t.put("termStart", str(c.getTermStart()));
        t.put("termEnd", str(c.getTermEnd()));
        t.put("feeAmount", c.getFeeAmount() == null ? null : c.getFeeAmount().stripTrailingZeros().toPlainString());
        t.put("feeTerms", c.getFeeTerms());
        t.put("specialTerms", c.getSpecialTerms());
        return t;
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private void requireApprover(String user) {
        boolean approver = user != null && APPROVER_GROUPS.stream()
                .anyMatch(g -> identityService.createUserQuery().userId(user).memberOfGroup(g).count() > 0);
        if (!approver) {
            throw new AccessDeniedException("只有客服经理可以审批(" + user + " 无审批权限)");
        }
    }

    private LocalDate today() {
        return calendar.now().atZone(hours.zone()).toLocalDate();
    }

    private void validate(Object request) {
        failOnViolations(validator.validate(request));
    }



    private static String str(Object value) {
        return value == null ? null : value.toString();
    }
}
