package io.kefu.archive;

import java.time.Instant;
import java.util.List;

/** A catalogue entry as the API shows it; {@code loans} only when one entry is read. */
public record ArchiveEntryView(Long id, String archiveNo, String title, ArchiveKind kind, String kindLabel,
        Long contractId, Long customerId, String location, int originals, int copies, SecrecyClass secrecy,
        String secrecyLabel, ArchiveStatus status, String statusLabel, String department, String filedBy,
        Instant filedAt, Instant terminatedAt, Instant destroyedAt, List<ArchiveLoanView> loans) {

    static ArchiveEntryView of(ArchiveEntry e, List<ArchiveLoanView> loans) {
        return new ArchiveEntryView(e.getId(), e.getArchiveNo(), e.getTitle(), e.getKind(), e.getKind().label(),
                e.getContractId(), e.getCustomerId(), e.getLocation(), e.getOriginals(), e.getCopies(), e.getSecrecy(),
                e.getSecrecy().label(), e.getStatus(), e.getStatus().label(), e.getDepartment(), e.getFiledBy(),
                e.getFiledAt(), e.getTerminatedAt(), e.getDestroyedAt(), loans);
    }
}
