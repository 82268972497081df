package io.kefu.contract.process;

import io.kefu.shared.CaseNote;
import io.kefu.shared.Markdown;
import io.kefu.contract.ContractNoteKind;
import io.kefu.contract.Contract;
import io.kefu.contract.ContractService;
import io.kefu.contract.OpenMatters;
import io.kefu.customer.Contact;
import io.kefu.customer.CustomerDetails;
import io.kefu.customer.PersonalData;
import io.kefu.task.BoundCase;
import io.kefu.task.CaseCardProvider;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case card on every contract task, read from the contract record. The card is a task variable that candidates
 * and auditors can read and that stays in the engine's history, so the customer's contact is masked on every task
 * (the specialist's contact task included); the customer's page in Kefu's console shows it in full to those entitled
 * (the read is logged). Termination tasks also list the open matters.
 */
abstract class ContractCaseCard implements CaseCardProvider {

    private final ContractService contracts;

    ContractCaseCard(ContractService contracts) {
        this.contracts = contracts;
    }

    @Component
    static class Onboarding extends ContractCaseCard {
        Onboarding(ContractService contracts) {
            super(contracts);
        }

        @Override
        public String processKey() {
            return ContractProcess.ONBOARDING_KEY;
        }
    }

    @Component
    static class Termination extends ContractCaseCard {
        Termination(ContractService contracts) {
            super(contracts);
        }

        @Override
        public String processKey() {
            return ContractProcess.TERMINATION_KEY;
        }
    }

    @Override
    @Transactional(readOnly = true)
    public String caseSummary(DelegateTask task) {
        Contract c = BoundCase.find(task, contracts::forProcessInstance).orElse(null);
        if (c == null) {
            return "";
        }
        CustomerDetails customer = contracts.customerOf(c);
        Markdown md = new Markdown();
        md.heading("**合同编号** " + c.getContractNo()
                + " · **类型** " + c.getType().label() + "合同 · **状态** " + c.getStatus().label() + " · **密级** 秘密");
        md.row("客户", customer.name() + "(" + customer.code() + "," + customer.type().label() + ","
                + customer.status().label() + ")");
        Contact contact = customer.firstContact();
        if (contact != null) {
            md.row("联系人", PersonalData.maskName(contact.getName()) + " / "
                    + PersonalData.maskPhone(contact.getPhone()));
            md.row("完整联系方式", "见客户全景 [/console/customers/" + customer.id() + "](/console/customers/"
                    + customer.id() + ")(客户专员、主管和经理可查阅,每次查阅记入访问日志)");
        }
        if (c.getQualified() != null) {
            md.row("资质审核", (c.getQualified() ? "通过" : "未通过") + ";资料证件" + yes(c.getDocumentsChecked())
                    + ";" + (c.getCheckMethod() == null ? "未考察" : c.getCheckMethod().label())
                    + ";保密协议" + (Boolean.TRUE.equals(c.getNdaSigned()) ? "已签署" : "未签署"));
            md.row("评估报告", c.getEvaluationReport());
        }
        md.row("甲方", c.getPartyCompany());
        md.row("乙方", c.getPartyCustomer());
        md.row("授权区域", c.getTerritory());
        md.row("门店", join(c.getStoreName(), c.getStoreAddress()));
        if (c.getStoreOpeningDate() != null) {
            md.row("开业日期", c.getStoreOpeningDate().toString());
        }
        if (c.getTermStart() != null) {
            md.row("合同期限", c.getTermStart() + " 至 " + c.getTermEnd());
        }
        if (c.getFeeAmount() != null) {
            md.row("费用", c.getFeeAmount().stripTrailingZeros().toPlainString() + " 元" + (c.getFeeTerms() == null ? "" : ";" + c.getFeeTerms()));
        }
        md.row("特别条款", c.getSpecialTerms());
        if (c.getApprovedBy() != null) {
            md.row("经理批准", c.getApprovedBy());
        }
        if (c.getSignedOn() != null) {
            md.row("签约日期", c.getSignedOn().toString());
        }
        if (c.getArchiveNo() != null) {
            md.row("档案", c.getArchiveNo() + ",存放 " + c.getArchiveLocation() + ",正本 " + c.getOriginals() + " 份,副本 "
                    + c.getCopies() + " 份");
        }
        if (ContractProcess.TASK_ASSIGN_SPECIALIST.equals(task.getTaskDefinitionKey())) {
            Map<String, Long> load = new TreeMap<>(contracts.specialistLoad());
            StringBuilder text = new StringBuilder();
            load.forEach((user, count) -> text.append(user).append(" ").append(count).append(" 户;"));
            md.row("专员负责客户数", text.toString());
            md.row("建议专员", String.valueOf(task.getVariable(ContractProcess.SPECIALIST)) + "(负责客户最少)");
        }
        if (c.getSpecialist() != null) {
            md.row("客服专员", c.getSpecialist());
        }
        if (c.getTerminationRequestedBy() != null) {
            md.row("解约申请", c.getTerminationRequestedBy().label() + ":" + c.getTerminationReason());
        }
        if (ContractProcess.TERMINATION_KEY.equals(processKey()) && c.isTerminationPending()) {
            OpenMatters matters = contracts.openMatters(c.getId());
            md.row("未结投诉", matters.openComplaints().isEmpty() ? "无" : String.join(";", matters.openComplaints()));
            md.row("未还档案", matters.openLoans().isEmpty() ? "无" : String.join(";", matters.openLoans()));
            md.row("未付款项", matters.unpaidItems() == null ? "(待审核时填写)" : matters.unpaidItems());
        }
        for (CaseNote note : c.getNotes()) {
            if (!"NOTICE".equals(note.getKind())) {
                md.row(ContractNoteKind.labelOf(note.getKind()) + "(" + note.getAuthor() + ")", note.getText());
            }
        }
        return md.toString();
    }


    private static String yes(Boolean value) {
        return Boolean.TRUE.equals(value) ? "已审核" : "未审核";
    }

    private static String join(String a, String b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a + "," + b;
    }

}
