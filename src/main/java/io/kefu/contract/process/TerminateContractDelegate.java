package io.kefu.contract.process;

import io.kefu.contract.ContractService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_TerminateContract: customer record and contract ended; archive and visits are told by the event. */
@Component
class TerminateContractDelegate implements JavaDelegate {

    private final ContractService contracts;

    TerminateContractDelegate(ContractService contracts) {
        this.contracts = contracts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        contracts.terminate(ContractProcess.contractId(execution));
    }
}
