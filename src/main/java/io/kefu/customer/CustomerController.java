package io.kefu.customer;

import io.kefu.identity.DataAccessLog;
import io.kefu.identity.CurrentUser;
import io.kefu.shared.InvalidInputException;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Collections;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/customers")
class CustomerController {

    private final CustomerService customers;
    private final DataAccessLog accessLog;

    CustomerController(CustomerService customers, DataAccessLog accessLog) {
        this.customers = customers;
        this.accessLog = accessLog;
    }

    @PostMapping
    ResponseEntity<CustomerView> register(@Valid @RequestBody CustomerRequest request) {
        Customer customer = customers.register(request, CurrentUser.get());
        return ResponseEntity.created(URI.create("/api/customers/" + customer.getId()))
                .body(view(CustomerDetails.of(customer)));
    }

    static final int LOOKUP_LIMIT = 20;

    /** 客户查询 by number or name, for intake forms: at most {@value #LOOKUP_LIMIT} customers, by number. */
    @GetMapping("/lookup")
    List<CustomerService.CustomerOption> lookup(@RequestParam(name = "q", required = false) String query) {
        if (query != null && query.length() > 50) {
            throw InvalidInputException.of("q", "查询内容最多 50 个字符");
        }
        return customers.lookup(query, CurrentUser.get(), LOOKUP_LIMIT);
    }

    @GetMapping("/{id}")
    CustomerView get(@PathVariable long id) {
        return view(customers.find(id));
    }

    /** Updates a customer; send the version you read as If-Match to be told (409) when someone changed it meanwhile. */
    @PutMapping("/{id}")
    CustomerView update(@PathVariable long id, @Valid @RequestBody CustomerRequest request,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return view(CustomerDetails.of(customers.update(id, request, expectedVersion(ifMatch), CurrentUser.get())));
    }

    /** The version an If-Match names ({@code "3"} or {@code 3}); none for {@code *}; anything else is bad input. */
    private static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.trim().equals("*")) {
            return null;
        }
        String version = ifMatch.trim();
        if (version.length() >= 2 && version.startsWith("\"") && version.endsWith("\"")) {
            version = version.substring(1, version.length() - 1);
        }
        if (!version.matches("[0-9]{1,18}")) {
            throw InvalidInputException.of("If-Match", "If-Match 须为读取时的版本号,例如 \"3\"");
        }
        return Long.valueOf(version);
    }

    @GetMapping
    Page<CustomerView> search(CustomerSearch search,
            @PageableDefault(size = 20, sort = "id", direction = Sort.Direction.ASC) Pageable page) {
        CurrentUser user = CurrentUser.get();
        PersonalData.requireMaySearchBy(user, page.getSort(), Collections.singletonMap("phone", search.phone()));
        Page<CustomerView> views = customers.search(search, page)
                .map(c -> CustomerView.of(c, CustomerService.mayReadPersonalData(c, user)));
        accessLog.personalDataRead(user.id(),
                views.stream().filter(v -> !v.personalDataMasked()).map(CustomerView::id).toList(), "客户查询");
        return views;
    }

    private CustomerView view(CustomerDetails customer) {
        CurrentUser user = CurrentUser.get();
        boolean unmasked = CustomerService.mayReadPersonalData(customer, user);
        if (unmasked) {
            accessLog.personalDataRead(user.id(), customer.id(), null, "客户资料");
        }
        return CustomerView.of(customer, unmasked);
    }
}
