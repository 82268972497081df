package io.kefu.complaint;

import jakarta.persistence.criteria.Predicate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.domain.Specification;

/**
 * Search criteria for complaints; all optional. {@code visibleTo*} restrict the result to what a user may see
 * (their own cases and their departments' cases) and are set by the server, never by the client.
 */
public record ComplaintSearch(ComplaintStatus status, Long customerId, ComplaintCategory category, String owner,
        Boolean overdue, Boolean open, String visibleToUser, Collection<String> visibleToDepartments) {

    ComplaintSearch restrictedTo(String userId, Collection<String> departments) {
        return new ComplaintSearch(status, customerId, category, owner, overdue, open, userId, departments);
    }

    Specification<Complaint> toSpecification(Instant now) {
        return (root, query, cb) -> {
            List<Predicate> p = new ArrayList<>();
            if (status != null) {
                p.add(cb.equal(root.get("status"), status));
            }
            if (customerId != null) {
                p.add(cb.equal(root.get("customerId"), customerId));
            }
            if (category != null) {
                p.add(cb.equal(root.get("category"), category));
            }
            if (owner != null && !owner.isBlank()) {
                p.add(cb.equal(root.get("ownerId"), owner.trim()));
            }
            if (Boolean.TRUE.equals(open)) {
                p.add(root.get("status").in(ComplaintStatus.CLOSED, ComplaintStatus.REJECTED).not());
            }
            if (overdue != null) {
                Predicate late = cb.and(
                        root.get("status").in(ComplaintStatus.CLOSED, ComplaintStatus.REJECTED).not(),
                        cb.or(
                                cb.and(cb.isNull(root.get("respondedAt")), cb.lessThan(root.get("responseDue"), now)),
                                cb.and(cb.isNull(root.get("resolvedAt")), cb.lessThan(root.get("resolutionDue"), now))));
                p.add(overdue ? late : cb.not(late));
            }
            if (visibleToUser != null) {
                Predicate own = cb.equal(root.get("ownerId"), visibleToUser);
                p.add(visibleToDepartments == null || visibleToDepartments.isEmpty() ? own
                        : cb.or(own, root.get("department").in(visibleToDepartments)));
            }
            return cb.and(p.toArray(Predicate[]::new));
        };
    }
}
