package io.kefu.demo;

import io.kefu.customer.CustomerDetails;
import io.kefu.customer.CustomerSearch;
import io.kefu.customer.CustomerService;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/** The demo data's reads of the customer registry, through its service: the demo registry is small. */
final class DemoCustomers {

    private DemoCustomers() {
    }

    /** Every customer, in the order they were registered. */
    static List<CustomerDetails> all(CustomerService customers) {
        return customers.search(CustomerSearch.any(), Pageable.unpaged(Sort.by("id"))).getContent();
    }

    static long count(CustomerService customers) {
        return customers.search(CustomerSearch.any(), Pageable.ofSize(1)).getTotalElements();
    }
}
