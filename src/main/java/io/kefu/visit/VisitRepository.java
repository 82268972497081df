package io.kefu.visit;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface VisitRepository extends JpaRepository<Visit, Long>, JpaSpecificationExecutor<Visit> {

    boolean existsByCustomerIdAndPlanKey(Long customerId, String planKey);

    java.util.Optional<Visit> findByCustomerIdAndPlanKey(Long customerId, String planKey);

    Optional<Visit> findByProcessInstanceId(String processInstanceId);

    Optional<Visit> findFirstByCustomerIdAndVisitorRoleAndKindAndStatusNotOrderByDueDateDesc(Long customerId,
            VisitorRole role, VisitKind kind, VisitStatus status);

    List<Visit> findByCustomerIdAndStatusIn(Long customerId, Collection<VisitStatus> statuses);

    List<Visit> findByCampaignId(Long campaignId);

    @Query("select v from Visit v where v.dueDate between ?1 and ?2"
            + " and v.status <> io.kefu.visit.VisitStatus.CANCELLED")
    List<Visit> findDueBetween(LocalDate from, LocalDate to);

    long countByVisitorIdAndStatusIn(String visitorId, Collection<VisitStatus> statuses);
}
