package io.kefu.archive;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ArchiveLoanRepository extends JpaRepository<ArchiveLoan, Long> {

    Optional<ArchiveLoan> findByProcessInstanceId(String processInstanceId);

    @Query("""
            select l from ArchiveLoan l join fetch l.entry e
            where e.customerId = :customerId and l.status in :statuses order by l.id
            """)
    List<ArchiveLoan> findByCustomerAndStatus(@Param("customerId") Long customerId,
            @Param("statuses") Collection<LoanStatus> statuses);

    @Query("select l from ArchiveLoan l join fetch l.entry where l.entry.id = :entryId order by l.id desc")
    List<ArchiveLoan> findByEntry(@Param("entryId") Long entryId);

    /** Open loans, optionally one borrower's or only those overdue (their files come in batches: default_batch_fetch_size). */
    String OPEN_LOANS = """
            from ArchiveLoan l join l.entry e
            where l.status in :statuses
              and (:borrower is null or l.borrower = :borrower)
              and (:overdueAt is null or (l.status = io.kefu.archive.LoanStatus.LENT and l.dueAt < :overdueAt))
            """;

    @Query("select l " + OPEN_LOANS + " order by l.id desc")
    List<ArchiveLoan> findOpen(@Param("statuses") Collection<LoanStatus> statuses, @Param("borrower") String borrower,
            @Param("overdueAt") Instant overdueAt);

    /** One page of {@link #findOpen}, newest first, and how many there are. */
    @Query(value = "select l " + OPEN_LOANS + " order by l.id desc", countQuery = "select count(l) " + OPEN_LOANS)
    Page<ArchiveLoan> findOpen(@Param("statuses") Collection<LoanStatus> statuses, @Param("borrower") String borrower,
            @Param("overdueAt") Instant overdueAt, Pageable page);

    @Query("select count(l) from ArchiveLoan l where l.entry.id = :entryId and l.status in :statuses")
    long countByEntryAndStatus(@Param("entryId") Long entryId, @Param("statuses") Collection<LoanStatus> statuses);
}
