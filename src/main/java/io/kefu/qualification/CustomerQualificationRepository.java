package io.kefu.qualification;

import org.springframework.data.jpa.repository.JpaRepository;

interface CustomerQualificationRepository extends JpaRepository<CustomerQualification, Long> {
}
