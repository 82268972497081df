package io.kefu.customer;

import java.time.LocalDate;
import java.util.Map;

/**
 * The contract figures of the customer report (合同在册与变动), asked of the feature that keeps contracts: the
 * customer module owns the question and collects the answer, so it reads no other feature's table and the contract
 * module, which depends on customers, answers it without a cycle.
 */
public interface ContractsInForce {

    /**
     * By customer type ({@code CustomerType} name): {contracts in force on the day after {@code to}, their stores,
     * contracts that took effect within [from, to], contracts terminated within it}.
     */
    Map<String, long[]> byCustomerType(LocalDate from, LocalDate to);
}
