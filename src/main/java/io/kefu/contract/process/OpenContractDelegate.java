package io.kefu.contract.process;

import io.kefu.task.BoundCase;
import static io.kefu.task.FormFields.text;

import io.kefu.task.FormFields;
import io.kefu.contract.Contract;
import io.kefu.contract.ContractService;
import io.kefu.contract.ContractStart;
import io.kefu.customer.CustomerTier;
import io.kefu.customer.CustomerType;
import io.kefu.shared.InvalidInputException;
import java.util.List;
import java.util.Map;
import io.kefu.customer.CustomerDetails;
import io.kefu.task.TaskCards;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_OpenContract. Started from the Tasklist start form: the prospect (existing customer code or new customer
 * data) becomes a contract record and the form's fields leave the process. Started by Kefu's API: only linked.
 */
@Component
class OpenContractDelegate implements JavaDelegate {

    static final List<String> FORM_FIELDS = List.of("customerCode", "type", "name", "tier", "contactName",
            "contactPhone", "address", "region");

    private final ContractService contracts;

    OpenContractDelegate(ContractService contracts) {
        this.contracts = contracts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long id = FormFields.recordId(execution, ContractProcess.CONTRACT_ID);
        if (id != null) {
            contracts.linkProcess(id, execution.getProcessInstanceId());
            Contract bound = contracts.find(id);
            execution.setVariables(cardOf(bound, contracts.customerOf(bound)));
            return;
        }
        String user = BoundCase.starter(execution, ContractProcess.INITIATOR);
        if (user == null) {
            throw InvalidInputException.of("initiator", "无法确定发起人:请登录后在任务列表中发起");
        }
        Contract contract = contracts.open(new ContractStart(text(execution, "customerCode"),
                FormFields.enumValue(execution, "type", CustomerType.class), text(execution, "name"),
                FormFields.enumValue(execution, "tier", CustomerTier.class), text(execution, "contactName"),
                text(execution, "contactPhone"), text(execution, "address"), text(execution, "region")), user);
        contracts.linkProcess(contract.getId(), execution.getProcessInstanceId());
        FORM_FIELDS.forEach(execution::removeVariable);
        execution.setProcessBusinessKey(contract.getContractNo());
        execution.setVariable(ContractProcess.CONTRACT_ID, contract.getId());
        execution.setVariable(ContractProcess.CUSTOMER_ID, contract.getCustomerId());
        execution.setVariable(ContractProcess.CONTRACT_TYPE, contract.getType().name());
        execution.setVariables(cardOf(contract, contracts.customerOf(contract)));
    }

    /** The task card's display variables ({@link TaskCards}): contract number, customer, 加盟合同签约. */
    static Map<String, Object> cardOf(Contract contract, CustomerDetails customer) {
        return TaskCards.of(contract.getContractNo(), customer,
                contract.getType().label().replace("商", "") + "合同签约");
    }
}
