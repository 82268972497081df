package io.kefu.contract;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The terms of a contract as the contract department drafts them (合同条款). */
public record ContractTerms(String partyCompany, String partyCustomer, String territory, String storeName,
        String storeAddress, Integer storeCount, LocalDate storeOpeningDate, LocalDate termStart, LocalDate termEnd,
        BigDecimal feeAmount, String feeTerms, String specialTerms) {
}
