package io.kefu.contract;

import io.kefu.customer.CustomerDetails;
import io.kefu.customer.CustomerService;
import io.kefu.customer.PersonalData;
import io.kefu.identity.CurrentUser;
import io.kefu.identity.KefuGroups;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Contracts: start an onboarding, search, read one with its history of term changes, start a termination.
 * Contracts are 秘密 (R2): customer-service staff and auditors read them; departments do not.
 */
@RestController
@RequestMapping("/api/contracts")
class ContractController {

    /** Who may read 秘密 files: customer-service staff, the archive, the director, auditors. */
    static final Set<String> SECRET_READERS = Set.of(KefuGroups.AGENTS, KefuGroups.SUPERVISORS, KefuGroups.MANAGERS,
            KefuGroups.DIRECTORS, KefuGroups.ARCHIVISTS, KefuGroups.AUDITORS, KefuGroups.ADMINS);

    private final ContractService contracts;
    private final CustomerService customers;

    ContractController(ContractService contracts, CustomerService customers) {
        this.contracts = contracts;
        this.customers = customers;
    }

    @PostMapping
    @Transactional
    ResponseEntity<ContractView> startOnboarding(@Valid @RequestBody ContractStart start) {
        CurrentUser user = CurrentUser.get();
        Contract contract = contracts.startOnboarding(start, user);
        return ResponseEntity.created(URI.create("/api/contracts/" + contract.getId()))
                .body(view(contract, contracts.customerOf(contract), user, false));
    }

    @GetMapping
    @Transactional(readOnly = true)
    Page<ContractView> search(ContractSearch search,
            @PageableDefault(size = 20, sort = "id", direction = Sort.Direction.DESC) Pageable page) {
        CurrentUser user = require(SECRET_READERS);
        PersonalData.requireMaySortBy(user, page.getSort());
        Page<Contract> found = contracts.search(search, page);
        Map<Long, CustomerDetails> customersById = customers.byIdsMap(found.map(Contract::getCustomerId).toList());
        return found.map(c -> view(c, customersById.get(c.getCustomerId()), user, false));
    }

    @GetMapping("/{id}")
    @Transactional(readOnly = true)
    ContractView get(@PathVariable long id) {
        CurrentUser user = require(SECRET_READERS);
        Contract contract = contracts.find(id);
        return view(contract, contracts.customerOf(contract), user, true);
    }

    @PostMapping("/{id}/termination")
    @Transactional
    ResponseEntity<ContractView> startTermination(@PathVariable long id, @Valid @RequestBody TerminationRequest request) {
        CurrentUser user = CurrentUser.get();
        Contract contract = contracts.startTermination(id, request, user);
        return ResponseEntity.accepted().body(view(contract, contracts.customerOf(contract), user, false));
    }

    private ContractView view(Contract contract, CustomerDetails customer, CurrentUser user, boolean withHistory) {
        boolean unmasked = CustomerService.mayReadPersonalData(customer, user);
        return ContractView.of(contract, customer, unmasked, withHistory ? contracts.history(contract.getId()) : null);
    }

    private static CurrentUser require(Set<String> groups) {
        CurrentUser user = CurrentUser.get();
        if (groups.stream().noneMatch(user::inGroup)) {
            throw new AccessDeniedException("合同属秘密文件,用户 " + user.id() + " 无权访问");
        }
        return user;
    }
}
