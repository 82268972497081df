package io.kefu.archive;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ArchiveInspectionRepository extends JpaRepository<ArchiveInspection, Long> {

    List<ArchiveInspection> findTop20ByOrderByIdDesc();

    Optional<ArchiveInspection> findByProcessInstanceId(String processInstanceId);
}
