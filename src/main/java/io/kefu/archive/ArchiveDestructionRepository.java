package io.kefu.archive;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ArchiveDestructionRepository extends JpaRepository<ArchiveDestruction, Long> {

    List<ArchiveDestruction> findByEntryIdOrderById(Long entryId);
}
