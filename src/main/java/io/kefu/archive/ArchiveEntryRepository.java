package io.kefu.archive;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface ArchiveEntryRepository extends JpaRepository<ArchiveEntry, Long>, JpaSpecificationExecutor<ArchiveEntry> {

    List<ArchiveEntry> findByContractId(Long contractId);

    List<ArchiveEntry> findByCustomerIdOrderById(Long customerId);
}
