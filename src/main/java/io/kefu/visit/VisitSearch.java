package io.kefu.visit;

import jakarta.persistence.criteria.Predicate;
import java.time.Instant;
import java.time.LocalDate;
import io.kefu.customer.CustomerDetails;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import io.kefu.identity.KefuGroups;
import java.util.Set;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * Filters of the visit list. {@code state}: due (open, within the 3-day limit), overdue (open, limit passed), done,
 * cancelled, or all; {@code from}/{@code to} bound the due date. {@code viewer} and {@code viewerGroups} restrict the
 * list to what an agent may read: visits they make, of customers they serve, or for their groups.
 */
public record VisitSearch(String state, String customer, String visitor, VisitKind kind,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
        String viewer, Set<String> viewerGroups) {

    /** The values {@code state} may take (besides none: all). */
    public static final List<String> STATES = List.of("due", "overdue", "done", "cancelled");

    public VisitSearch restrictedTo(String user, Set<String> groups) {
        return new VisitSearch(state, customer, visitor, kind, from, to, user, groups);
    }

    /**
     * The filters; {@code customerOfCode} is the id the customer registry gave for {@code customer} (null: none), and
     * {@code viewerCustomers} the ids of the customers the viewer serves.
     */
    Specification<Visit> toSpecification(Instant now, Long customerOfCode, Collection<Long> viewerCustomers) {
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            var status = root.<VisitStatus>get("status");
            switch (state == null ? "" : state.toLowerCase()) {
                case "due" -> {
                    where.add(status.in(VisitService.OPEN));
                    where.add(cb.greaterThanOrEqualTo(root.get("deadline"), now));
                }
                case "overdue" -> {
                    where.add(status.in(VisitService.OPEN));
                    where.add(cb.lessThan(root.get("deadline"), now));
                }
                case "done" -> where.add(cb.equal(status, VisitStatus.DONE));
                case "cancelled" -> where.add(cb.equal(status, VisitStatus.CANCELLED));
                default -> {
                }
            }
            if (customer != null && !customer.isBlank()) {
                where.add(customerOfCode == null ? cb.disjunction() : cb.equal(root.get("customerId"), customerOfCode));
            }
            if (visitor != null && !visitor.isBlank()) {
                where.add(cb.equal(root.get("visitorId"), visitor.trim()));
            }
            if (kind != null) {
                where.add(cb.equal(root.get("kind"), kind));
            }
            if (from != null) {
                where.add(cb.greaterThanOrEqualTo(root.get("dueDate"), from));
            }
            if (to != null) {
                where.add(cb.lessThanOrEqualTo(root.get("dueDate"), to));
            }
            if (viewer != null) {
                List<Predicate> visible = new ArrayList<>();
                visible.add(cb.equal(root.get("visitorId"), viewer));
                if (!viewerCustomers.isEmpty()) {
                    visible.add(root.get("customerId").in(viewerCustomers));
                }
                if (!viewerGroups.isEmpty()) {
                    visible.add(cb.and(cb.isNull(root.get("visitorId")), root.get("visitorGroup").in(viewerGroups)));
                }
                List<String> departments = viewerGroups.stream().filter(g -> g.startsWith(KefuGroups.DEPARTMENT_PREFIX))
                        .map(g -> g.substring(KefuGroups.DEPARTMENT_PREFIX.length())).toList();
                if (!departments.isEmpty()) {
                    visible.add(root.get("matterDepartment").in(departments));
                }
                where.add(cb.or(visible.toArray(Predicate[]::new)));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }

    /** Whether a visit is one the restricted viewer may read (same rule as the list). */
    static boolean visibleTo(Visit visit, CustomerDetails customer, String user, Set<String> groups) {
        return user.equals(visit.getVisitorId()) || customer.isServedBy(user)
                || (visit.getVisitorId() == null && groups.contains(visit.getVisitorGroup()))
                || (visit.getMatterDepartment() != null
                        && groups.contains(KefuGroups.DEPARTMENT_PREFIX + visit.getMatterDepartment()));
    }
}
