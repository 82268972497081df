package io.kefu.notification;

import jakarta.persistence.criteria.Predicate;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;

/** Search criteria for the notice archive; all optional. The period is by creation date in Kefu's time zone. */
public record NoticeSearch(String caseKey, Long customerId, NoticeStatus status, NoticeChannel channel, String template,
        String archiveNo, String recipient, @DateTimeFormat(iso = ISO.DATE) LocalDate from,
        @DateTimeFormat(iso = ISO.DATE) LocalDate to) {

    Specification<Notice> toSpecification(ZoneId zone) {
        return (root, query, cb) -> {
            List<Predicate> p = new ArrayList<>();
            if (caseKey != null && !caseKey.isBlank()) {
                p.add(cb.equal(root.get("caseKey"), caseKey.trim()));
            }
            if (customerId != null) {
                p.add(cb.equal(root.get("customerId"), customerId));
            }
            if (status != null) {
                p.add(cb.equal(root.get("status"), status));
            }
            if (channel != null) {
                p.add(cb.equal(root.get("channel"), channel));
            }
            if (template != null && !template.isBlank()) {
                p.add(cb.equal(root.get("template"), template.trim()));
            }
            if (archiveNo != null && !archiveNo.isBlank()) {
                p.add(cb.equal(root.get("archiveNo"), archiveNo.trim()));
            }
            if (recipient != null && !recipient.isBlank()) {
                p.add(cb.equal(root.get("recipientRef"), recipient.trim()));
            }
            if (from != null) {
                p.add(cb.greaterThanOrEqualTo(root.get("createdAt"), from.atStartOfDay(zone).toInstant()));
            }
            if (to != null) {
                p.add(cb.lessThan(root.get("createdAt"), to.plusDays(1).atStartOfDay(zone).toInstant()));
            }
            return cb.and(p.toArray(Predicate[]::new));
        };
    }
}
