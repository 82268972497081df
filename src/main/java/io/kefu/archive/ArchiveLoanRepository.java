package io.kefu.archive;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
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

    @Query("""
            select l from ArchiveLoan l join fetch l.entry e
            where l.status in :statuses
              and (:borrower is null or l.borrower = :borrower)
              and (:overdueAt is null or (l.status = io.kefu.archive.LoanStatus.LENT and l.dueAt < :overdueAt))
            order by l.id desc
            """)
    List<ArchiveLoan> findOpen(@Param("statuses") Collection<LoanStatus> statuses, @Param("borrower") String borrower,
            @Param("overdueAt") Instant overdueAt);

    @Query("select count(l) from ArchiveLoan l where l.entry.id = :entryId and l.status in :statuses")
    long countByEntryAndStatus(@Param("entryId") Long entryId, @Param("statuses") Collection<LoanStatus> statuses);
}
