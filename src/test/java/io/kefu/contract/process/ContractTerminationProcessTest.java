package io.kefu.contract.process;

import static io.kefu.contract.process.ContractProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.kefu.archive.ArchiveLoanService;
import io.kefu.archive.ArchiveService;
import io.kefu.archive.ArchiveStatus;
import io.kefu.archive.LoanKind;
import io.kefu.complaint.Channel;
import io.kefu.complaint.Complaint;
import io.kefu.complaint.ComplaintCategory;
import io.kefu.complaint.ComplaintIntake;
import io.kefu.complaint.ComplaintService;
import io.kefu.complaint.Severity;
import io.kefu.contract.Contract;
import io.kefu.contract.ContractEvents;
import io.kefu.contract.ContractService;
import io.kefu.contract.ContractStatus;
import io.kefu.contract.TerminationParty;
import io.kefu.contract.TerminationRequest;
import io.kefu.customer.CustomerService;
import io.kefu.customer.CustomerStatus;
import io.kefu.customer.CustomerType;
import io.kefu.shared.ConflictException;
import io.kefu.task.CaseCardProvider;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The contract-termination process, one test per path, on contracts onboarded by the onboarding process. */
class ContractTerminationProcessTest extends ContractProcessTestSupport {

    @Autowired
    CustomerService customers;
    @Autowired
    ComplaintService complaints;
    @Autowired
    ArchiveService archive;
    @Autowired
    ArchiveLoanService loans;

    @Test
    void terminationWithOpenMattersIsSettledApprovedAndEndsTheCustomer() {
        java.time.YearMonth month = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai"));
        ContractService.MonthlyCounts before = franchiseCounts(month);
        Contract active = activeContract(CustomerType.FRANCHISEE);
        Complaint open = complaints.openCase(new ComplaintIntake(customers.find(active.getCustomerId()).code(), "陈经理", "13900001111",
                Channel.HOTLINE, ComplaintCategory.DELIVERY, Severity.MINOR, "到货延迟", "尽快送达", null), AGENT);

        Contract requested = contracts.startTermination(active.getId(), new TerminationRequest(TerminationParty.COMPANY,
                "审核周期内信用状况下滑"), SUPERVISOR);
        String pid = requested.getTerminationProcessId();
        ProcessInstance process = runtimeService.createProcessInstanceQuery().processInstanceId(pid).singleResult();
        assertThat(process).hasBusinessKey(active.getContractNo()).isWaitingAtExactly(TASK_REVIEW_TERMINATION);
        assertThat(task(pid, TASK_REVIEW_TERMINATION)).hasCandidateGroup("supervisors");
        assertThat(reload(active).isTerminationPending()).isTrue();
        // a second request while one runs is refused
        assertThatThrownBy(() -> contracts.startTermination(active.getId(),
                new TerminationRequest(TerminationParty.CUSTOMER, "再次申请"), AGENT)).isInstanceOf(ConflictException.class);

        complete(pid, TASK_REVIEW_TERMINATION, SUPERVISOR, Map.of(PROCEED, true,
                "terminationReviewNote", "情况属实,继续办理", "unpaidItems", "2026年10月货款 12000 元"));

        // the case card lists the open matters: the complaint, the unpaid items
        String card = taskService.getVariableLocal(task(pid, TASK_SETTLE_OPEN_MATTERS).getId(),
                CaseCardProvider.VARIABLE).toString();
        assertThat(card).contains("未结投诉", open.getCaseNo(), "2026年10月货款 12000 元");
        // each matter must be confirmed settled, each confirmation its own field
        assertThatThrownBy(() -> complete(pid, TASK_SETTLE_OPEN_MATTERS, AGENT, Map.of("complaintsSettled", true,
                "settlementNote", "投诉已结案")))
                .hasMessageContaining("loansSettled").hasMessageContaining("paymentsSettled");
        assertThat(processOf(pid)).isWaitingAtExactly(TASK_SETTLE_OPEN_MATTERS);
        complete(pid, TASK_SETTLE_OPEN_MATTERS, AGENT, Map.of("complaintsSettled", true, "loansSettled", true,
                "paymentsSettled", true, "settlementNote", "投诉已结案,货款已结清,无借出档案"));

        assertThat(task(pid, TASK_APPROVE_TERMINATION)).hasCandidateGroup("managers");
        complete(pid, TASK_APPROVE_TERMINATION, MANAGER, Map.of(APPROVED, true, "terminationApprovalNote", "同意解约"));
        runJobAt(pid, NOTICE_TERMINATION);

        assertThat(processOf(pid)).isNull();
        Contract ended = reload(active);
        assertThat(ended.getStatus()).isEqualTo(ContractStatus.TERMINATED);
        assertThat(ended.getTerminatedOn()).isNotNull();
        assertThat(ended.getUnpaidItems()).isEqualTo("2026年10月货款 12000 元");
        var customer = customers.find(active.getCustomerId());
        assertThat(customer.status()).isEqualTo(CustomerStatus.TERMINATED);
        assertThat(customer.businessEnd()).isEqualTo(ended.getTerminatedOn());
        assertThat(noticesOf(pid)).containsExactly("contract-terminated → CUSTOMER:" + active.getCustomerId());
        assertThat(events.terminated(active.getId())).containsExactly(new ContractEvents.ContractTerminated(
                active.getId(), active.getCustomerId(), ended.getTerminatedOn(), "审核周期内信用状况下滑"));
        // its files stay in the archive, marked 合同已解除
        assertThat(archive.entriesOfContract(active.getId())).isNotEmpty()
                .allSatisfy(entry -> assertThat(entry.getStatus()).isEqualTo(ArchiveStatus.TERMINATED_CONTRACT));
        // 客户数及店数统计: one franchisee (two stores) came and went this month
        ContractService.MonthlyCounts after = franchiseCounts(month);
        assertThat(after.added() - before.added()).isEqualTo(1);
        assertThat(after.ended() - before.ended()).isEqualTo(1);
        assertThat(after.inForceAtEnd()).isEqualTo(before.inForceAtEnd());
        assertThat(after.storesAtEnd()).isEqualTo(before.storesAtEnd());
    }

    ContractService.MonthlyCounts franchiseCounts(java.time.YearMonth month) {
        return contracts.monthlyCounts(month).stream().filter(c -> c.type() == CustomerType.FRANCHISEE).findFirst()
                .orElseThrow();
    }

    @Test
    void openMattersCannotBeConfirmedSettledWhileTheContractFileIsStillOutOnLoan() {
        Contract active = activeContract(CustomerType.FRANCHISEE);
        String archiveNo = archive.entriesOfContract(active.getId()).get(0).getArchiveNo();
        long loanId = loans.request(new ArchiveLoanService.LoanRequest(archiveNo, LoanKind.STAFF, 1, "核对合同条款",
                null, null), AGENT).getId();
        loans.applyRule(loanId, true, 3, "managers", null);
        loans.decide(loanId, true, MANAGER, null);
        loans.handOut(loanId, ARCHIVIST);
        String pid = contracts.startTermination(active.getId(), new TerminationRequest(TerminationParty.CUSTOMER,
                "门店关闭"), AGENT).getTerminationProcessId();
        complete(pid, TASK_REVIEW_TERMINATION, SUPERVISOR, Map.of(PROCEED, true, "terminationReviewNote", "继续办理"));
        Map<String, Object> allTicked = Map.of("complaintsSettled", true, "loansSettled", true,
                "paymentsSettled", true, "settlementNote", "均已处理");

        assertThatThrownBy(() -> complete(pid, TASK_SETTLE_OPEN_MATTERS, AGENT, allTicked))
                .hasMessageContaining("loansSettled").hasMessageContaining(archiveNo);
        assertThat(processOf(pid)).isWaitingAtExactly(TASK_SETTLE_OPEN_MATTERS);

        loans.registerReturn(loanId, ARCHIVIST, "INTACT", null);
        complete(pid, TASK_SETTLE_OPEN_MATTERS, AGENT, allTicked);
        assertThat(processOf(pid)).isWaitingAtExactly(TASK_APPROVE_TERMINATION);
    }

    @Test
    void managerRefusesTheTerminationAndTheContractRunsOn() {
        Contract active = activeContract(CustomerType.AGENT);
        String pid = contracts.startTermination(active.getId(), new TerminationRequest(TerminationParty.CUSTOMER,
                "经营方向调整"), AGENT).getTerminationProcessId();
        complete(pid, TASK_REVIEW_TERMINATION, SUPERVISOR, Map.of(PROCEED, true, "terminationReviewNote", "提交审批"));
        complete(pid, TASK_SETTLE_OPEN_MATTERS, SUPERVISOR, Map.of("complaintsSettled", true, "loansSettled", true,
                "paymentsSettled", true, "settlementNote", "无未结事项"));
        // a refusal must say why
        assertThatThrownBy(() -> complete(pid, TASK_APPROVE_TERMINATION, MANAGER, Map.of(APPROVED, false)))
                .hasMessageContaining("terminationApprovalNote");
        complete(pid, TASK_APPROVE_TERMINATION, MANAGER, Map.of(APPROVED, false,
                "terminationApprovalNote", "客户为A类核心客户,先协商挽留"));

        assertThat(historyOf(pid)).contains(END_REFUSED).doesNotContain("Task_TerminateContract", NOTICE_TERMINATION);
        Contract runningOn = reload(active);
        assertThat(runningOn.getStatus()).isEqualTo(ContractStatus.ACTIVE);
        assertThat(runningOn.isTerminationPending()).isFalse();
        assertThat(runningOn.getTerminatedOn()).isNull();
        assertThat(customers.find(active.getCustomerId()).status()).isEqualTo(CustomerStatus.ACTIVE);
        assertThat(events.terminated(active.getId())).isEmpty();
        // the refused termination stays bound to its contract, though the contract no longer names it
        assertThat(runningOn.getTerminationProcessId()).isNull();
        assertThat(contracts.forProcessInstance(pid)).get().extracting(Contract::getId).isEqualTo(active.getId());
        // and may be asked for again later
        String again = contracts.startTermination(active.getId(), new TerminationRequest(TerminationParty.CUSTOMER,
                "再次申请"), AGENT).getTerminationProcessId();
        assertThat(again).isNotEqualTo(pid);
        assertThat(contracts.forProcessInstance(again)).get().extracting(Contract::getId).isEqualTo(active.getId());
        assertThat(contracts.forProcessInstance(pid)).get().extracting(Contract::getId).isEqualTo(active.getId());
    }

    @Test
    void aStepActsOnTheContractItsProcessIsBoundToWhateverTheVariableSays() {
        Contract mine = activeContract(CustomerType.AGENT);
        Contract other = activeContract(CustomerType.DEALER);
        String pid = contracts.startTermination(mine.getId(), new TerminationRequest(TerminationParty.CUSTOMER,
                "门店关闭"), AGENT).getTerminationProcessId();
        String otherPid = contracts.startTermination(other.getId(), new TerminationRequest(TerminationParty.CUSTOMER,
                "经营调整"), AGENT).getTerminationProcessId();
        runtimeService.setVariable(pid, CONTRACT_ID, other.getId());

        complete(pid, TASK_REVIEW_TERMINATION, SUPERVISOR, Map.of(PROCEED, false,
                "terminationReviewNote", "客户撤回申请"));

        assertThat(reload(mine).isTerminationPending()).isFalse();
        Contract untouched = reload(other);
        assertThat(untouched.isTerminationPending()).isTrue();
        assertThat(untouched.getTerminationProcessId()).isEqualTo(otherPid);
        // nor can another process take over a termination under way
        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(TERMINATION_KEY,
                Map.of(CONTRACT_ID, other.getId()))).isInstanceOf(ConflictException.class);
        assertThat(reload(other).getTerminationProcessId()).isEqualTo(otherPid);
    }

    @Test
    void terminationStartedFromTheTasklistFormPicksTheContractByNumberAndCanBeWithdrawn() {
        Contract active = activeContract(CustomerType.DEALER);
        identityService.setAuthentication(SUPERVISOR, java.util.List.of("supervisors"));
        ProcessInstance process;
        try {
            process = processEngine.getFormService().submitStartForm(processEngine.getRepositoryService()
                    .createProcessDefinitionQuery().processDefinitionKey(TERMINATION_KEY).latestVersion()
                    .singleResult().getId(), Map.of("contractNo", active.getContractNo().toLowerCase(),
                    "requestedBy", "CUSTOMER", "reason", "门店转让"));
        } finally {
            identityService.clearAuthentication();
        }
        assertThat(process).hasBusinessKey(active.getContractNo()).isWaitingAtExactly(TASK_REVIEW_TERMINATION);
        assertThat(reload(active).getTerminationReason()).isEqualTo("门店转让");
        complete(process.getId(), TASK_REVIEW_TERMINATION, SUPERVISOR, Map.of(PROCEED, false,
                "terminationReviewNote", "客户撤回申请"));
        assertThat(historyOf(process.getId())).contains(END_WITHDRAWN);
        assertThat(reload(active).getStatus()).isEqualTo(ContractStatus.ACTIVE);
        assertThat(reload(active).isTerminationPending()).isFalse();
    }

    /** A contract onboarded all the way through the onboarding process. */
    Contract activeContract(CustomerType type) {
        Contract opened = startOnboarding(type);
        String pid = opened.getProcessInstanceId();
        driveToAssignment(pid);
        complete(pid, TASK_ASSIGN_SPECIALIST, SUPERVISOR, Map.of(SPECIALIST, AGENT));
        complete(pid, TASK_CONTACT_CUSTOMER, AGENT, Map.of("contactNote", "已沟通"));
        runJobAt(pid, NOTICE_WELCOME);
        Contract active = reload(opened);
        assertThat(active.getStatus()).isEqualTo(ContractStatus.ACTIVE);
        return active;
    }

    ProcessInstance processOf(String pid) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(pid).singleResult();
    }

    java.util.List<String> historyOf(String pid) {
        return processEngine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(pid).list()
                .stream().map(a -> a.getActivityId()).toList();
    }
}
