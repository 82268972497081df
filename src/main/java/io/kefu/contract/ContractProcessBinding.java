package io.kefu.contract;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A process instance that works on a contract: its onboarding, and each termination ever requested. Kept for good —
 * unlike {@link Contract#getTerminationProcessId()}, which a withdrawn or refused termination clears — so every step
 * of a process finds its contract through Kefu's own binding.
 */
@Entity
@Table(name = "contract_process")
class ContractProcessBinding {

    @Id
    @Column(name = "process_instance_id", length = 64)
    private String processInstanceId;

    @Column(name = "contract_id", nullable = false)
    private Long contractId;

    protected ContractProcessBinding() {
    }

    ContractProcessBinding(String processInstanceId, Long contractId) {
        this.processInstanceId = processInstanceId;
        this.contractId = contractId;
    }

    Long getContractId() {
        return contractId;
    }
}
