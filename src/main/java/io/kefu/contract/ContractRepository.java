package io.kefu.contract;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface ContractRepository extends JpaRepository<Contract, Long>, JpaSpecificationExecutor<Contract> {

    List<Contract> findByCustomerIdOrderByIdDesc(Long customerId);

    Optional<Contract> findByContractNo(String contractNo);

    List<Contract> findByStatus(ContractStatus status);
}
