package io.kefu.dispatch;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface WorkOrderRepository extends JpaRepository<WorkOrder, Long>, JpaSpecificationExecutor<WorkOrder> {

    Optional<WorkOrder> findByProcessInstanceId(String processInstanceId);

    Optional<WorkOrder> findByOrderNo(String orderNo);

    /** Open work orders per technician: {technician, count} rows, for the balanced assignment. */
    @Query("""
            select w.technician, count(w) from WorkOrder w
            where w.technician in :technicians and w.status in :open
            group by w.technician
            """)
    List<Object[]> countOpenByTechnician(@Param("technicians") Collection<String> technicians,
            @Param("open") Collection<WorkOrderStatus> open);
}
