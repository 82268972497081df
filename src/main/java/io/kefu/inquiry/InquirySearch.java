package io.kefu.inquiry;

import jakarta.persistence.criteria.Predicate;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.jpa.domain.Specification;

/**
 * Search criteria for inquiries, all optional: {@code from}/{@code to} are days (inclusive) in Kefu's time zone.
 * {@code visibleToUser} restricts the result to one agent's own inquiries and is set by the server, never the client.
 */
public record InquirySearch(LocalDate from, LocalDate to, InquiryCategory category, InquiryChannel channel,
        InquiryOutcome outcome, String takenBy, String visibleToUser) {

    static InquirySearch empty() {
        return new InquirySearch(null, null, null, null, null, null, null);
    }

    /** The same criteria for one day. */
    InquirySearch on(LocalDate day) {
        return new InquirySearch(day, day, category, channel, outcome, takenBy, visibleToUser);
    }

    InquirySearch restrictedTo(String userId) {
        return new InquirySearch(from, to, category, channel, outcome, takenBy, userId);
    }

    Specification<Inquiry> toSpecification() {
        return (root, query, cb) -> {
            List<Predicate> p = new ArrayList<>();
            if (from != null) {
                p.add(cb.greaterThanOrEqualTo(root.get("receivedOn"), from));
            }
            if (to != null) {
                p.add(cb.lessThanOrEqualTo(root.get("receivedOn"), to));
            }
            if (category != null) {
                p.add(cb.equal(root.get("category"), category));
            }
            if (channel != null) {
                p.add(cb.equal(root.get("channel"), channel));
            }
            if (outcome != null) {
                p.add(cb.equal(root.get("outcome"), outcome));
            }
            if (takenBy != null && !takenBy.isBlank()) {
                p.add(cb.equal(root.get("takenBy"), takenBy.trim()));
            }
            if (visibleToUser != null) {
                p.add(cb.equal(root.get("takenBy"), visibleToUser));
            }
            return cb.and(p.toArray(Predicate[]::new));
        };
    }
}
