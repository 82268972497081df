package io.kefu.contract;

import io.kefu.customer.CustomerType;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ContractRepository extends JpaRepository<Contract, Long>, JpaSpecificationExecutor<Contract> {

    List<Contract> findByCustomerIdOrderByIdDesc(Long customerId);

    @Query("""
            select c from Contract c, ContractProcessBinding b
            where b.processInstanceId = :processInstanceId and c.id = b.contractId
            """)
    Optional<Contract> findByBoundProcess(@Param("processInstanceId") String processInstanceId);

    @Query("""
            select count(c) from Contract c where c.type = :type and c.activatedOn between :from and :to
            """)
    long countActivated(@Param("type") CustomerType type, @Param("from") LocalDate from, @Param("to") LocalDate to);

    @Query("""
            select count(c) from Contract c where c.type = :type and c.terminatedOn between :from and :to
            """)
    long countTerminated(@Param("type") CustomerType type, @Param("from") LocalDate from, @Param("to") LocalDate to);

    /** Contracts in force at the end of {@code day}: {count, stores}. */
    @Query("""
            select count(c), coalesce(sum(c.storeCount), 0) from Contract c
            where c.type = :type and c.activatedOn <= :day and (c.terminatedOn is null or c.terminatedOn > :day)
            """)
    List<Object[]> countInForce(@Param("type") CustomerType type, @Param("day") LocalDate day);

    Optional<Contract> findByContractNo(String contractNo);
}
