package io.kefu.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.customer.Customer;
import io.kefu.customer.CustomerRequest;
import io.kefu.customer.CustomerRequest.ContactRequest;
import io.kefu.customer.CustomerService;
import io.kefu.customer.CustomerTier;
import io.kefu.customer.CustomerType;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Record changes are stamped on the engine clock and name the user Spring Security knows: what the demo history relies
 * on when it replays last month as the demo users.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class RevisionClockTests {

    @Autowired
    CustomerService customers;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aChangeMadeOnAMovedClockIsRecordedAtThatTimeAndByTheUser() {
        Instant then = Instant.parse("2024-03-05T02:15:00Z");
        Customer customer;
        ClockUtil.setCurrentTime(Date.from(then));
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated("agent2", null, List.of()));
        try {
            customer = customers.register(new CustomerRequest("时钟客户 " + UUID.randomUUID().toString().substring(0, 8),
                    CustomerType.FRANCHISEE, CustomerTier.B, List.of(new ContactRequest("王店长", "13800138000", "店长")),
                    "昆明市五华区", "云南", 1, null, null));
        } finally {
            ClockUtil.reset();
            SecurityContextHolder.clearContext();
        }

        Map<String, Object> revision = jdbc.queryForList("select r.revtstmp, r.username from customer_aud a"
                + " join revinfo r on r.rev = a.rev where a.id = ? order by r.rev", customer.getId()).get(0);
        assertThat(((Number) revision.get("revtstmp")).longValue()).isEqualTo(then.toEpochMilli());
        assertThat(revision.get("username")).isEqualTo("agent2");
    }
}
