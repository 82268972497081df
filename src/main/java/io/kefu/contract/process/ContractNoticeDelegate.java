package io.kefu.contract.process;

import io.kefu.contract.ContractService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The notices of the contract processes (asyncBefore, retried): records on the contract which notice went to whom
 * (公函或通知...归档管理). Inputs {@code noticeTemplate} and {@code noticeTo} (customer | user:&lt;id&gt; | group:&lt;id&gt;),
 * as the notification service reads them.
 */
@Component
class ContractNoticeDelegate implements JavaDelegate {

    private final ContractService contracts;

    ContractNoticeDelegate(ContractService contracts) {
        this.contracts = contracts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        contracts.addNote(ContractProcess.contractId(execution), "NOTICE", "system",
                execution.getVariable("noticeTemplate") + " → " + execution.getVariable("noticeTo"));
    }
}
