package io.kefu.customer;

import io.kefu.shared.phone.PhoneNumbers;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.JoinType;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.jpa.domain.Specification;

/** Search criteria for the customer registry; every criterion is optional. */
public record CustomerSearch(String name, String phone, CustomerType type, CustomerTier tier, CustomerStatus status,
        String specialist) {

    /** No criterion: every customer. */
    public static CustomerSearch any() {
        return new CustomerSearch(null, null, null, null, null, null);
    }

    Specification<Customer> toSpecification() {
        return (root, query, cb) -> {
            List<Predicate> predicates = new ArrayList<>();
            if (name != null && !name.isBlank()) {
                predicates.add(cb.like(cb.lower(root.get("name")), "%" + escape(name.trim().toLowerCase()) + "%", '\\'));
            }
            if (phone != null && !phone.isBlank()) {
                // a subquery, not a join with "distinct": the list may then also be sorted by a contact's field
                Subquery<Long> withPhone = query.subquery(Long.class);
                Root<Customer> customer = withPhone.from(Customer.class);
                Join<Customer, Contact> contacts = customer.join("contacts", JoinType.INNER);
                withPhone.select(customer.get("id"))
                        .where(cb.like(contacts.get("phone"), "%" + escape(wanted(phone)) + "%", '\\'));
                predicates.add(root.get("id").in(withPhone));
            }
            if (type != null) {
                predicates.add(cb.equal(root.get("type"), type));
            }
            if (tier != null) {
                predicates.add(cb.equal(root.get("tier"), tier));
            }
            if (status != null) {
                predicates.add(cb.equal(root.get("status"), status));
            }
            if (specialist != null && !specialist.isBlank()) {
                predicates.add(cb.equal(root.get("specialist"), specialist.trim()));
            }
            return cb.and(predicates.toArray(Predicate[]::new));
        };
    }

    /** A whole number typed the usual way (138 1234 5678) is searched in the shape Kefu keeps; a part as typed. */
    private static String wanted(String phone) {
        return PhoneNumbers.normalise(phone).orElse(phone.trim());
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
