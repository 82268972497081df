package io.kefu.contract.process;

import io.kefu.contract.Contract;
import io.kefu.contract.ContractService;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Create listener of Task_DraftContract ({@code ${draftFormPrefill}}): a redraft starts from the terms on record.
 * The values are task-local, so they end with the task; the process keeps none of them.
 */
@Component("draftFormPrefill")
class DraftFormPrefill implements TaskListener {

    private final ContractService contracts;
    private final ContractCases cases;

    DraftFormPrefill(ContractService contracts, ContractCases cases) {
        this.contracts = contracts;
        this.cases = cases;
    }

    @Override
    public void notify(DelegateTask task) {
        Contract c = contracts.find(cases.id(task));
        Map<String, Object> values = new HashMap<>();
        put(values, "partyCompany", c.getPartyCompany() != null ? c.getPartyCompany() : contracts.companyName());
        put(values, "partyCustomer", c.getPartyCustomer());
        put(values, "territory", c.getTerritory());
        put(values, "storeName", c.getStoreName());
        put(values, "storeAddress", c.getStoreAddress());
        put(values, "storeCount", c.getStoreCount());
        put(values, "storeOpeningDate", c.getStoreOpeningDate() == null ? null : c.getStoreOpeningDate().toString());
        put(values, "termStart", c.getTermStart() == null ? null : c.getTermStart().toString());
        put(values, "termEnd", c.getTermEnd() == null ? null : c.getTermEnd().toString());
        put(values, "feeAmount", c.getFeeAmount() == null ? null : c.getFeeAmount().doubleValue());
        put(values, "feeTerms", c.getFeeTerms());
        put(values, "specialTerms", c.getSpecialTerms());
        task.setVariablesLocal(values);
    }

    private static void put(Map<String, Object> values, String key, Object value) {
        if (value != null) {
            values.put(key, value);
        }
    }
}
