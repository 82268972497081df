package io.kefu.customer;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CustomerRepository extends JpaRepository<Customer, Long>, JpaSpecificationExecutor<Customer> {

    Optional<Customer> findByCode(String code);

    @Query("select c.id from Customer c where c.specialist = :specialist")
    List<Long> findIdsBySpecialist(@Param("specialist") String specialist);

    /** Active customers per specialist: {specialist, count} rows, for the balanced assignment (负责客户数量均衡). */
    @Query("""
            select c.specialist, count(c) from Customer c
            where c.specialist in :specialists and c.status = io.kefu.customer.CustomerStatus.ACTIVE
            group by c.specialist
            """)
    List<Object[]> countActiveBySpecialist(@Param("specialists") Collection<String> specialists);
}
