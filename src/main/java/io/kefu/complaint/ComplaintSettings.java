package io.kefu.complaint;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Complaint rules that are configuration rather than a decision table: the return-visit deadline and repeats. */
@ConfigurationProperties("kefu.complaint")
public record ComplaintSettings(int returnVisitDays, Repeat repeat) {

    public record Repeat(int sameCustomerWindowDays, int categoryThreshold, int categoryPeriodDays) {
    }
}
