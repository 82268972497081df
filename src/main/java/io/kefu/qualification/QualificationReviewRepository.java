package io.kefu.qualification;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface QualificationReviewRepository extends JpaRepository<QualificationReview, Long>,
        JpaSpecificationExecutor<QualificationReview> {

    Optional<QualificationReview> findByProcessInstanceId(String processInstanceId);

    Optional<QualificationReview> findByReviewNo(String reviewNo);

    boolean existsByCustomerIdAndStatusIn(Long customerId, List<ReviewStatus> statuses);

    /** The active customers' ids: the planning run looks at each one's next review date. */

}
