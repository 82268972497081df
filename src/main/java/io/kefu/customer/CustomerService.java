package io.kefu.customer;

import io.kefu.shared.phone.PhoneNumbers;
import io.kefu.identity.CurrentUser;
import io.kefu.identity.KefuGroups;
import io.kefu.shared.InvalidInputException;
import io.kefu.shared.NotFoundException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The customer registry (客户基础信息表): register, update, find; personal data shown only to those entitled. */
@Service
@Transactional
public class CustomerService {

    /** The groups whose members may serve customers as their specialist. */
    private static final Set<String> SPECIALIST_GROUPS = Set.of(KefuGroups.AGENTS, KefuGroups.SUPERVISORS,
            KefuGroups.MANAGERS);

    private final CustomerRepository customers;
    private final IdentityService identityService;

    CustomerService(CustomerRepository customers, IdentityService identityService) {
        this.customers = customers;
        this.identityService = identityService;
    }

    /**
     * A registration through Kefu's API: hotline staff register customers (agents, supervisors, managers); departments,
     * auditors and the archive do not; only supervisors and managers name the specialist (专员).
     */
    public Customer register(CustomerRequest request, CurrentUser user) {
        if (!user.isHotlineStaff()) {
            throw new AccessDeniedException(user.id() + " may not register customers");
        }
        if (named(request.specialist()) != null) {
            if (!mayAssignSpecialist(user)) {
                throw new AccessDeniedException(user.id() + " may not assign a specialist");
            }
            requireCustomerServiceStaff(named(request.specialist()));
        }
        return register(request);
    }

    /** Registers a customer; unchecked, for the processes and the demo data (the API goes through the method above). */
    public Customer register(CustomerRequest request) {
        Customer customer = new Customer(request.name().trim(), request.type(), request.tier());
        apply(customer, request);
        customers.saveAndFlush(customer);
        customer.numberFromId();
        return customer;
    }

    /** A prospect (有希望但尚未成交之客户): registered for the qualification review, not yet served. */
    public CustomerDetails registerProspect(CustomerRequest request) {
        Customer customer = register(request);
        customer.changeStatus(CustomerStatus.PROSPECT);
        return CustomerDetails.of(customer);
    }

    /** 系统增名: the signed customer is served from {@code on}; the basic-information record gets its store count. */
    public void startBusiness(long id, LocalDate on, int storeCount) {
        Customer customer = entity(id);
        customer.startBusiness(on, storeCount);
    }

    public void assignSpecialist(long id, String specialist) {
        Customer customer = entity(id);
        customer.assignSpecialist(specialist);
    }

    /** 资质审核: the review moves the customer to another VIP tier. */
    public void reclassify(long id, CustomerTier tier) {
        entity(id).reclassify(tier);
    }

    /** 解约: no longer active after {@code on}. */
    public void endBusiness(long id, LocalDate on) {
        Customer customer = entity(id);
        customer.endBusiness(on);
    }

    /** How many active customers each of these users serves (0 for none). */
    @Transactional(readOnly = true)
    public Map<String, Long> activeCustomerCounts(Collection<String> specialists) {
        Map<String, Long> counts = new HashMap<>();
        specialists.forEach(s -> counts.put(s, 0L));
        if (!specialists.isEmpty()) {
            customers.countActiveBySpecialist(specialists)
                    .forEach(row -> counts.put((String) row[0], ((Number) row[1]).longValue()));
        }
        return counts;
    }

    /**
     * An update through Kefu's API: the customer's own specialist, supervisors and managers change a customer —
     * departments and other agents never (403); only supervisors and managers assign or change the specialist.
     * Every user may read a customer (masked), so a refusal is 403, not 404.
     */
    public Customer update(long id, CustomerRequest request, Long expectedVersion, CurrentUser user) {
        Customer customer = entity(id);
        if (!mayChange(customer.getSpecialist(), user)) {
            throw new AccessDeniedException(user.id() + " may not change customer " + id);
        }
        String specialist = named(request.specialist());
        if (!Objects.equals(specialist, customer.getSpecialist())) {
            if (!mayAssignSpecialist(user)) {
                throw new AccessDeniedException(user.id() + " may not change the specialist of customer " + id);
            }
            if (specialist != null) {
                requireCustomerServiceStaff(specialist);
            }
        }
        return update(id, request, expectedVersion);
    }

    private Customer update(long id, CustomerRequest request, Long expectedVersion) {
        Customer customer = entity(id);
        if (expectedVersion != null && expectedVersion != customer.getVersion()) {
            throw new org.springframework.dao.OptimisticLockingFailureException("customer " + id + " changed meanwhile");
        }
        apply(customer, request);
        return customer;
    }

    @Transactional(readOnly = true)
    public CustomerDetails find(long id) {
        return byId(id).orElseThrow(() -> new NotFoundException("客户 " + id + " 不存在"));
    }

    private Customer entity(long id) {
        return customers.findById(id).orElseThrow(() -> new NotFoundException("客户 " + id + " 不存在"));
    }

    /**
     * How lists name many customers at once (one query): number and name, e.g. "C00012 华东加盟店". A business's name
     * is shown to everyone; a member (会员客户) is a person, whose name is masked for readers who may not read their
     * personal data.
     */
    @Transactional(readOnly = true)
    public Map<Long, String> displayNames(Collection<Long> ids, CurrentUser reader) {
        Map<Long, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            customers.findAllById(ids).forEach(c -> names.put(c.getId(), c.getCode() + " "
                    + (c.getType() != CustomerType.MEMBER || mayReadPersonalData(c, reader)
                            ? c.getName() : PersonalData.maskName(c.getName()))));
        }
        return names;
    }

    /** A customer as a lookup lists it: the number a form submits, and how the reader may read it. */
    public record CustomerOption(String code, String label) {
    }

    /**
     * 客户查询 for intake forms: customers whose number starts with {@code query} or whose name contains it, by number,
     * at most {@code limit} (all customers, by number, when the query is blank). A member's (会员客户) name is personal
     * data: it is matched only for readers who may read it in full, and shown masked to everyone else, so that a lookup
     * never confirms what a mask hides.
     */
    @Transactional(readOnly = true)
    public List<CustomerOption> lookup(String query, CurrentUser reader, int limit) {
        String wanted = query == null ? "" : query.trim();
        Specification<Customer> matching = (root, q, cb) -> {
            if (wanted.isEmpty()) {
                return cb.conjunction();
            }
            String like = wanted.toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            var byCode = cb.like(cb.upper(root.get("code")), like.toUpperCase() + "%", '\\');
            var byName = cb.like(cb.lower(root.get("name")), "%" + like + "%", '\\');
            var nameReadable = reader.isSupervisorOrManager() ? cb.conjunction()
                    : cb.or(cb.notEqual(root.get("type"), CustomerType.MEMBER),
                            cb.equal(root.get("specialist"), reader.id()));
            return cb.or(byCode, cb.and(byName, nameReadable));
        };
        var page = PageRequest.of(0, limit, Sort.by("code"));
        return customers.findAll(matching, page).stream()
                .map(c -> new CustomerOption(c.getCode(), c.getCode() + " "
                        + (c.getType() != CustomerType.MEMBER || mayReadPersonalData(c, reader)
                                ? c.getName() : PersonalData.maskName(c.getName()))))
                .toList();
    }

    /** The customer with this id, if there is one (for callers that answer an unknown id their own way). */
    @Transactional(readOnly = true)
    public Optional<CustomerDetails> byId(long id) {
        return customers.findById(id).map(CustomerDetails::of);
    }

    @Transactional(readOnly = true)
    public boolean exists(long id) {
        return customers.existsById(id);
    }

    /** The customers with these ids, in one query; unknown ids are left out. */
    @Transactional(readOnly = true)
    public List<CustomerDetails> byIds(Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : customers.findAllById(ids).stream().map(CustomerDetails::of).toList();
    }

    /** {@link #byIds} keyed by id, for lists that name the customer of each row (null ids are passed over). */
    @Transactional(readOnly = true)
    public Map<Long, CustomerDetails> byIdsMap(Collection<Long> ids) {
        Map<Long, CustomerDetails> found = new HashMap<>();
        byIds(ids.stream().filter(Objects::nonNull).distinct().toList()).forEach(c -> found.put(c.id(), c));
        return found;
    }

    /** The ids of the customers this user serves as their specialist (专员), in one query. */
    @Transactional(readOnly = true)
    public List<Long> idsServedBy(String specialist) {
        return customers.findIdsBySpecialist(specialist);
    }

    /** The customer with this number (客户编号, compared trimmed and in upper case), if there is one. */
    @Transactional(readOnly = true)
    public Optional<CustomerDetails> byCode(String code) {
        return code == null || code.isBlank() ? Optional.empty()
                : customers.findByCode(code.trim().toUpperCase()).map(CustomerDetails::of);
    }

    /**
     * The customers in business (在营), by number, optionally only of some types and tiers (an empty or null
     * collection means any): who is visited on schedule and whom a survey campaign reaches.
     */
    @Transactional(readOnly = true)
    public List<CustomerDetails> active(Collection<CustomerType> types, Collection<CustomerTier> tiers) {
        Specification<Customer> inBusiness = (root, query, cb) -> cb.and(
                cb.equal(root.get("status"), CustomerStatus.ACTIVE),
                types == null || types.isEmpty() ? cb.conjunction() : root.get("type").in(types),
                tiers == null || tiers.isEmpty() ? cb.conjunction() : root.get("tier").in(tiers));
        return customers.findAll(inBusiness, Sort.by("code")).stream().map(CustomerDetails::of).toList();
    }

    @Transactional(readOnly = true)
    public CustomerDetails findByCode(String code) {
        return byCode(code).orElseThrow(() -> InvalidInputException.of("customerCode", "客户编号 " + code + " 不存在"));
    }

    @Transactional(readOnly = true)
    public Page<CustomerDetails> search(CustomerSearch search, Pageable page) {
        return customers.findAll(search.toSpecification(), page).map(CustomerDetails::of);
    }

    /**
     * The customer's specialist, supervisors and managers change a customer; nobody else — and never a department,
     * even one recorded as the specialist.
     */
    public static boolean mayChange(CustomerDetails customer, CurrentUser user) {
        return mayChange(customer.specialist(), user);
    }

    private static boolean mayChange(String specialist, CurrentUser user) {
        return user.isSupervisorOrManager()
                || (user.isHotlineStaff() && specialist != null && specialist.equals(user.id()));
    }

    /** Supervisors and managers (客服主管, 客服经理) assign customers to specialists. */
    public static boolean mayAssignSpecialist(CurrentUser user) {
        return user.isSupervisorOrManager();
    }

    /** A specialist (专员) is one of the hotline's staff, never a department or an auditor; 400 naming the field. */
    private void requireCustomerServiceStaff(String specialist) {
        boolean staff = identityService.createGroupQuery().groupMember(specialist).list().stream()
                .anyMatch(group -> SPECIALIST_GROUPS.contains(group.getId()));
        if (!staff && identityService.createUserQuery().userId(specialist).count() > 0) {
            throw InvalidInputException.of("specialist", "用户 " + specialist + " 不是客服人员,不能担任专员");
        }
    }

    private static String named(String specialist) {
        return specialist == null || specialist.isBlank() ? null : specialist.trim();
    }

    /** The customer's specialist, supervisors and managers read personal data in full; everyone else masked. */
    public static boolean mayReadPersonalData(CustomerDetails customer, CurrentUser user) {
        return mayReadPersonalData(customer.specialist(), user);
    }

    private static boolean mayReadPersonalData(Customer customer, CurrentUser user) {
        return mayReadPersonalData(customer.getSpecialist(), user);
    }

    /** The one rule both above apply, by the customer's specialist. */
    private static boolean mayReadPersonalData(String specialist, CurrentUser user) {
        return user.isSupervisorOrManager() || (specialist != null && specialist.equals(user.id()));
    }

    private void apply(Customer customer, CustomerRequest request) {
        if (request.specialist() != null && !request.specialist().isBlank()
                && identityService.createUserQuery().userId(request.specialist().trim()).count() == 0) {
            throw InvalidInputException.of("specialist", "用户 " + request.specialist() + " 不存在");
        }
        List<Contact> contacts = request.contacts().stream()
                .map(c -> new Contact(c.name().trim(), PhoneNumbers.normalisedOrNull(c.phone()), c.title()))
                .toList();
        customer.updateProfile(request.name().trim(), request.type(), request.tier(), request.address(), request.region(),
                request.storeCount() == null ? 0 : request.storeCount(), request.businessStart(), contacts);
        customer.assignSpecialist(named(request.specialist()));
        customer.changeEmail(request.email());
    }
}
