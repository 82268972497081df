package io.kefu.escalation;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ConfidentialityBreachRepository extends JpaRepository<ConfidentialityBreach, Long> {

    Optional<ConfidentialityBreach> findByReportId(Long reportId);
}
