package io.kefu.staffreview;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface StaffReviewRepository extends JpaRepository<StaffReview, Long>, JpaSpecificationExecutor<StaffReview> {

    Optional<StaffReview> findByProcessInstanceId(String processInstanceId);

    Optional<StaffReview> findByEmployeeAndReviewMonth(String employee, String reviewMonth);
}
