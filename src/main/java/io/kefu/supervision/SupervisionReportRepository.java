package io.kefu.supervision;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface SupervisionReportRepository extends JpaRepository<SupervisionReport, Long> {

    Optional<SupervisionReport> findByReportNo(String reportNo);

    List<SupervisionReport> findByProcessInstanceIdOrderByStaffId(String processInstanceId);

    Optional<SupervisionReport> findByProcessInstanceIdAndStaffId(String processInstanceId, String staffId);
}
