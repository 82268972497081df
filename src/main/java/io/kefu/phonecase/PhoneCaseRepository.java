package io.kefu.phonecase;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface PhoneCaseRepository extends JpaRepository<PhoneCase, Long>, JpaSpecificationExecutor<PhoneCase> {

    Optional<PhoneCase> findByProcessInstanceId(String processInstanceId);

    boolean existsByInquiryId(Long inquiryId);

    Optional<PhoneCase> findByInquiryId(Long inquiryId);
}
