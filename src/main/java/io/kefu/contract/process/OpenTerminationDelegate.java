package io.kefu.contract.process;

import io.kefu.task.BoundCase;
import static io.kefu.task.FormFields.text;

import io.kefu.task.FormFields;
import io.kefu.contract.Contract;
import io.kefu.contract.ContractService;
import io.kefu.contract.TerminationParty;
import io.kefu.contract.TerminationRequest;
import io.kefu.shared.InvalidInputException;
import java.util.List;
import java.util.Map;
import io.kefu.customer.CustomerDetails;
import io.kefu.task.TaskCards;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_OpenTermination. From the Tasklist start form (an active contract picked by number, who asks, why) the
 * request is recorded on the contract; from Kefu's API it is recorded already and only linked.
 */
@Component
class OpenTerminationDelegate implements JavaDelegate {

    static final List<String> FORM_FIELDS = List.of("contractNo", "requestedBy", "reason");

    private final ContractService contracts;

    OpenTerminationDelegate(ContractService contracts) {
        this.contracts = contracts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long id = FormFields.recordId(execution, ContractProcess.CONTRACT_ID);
        if (id != null) {
            contracts.linkTermination(id, execution.getProcessInstanceId());
            Contract bound = contracts.find(id);
            execution.setVariables(cardOf(bound, contracts.customerOf(bound)));
            return;
        }
        String user = BoundCase.starter(execution, ContractProcess.INITIATOR);
        if (user == null) {
            throw InvalidInputException.of("initiator", "无法确定发起人:请登录后在任务列表中发起");
        }
        long contractId = contracts.findIdByNumber(text(execution, "contractNo"));
        Contract contract = contracts.requestTermination(contractId, new TerminationRequest(
                FormFields.enumValue(execution, "requestedBy", TerminationParty.class), text(execution, "reason")), user);
        contracts.linkTermination(contractId, execution.getProcessInstanceId());
        FORM_FIELDS.forEach(execution::removeVariable);
        execution.setProcessBusinessKey(contract.getContractNo());
        execution.setVariable(ContractProcess.CONTRACT_ID, contractId);
        execution.setVariable(ContractProcess.CUSTOMER_ID, contract.getCustomerId());
        execution.setVariables(cardOf(contract, contracts.customerOf(contract)));
    }

    /** The task card's display variables ({@link TaskCards}); the reason is free text and stays in the record. */
    static Map<String, Object> cardOf(Contract contract, CustomerDetails customer) {
        return TaskCards.of(contract.getContractNo(), customer, "合同解约");
    }
}
