package io.kefu.console;

import io.kefu.audit.CaseDirectory;
import io.kefu.customer.CustomerService;
import io.kefu.identity.CurrentUser;
import java.util.List;

/**
 * One section of the customer 360 page (客户全景): a feature's records about one customer — complaints now; contracts,
 * archive files and visits when those features add a bean of their own. Show only what the user may see, with
 * personal data masked as everywhere.
 */
public interface CustomerSection {

    String title();

    /** Order on the page (lower first). */
    default int order() {
        return 100;
    }

    Section of(long customerId, CurrentUser user);

    /**
     * Contracts, archive files and visits of a customer are for those who serve the customer: auditors, supervisors
     * and managers, and the customer's own specialist (the customer's record names them).
     */
    static boolean servesCustomer(CustomerService customers, long customerId, CurrentUser user) {
        return CaseDirectory.seesEveryCase(user)
                || customers.byId(customerId).map(c -> c.isServedBy(user.id())).orElse(false);
    }

    /** A table; a row with a case key links to that case's timeline. */
    record Section(List<String> columns, List<Row> rows) {
    }

    record Row(List<Object> cells, String caseKey) {
    }
}
