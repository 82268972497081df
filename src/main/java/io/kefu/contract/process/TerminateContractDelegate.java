package io.kefu.contract.process;

import io.kefu.contract.ContractService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_TerminateContract: customer record and contract ended; archive and visits are told by the event. */
@Component
class TerminateContractDelegate implements JavaDelegate {

    private final ContractService contracts;
    private final ContractCases cases;

    TerminateContractDelegate(ContractService contracts, ContractCases cases) {
        this.contracts = contracts;
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        contracts.terminate(cases.id(execution));
    }
}
