package io.kefu.visit;

import io.kefu.customer.Customer;
import io.kefu.customer.CustomerRequest;
import io.kefu.customer.CustomerRequest.ContactRequest;
import io.kefu.customer.CustomerService;
import io.kefu.customer.CustomerTier;
import io.kefu.customer.CustomerType;
import io.kefu.support.TestUsers;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;

/** Customers and users the visit tests make for themselves (the suite shares one database). */
final class VisitTestData {

    static Customer customer(CustomerService customers, CustomerType type, CustomerTier tier, String specialist,
            LocalDate businessStart) {
        String name = "回访测试客户-" + UUID.randomUUID().toString().substring(0, 8);
        return customers.register(new CustomerRequest(name, type, tier,
                List.of(new ContactRequest("王小明", "13800001234", "店长")), "浙江省杭州市西湖区文三路1号", "华东", 1,
                specialist, businessStart));
    }

    static void ensureUser(IdentityService identity, String id, String group) {
        TestUsers.ensure(identity, id, group);
    }

    private VisitTestData() {
    }
}
