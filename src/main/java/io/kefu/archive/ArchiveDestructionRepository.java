package io.kefu.archive;

import org.springframework.data.jpa.repository.JpaRepository;

interface ArchiveDestructionRepository extends JpaRepository<ArchiveDestruction, Long> {
}
