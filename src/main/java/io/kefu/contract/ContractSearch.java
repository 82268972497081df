package io.kefu.contract;

import io.kefu.customer.CustomerType;
import jakarta.persistence.criteria.Predicate;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.jpa.domain.Specification;

/** Search criteria for contracts, all optional; {@code from}/{@code to} bound the day the contract was opened. */
public record ContractSearch(String contractNo, Long customerId, String customerCode, CustomerType type,
        ContractStatus status, String specialist, LocalDate from, LocalDate to) {

    /** The criteria; {@code customerOfCode}: the id the customer registry gave for {@code customerCode} (null: none). */
    Specification<Contract> toSpecification(Long customerOfCode) {
        return (root, query, cb) -> {
            List<Predicate> p = new ArrayList<>();
            if (contractNo != null && !contractNo.isBlank()) {
                p.add(cb.equal(root.get("contractNo"), contractNo.trim().toUpperCase()));
            }
            if (customerId != null) {
                p.add(cb.equal(root.get("customerId"), customerId));
            }
            if (customerCode != null && !customerCode.isBlank()) {
                p.add(customerOfCode == null ? cb.disjunction() : cb.equal(root.get("customerId"), customerOfCode));
            }
            if (type != null) {
                p.add(cb.equal(root.get("type"), type));
            }
            if (status != null) {
                p.add(cb.equal(root.get("status"), status));
            }
            if (specialist != null && !specialist.isBlank()) {
                p.add(cb.equal(root.get("specialist"), specialist.trim()));
            }
            if (from != null) {
                p.add(cb.greaterThanOrEqualTo(root.get("createdAt"), startOf(from)));
            }
            if (to != null) {
                p.add(cb.lessThan(root.get("createdAt"), startOf(to.plusDays(1))));
            }
            return cb.and(p.toArray(Predicate[]::new));
        };
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.ofHours(8)).toInstant();
    }
}
