package io.kefu.visit;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface VisitScheduleRepository extends JpaRepository<VisitSchedule, Long> {

    Optional<VisitSchedule> findByCustomerId(Long customerId);
}
