package io.kefu.contract.process;

import io.kefu.contract.Contract;
import io.kefu.contract.ContractService;
import io.kefu.task.BoundCase;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The contract a contract-onboarding or contract-termination step works on, from Kefu's binding of the process
 * instance to the contract ({@link BoundCase}; a termination stays bound after it was withdrawn or refused) — never
 * from the variable {@value ContractProcess#CONTRACT_ID}, which stays for information only. The BPMN assigns the
 * specialist's task with {@code ${contractCases.specialist(execution)}}: the specialist the contract records.
 */
@Component("contractCases")
public class ContractCases {

    private final ContractService contracts;

    ContractCases(ContractService contracts) {
        this.contracts = contracts;
    }

    long id(DelegateExecution execution) {
        return contract(execution).getId();
    }

    long id(DelegateTask task) {
        return BoundCase.require(task, contracts::forProcessInstance, "contract").getId();
    }

    Contract contract(DelegateExecution execution) {
        return BoundCase.require(execution, contracts::forProcessInstance, "contract");
    }

    /** 客服专员: the specialist the supervisor assigned, as the contract records it. */
    public String specialist(DelegateExecution execution) {
        return contract(execution).getSpecialist();
    }
}
