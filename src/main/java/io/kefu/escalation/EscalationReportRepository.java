package io.kefu.escalation;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface EscalationReportRepository extends JpaRepository<EscalationReport, Long>,
        JpaSpecificationExecutor<EscalationReport> {

    Optional<EscalationReport> findByProcessInstanceId(String processInstanceId);

    Optional<EscalationReport> findByReportNo(String reportNo);
}
