package io.kefu.archive;

import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Subquery;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.domain.Specification;

/**
 * Catalogue search; all criteria optional. {@code visibleSecrecy} and {@code borrower} restrict the result to what
 * the user may see (the secrecy classes of their role, plus files they have on loan) and are set by the server.
 */
public record ArchiveEntrySearch(String archiveNo, String title, Long customerId, Long contractId, ArchiveKind kind,
        SecrecyClass secrecy, ArchiveStatus status, String location, Collection<SecrecyClass> visibleSecrecy,
        String borrower) {

    ArchiveEntrySearch restrictedTo(Collection<SecrecyClass> secrecies, String user) {
        return new ArchiveEntrySearch(archiveNo, title, customerId, contractId, kind, secrecy, status, location,
                secrecies, user);
    }

    Specification<ArchiveEntry> toSpecification() {
        return (root, query, cb) -> {
            List<Predicate> p = new ArrayList<>();
            if (archiveNo != null && !archiveNo.isBlank()) {
                p.add(cb.like(root.get("archiveNo"), "%" + like(archiveNo.trim().toUpperCase()) + "%", '\\'));
            }
            if (title != null && !title.isBlank()) {
                p.add(cb.like(root.get("title"), "%" + like(title.trim()) + "%", '\\'));
            }
            if (location != null && !location.isBlank()) {
                p.add(cb.like(root.get("location"), "%" + like(location.trim()) + "%", '\\'));
            }
            if (customerId != null) {
                p.add(cb.equal(root.get("customerId"), customerId));
            }
            if (contractId != null) {
                p.add(cb.equal(root.get("contractId"), contractId));
            }
            if (kind != null) {
                p.add(cb.equal(root.get("kind"), kind));
            }
            if (secrecy != null) {
                p.add(cb.equal(root.get("secrecy"), secrecy));
            }
            if (status != null) {
                p.add(cb.equal(root.get("status"), status));
            }
            if (visibleSecrecy != null) {
                Predicate byClass = root.get("secrecy").in(visibleSecrecy);
                if (borrower != null) {
                    Subquery<Long> borrowed = query.subquery(Long.class);
                    var loan = borrowed.from(ArchiveLoan.class);
                    borrowed.select(loan.get("entry").get("id")).where(cb.equal(loan.get("borrower"), borrower),
                            loan.get("status").in(ArchiveLoanService.OPEN));
                    byClass = cb.or(byClass, root.get("id").in(borrowed));
                }
                p.add(byClass);
            }
            return cb.and(p.toArray(Predicate[]::new));
        };
    }

    private static String like(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
