package io.kefu.customer;

import io.kefu.identity.CurrentUser;
import jakarta.validation.Valid;
import java.net.URI;
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
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/customers")
class CustomerController {

    private final CustomerService customers;

    CustomerController(CustomerService customers) {
        this.customers = customers;
    }

    @PostMapping
    ResponseEntity<CustomerView> register(@Valid @RequestBody CustomerRequest request) {
        Customer customer = customers.register(request);
        return ResponseEntity.created(URI.create("/api/customers/" + customer.getId())).body(view(customer));
    }

    @GetMapping("/{id}")
    CustomerView get(@PathVariable long id) {
        return view(customers.find(id));
    }

    /** Updates a customer; send the version you read as If-Match to be told (409) when someone changed it meanwhile. */
    @PutMapping("/{id}")
    CustomerView update(@PathVariable long id, @Valid @RequestBody CustomerRequest request,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Long expected = ifMatch == null ? null : Long.valueOf(ifMatch.replace("\"", "").trim());
        return view(customers.update(id, request, expected));
    }

    @GetMapping
    Page<CustomerView> search(CustomerSearch search,
            @PageableDefault(size = 20, sort = "id", direction = Sort.Direction.ASC) Pageable page) {
        CurrentUser user = CurrentUser.get();
        return customers.search(search, page).map(c -> CustomerView.of(c, CustomerService.mayReadPersonalData(c, user)));
    }

    private static CustomerView view(Customer customer) {
        return CustomerView.of(customer, CustomerService.mayReadPersonalData(customer, CurrentUser.get()));
    }
}
