package io.kefu.complaint;

import java.time.Instant;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ComplaintRepository extends JpaRepository<Complaint, Long>, JpaSpecificationExecutor<Complaint> {

    Optional<Complaint> findByCaseNo(String caseNo);

    Optional<Complaint> findByProcessInstanceId(String processInstanceId);

    @Query("""
            select count(c) from Complaint c
            where c.customerId = :customerId and c.category = :category and c.id <> :excludeId and c.createdAt >= :since
            """)
    long countSameCustomerAndCategorySince(@Param("customerId") long customerId,
            @Param("category") ComplaintCategory category, @Param("excludeId") long excludeId, @Param("since") Instant since);

    @Query("select count(c) from Complaint c where c.category = :category and c.createdAt >= :since")
    long countCategorySince(@Param("category") ComplaintCategory category, @Param("since") Instant since);
}
