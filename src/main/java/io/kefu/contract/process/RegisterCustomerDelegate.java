package io.kefu.contract.process;

import io.kefu.contract.ContractService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RegisterCustomer (系统增名): the signed customer becomes active in the customer registry. */
@Component
class RegisterCustomerDelegate implements JavaDelegate {

    private final ContractService contracts;
    private final ContractCases cases;

    RegisterCustomerDelegate(ContractService contracts, ContractCases cases) {
        this.contracts = contracts;
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        contracts.registerCustomer(cases.id(execution));
    }
}
