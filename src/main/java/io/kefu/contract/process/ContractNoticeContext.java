package io.kefu.contract.process;

import io.kefu.shared.time.TimeText;
import io.kefu.contract.Contract;
import io.kefu.notification.NoticeContextProvider;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The placeholders of contract notices (processes/contract/notice-templates.yaml), read from the contract record. */
abstract class ContractNoticeContext implements NoticeContextProvider {

    private final ContractCases cases;

    ContractNoticeContext(ContractCases cases) {
        this.cases = cases;
    }

    @Component
    static class Onboarding extends ContractNoticeContext {
        Onboarding(ContractCases cases) {
            super(cases);
        }

        @Override
        public String processKey() {
            return ContractProcess.ONBOARDING_KEY;
        }
    }

    @Component
    static class Termination extends ContractNoticeContext {
        Termination(ContractCases cases) {
            super(cases);
        }

        @Override
        public String processKey() {
            return ContractProcess.TERMINATION_KEY;
        }
    }

    @Override
    @Transactional(readOnly = true)
    public Long customerId(DelegateExecution execution) {
        return cases.contract(execution).getCustomerId();
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, String> placeholders(DelegateExecution execution) {
        Contract c = cases.contract(execution);
        Map<String, String> values = new HashMap<>();
        values.put("contractNo", c.getContractNo());
        values.put("contractType", c.getType().label());
        values.put("specialist", c.getSpecialist() == null ? "" : c.getSpecialist());
        values.put("contactDue", c.getContactDue() == null ? "" : TimeText.minutes(c.getContactDue()));
        values.put("terminatedOn", c.getTerminatedOn() == null ? "" : c.getTerminatedOn().toString());
        values.put("terminationReason", c.getTerminationReason() == null ? "" : c.getTerminationReason());
        return values;
    }
}
