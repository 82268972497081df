package io.kefu.contract;

import io.kefu.customer.CustomerType;
import java.time.LocalDate;

/**
 * What the contract feature tells the rest of Kefu. Published inside the transaction that records the fact, so a
 * listener's work (scheduling visits, marking the archive) commits or rolls back with it.
 */
public final class ContractEvents {

    /**
     * The contract is signed, the customer registered (系统增名) and a specialist assigned: the customer is now served,
     * and its visit schedule starts. {@code storeOpeningDate} is set for a franchise store (开业调查 is due then).
     */
    public record CustomerOnboarded(Long contractId, Long customerId, CustomerType customerType, String specialist,
            LocalDate storeOpeningDate) {
    }

    /** The contract ended (解约): the customer is no longer active from {@code endDate}; future visits are cancelled. */
    public record ContractTerminated(Long contractId, Long customerId, LocalDate endDate, String reason) {
    }

    private ContractEvents() {
    }
}
