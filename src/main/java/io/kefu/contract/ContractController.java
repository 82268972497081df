package io.kefu.contract;

import io.kefu.customer.CustomerService;
import io.kefu.customer.PersonalData;
import io.kefu.identity.CurrentUser;
import io.kefu.identity.KefuGroups;
import jakarta.validation.Valid;
import java.net.URI;
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

    ContractController(ContractService contracts) {
        this.contracts = contracts;
    }

    @PostMapping
    @Transactional
    ResponseEntity<ContractView> startOnboarding(@Valid @RequestBody ContractStart start) {
        CurrentUser user = CurrentUser.get();
        Contract contract = contracts.startOnboarding(start, user);
        return ResponseEntity.created(URI.create("/api/contracts/" + contract.getId())).body(view(contract, user, false));
    }

    @GetMapping
    @Transactional(readOnly = true)
    Page<ContractView> search(ContractSearch search,
            @PageableDefault(size = 20, sort = "id", direction = Sort.Direction.DESC) Pageable page) {
        CurrentUser user = require(SECRET_READERS);
        PersonalData.requireMaySortBy(user, page.getSort());
        return contracts.search(search, page).map(c -> view(c, user, false));
    }

    @GetMapping("/{id}")
    @Transactional(readOnly = true)
    ContractView get(@PathVariable long id) {
        CurrentUser user = require(SECRET_READERS);
        return view(contracts.find(id), user, true);
    }

    @PostMapping("/{id}/termination")
    @Transactional
    ResponseEntity<ContractView> startTermination(@PathVariable long id, @Valid @RequestBody TerminationRequest request) {
        CurrentUser user = CurrentUser.get();
        Contract contract = contracts.startTermination(id, request, user);
        return ResponseEntity.accepted().body(view(contract, user, false));
    }

    private ContractView view(Contract contract, CurrentUser user, boolean withHistory) {
        boolean unmasked = CustomerService.mayReadPersonalData(contract.getCustomer(), user);
        return ContractView.of(contract, unmasked, withHistory ? contracts.history(contract.getId()) : null);
    }

    private static CurrentUser require(Set<String> groups) {
        CurrentUser user = CurrentUser.get();
        if (groups.stream().noneMatch(user::inGroup)) {
            throw new AccessDeniedException("合同属秘密文件,用户 " + user.id() + " 无权访问");
        }
        return user;
    }
}
