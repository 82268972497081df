package io.kefu.contract;

import io.kefu.audit.EntityCaseHistory;
import io.kefu.audit.RecordChanges;
import io.kefu.contract.process.ContractProcess;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** A contract case's record on the audit timeline (onboarding and termination share the contract number). */
@Component
class ContractRecordHistory extends EntityCaseHistory {

    ContractRecordHistory() {
        super(Set.of(ContractProcess.ONBOARDING_KEY, ContractProcess.TERMINATION_KEY), Contract.class, "contractNo", null,
                "customerId", new RecordChanges.Labels("合同记录", Map.ofEntries(
                        Map.entry("contractNo", "合同编号"), Map.entry("type", "合同类型"), Map.entry("status", "状态"),
                        Map.entry("partyCompany", "甲方"), Map.entry("partyCustomer", "乙方"), Map.entry("territory", "区域"),
                        Map.entry("storeName", "门店"), Map.entry("storeAddress", "门店地址"), Map.entry("storeCount", "店数"),
                        Map.entry("termStart", "合同开始"), Map.entry("termEnd", "合同结束"), Map.entry("feeAmount", "费用"),
                        Map.entry("feeTerms", "费用条款"), Map.entry("specialTerms", "特别条款"),
                        Map.entry("qualified", "资质审核通过"), Map.entry("reviewedBy", "审核人"),
                        Map.entry("approvedBy", "批准人"), Map.entry("approvedAt", "批准时间"), Map.entry("signedOn", "签约日期"),
                        Map.entry("activatedOn", "生效日期"), Map.entry("archiveNo", "档案号"),
                        Map.entry("archiveLocation", "存放位置"), Map.entry("specialist", "客服专员"),
                        Map.entry("contactDue", "首次联系期限"), Map.entry("contactedAt", "首次联系时间"),
                        Map.entry("terminationReason", "解约原因"), Map.entry("terminatedOn", "解约日期")),
                        Set.of()));
    }

    @Override
    public CaseKeys keysOfCustomer(long customerId) {
        return CaseKeys.of("select k.contract_no from contract k where k.customer_id = ?", customerId);
    }

    /** The specialist did not contact the new customer within the week. */
    @Override
    public CaseKeys keysWithBreach() {
        return CaseKeys.of("select k.contract_no from contract k where k.contacted_at > k.contact_due");
    }

    @Override
    public CaseKeys keysVisibleTo(String userId, Set<String> groups) {
        return CaseKeys.of("select k.contract_no from contract k where k.specialist = ? or k.created_by = ?", userId,
                userId);
    }
}
