package io.kefu.contract;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Contract rules that are configuration: when the new specialist is reminded to contact the customer, when the
 * supervisors hear it did not happen (应在一周内与客户进行沟通), and the group specialists are proposed from.
 */
@ConfigurationProperties("kefu.contract")
public record ContractSettings(Duration contactReminderAfter, Duration contactDeadline, String specialistGroup,
        String companyName) {
}
