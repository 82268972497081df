package io.kefu.staffreview;

import java.time.LocalDate;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface StaffViolationRepository extends JpaRepository<StaffViolation, Long>,
        JpaSpecificationExecutor<StaffViolation> {

    long countByEmployeeAndKindAndOccurredOnBetween(String employee, ViolationKind kind, LocalDate from,
            LocalDate to);

}
