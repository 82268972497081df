package io.kefu.contract.process;

import io.kefu.contract.ContractService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_ProposeSpecialist: the least-loaded specialist, which the supervisor's form shows and may override. */
@Component
class ProposeSpecialistDelegate implements JavaDelegate {

    private final ContractService contracts;

    ProposeSpecialistDelegate(ContractService contracts) {
        this.contracts = contracts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(ContractProcess.SPECIALIST, contracts.proposeSpecialist());
    }
}
