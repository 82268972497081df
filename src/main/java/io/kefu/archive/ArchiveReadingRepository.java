package io.kefu.archive;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ArchiveReadingRepository extends JpaRepository<ArchiveReading, Long> {

    List<ArchiveReading> findByEntryIdOrderById(Long entryId);
}
