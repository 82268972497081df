package io.kefu.escalation;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface EscalationInstructionRepository extends JpaRepository<EscalationInstruction, Long> {

    List<EscalationInstruction> findByReportIdOrderById(Long reportId);
}
