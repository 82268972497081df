package io.kefu.archive;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ArchiveDestructionRepository extends JpaRepository<ArchiveDestruction, Long> {

    Optional<ArchiveDestruction> findByProcessInstanceId(String processInstanceId);
}
