package io.kefu.contract.process;

import io.kefu.contract.ContractService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_PublishOnboarded: tells visits (and anyone listening) that the customer is now served. */
@Component
class CustomerOnboardedDelegate implements JavaDelegate {

    private final ContractService contracts;
    private final ContractCases cases;

    CustomerOnboardedDelegate(ContractService contracts, ContractCases cases) {
        this.contracts = contracts;
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        contracts.completeOnboarding(cases.id(execution));
    }
}
