package io.kefu.archive;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ArchiveInspectionRepository extends JpaRepository<ArchiveInspection, Long> {

    List<ArchiveInspection> findTop20ByOrderByIdDesc();
}
