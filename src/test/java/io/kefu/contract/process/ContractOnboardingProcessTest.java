package io.kefu.contract.process;

import io.kefu.task.TaskCards;
import static io.kefu.contract.process.ContractProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.kefu.contract.CheckMethod;
import io.kefu.contract.Contract;
import io.kefu.contract.ContractEvents;
import io.kefu.contract.ContractStatus;
import io.kefu.customer.Customer;
import io.kefu.customer.CustomerRequest;
import io.kefu.customer.CustomerRequest.ContactRequest;
import io.kefu.customer.Contact;
import io.kefu.customer.CustomerDetails;
import io.kefu.customer.CustomerService;
import io.kefu.customer.PersonalData;
import io.kefu.customer.CustomerStatus;
import io.kefu.customer.CustomerTier;
import io.kefu.customer.CustomerType;
import io.kefu.shared.ConflictException;
import io.kefu.task.CaseCardProvider;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import io.kefu.step.StepEntries;
import io.kefu.step.ManagersNewStep;
import org.springframework.beans.factory.annotation.Autowired;

/** The contract-onboarding process, one test per path, checked on the contract and customer records. */
class ContractOnboardingProcessTest extends ContractProcessTestSupport {

    @Autowired
    StepEntries stepEntries;

    /**
     * A manager's new step that copied this process's complete listener (as copying a task in Modeler does) is not a
     * step the listener knows: it lets it pass, and what was submitted there is kept as a generic case entry.
     */
    @Test
    void aManagersNewStepWithTheCopiedCompletionListenerIsKeptAsACaseEntry() {
        ManagersNewStep.assertKeptAsEntry(processEngine, stepEntries, "contractTaskCompletion",
                "HT-NEWSTEP-1", SUPERVISOR);
    }

    @Autowired
    CustomerService customers;

    @Test
    void rejectedProspectIsToldAndTheCaseEnds() {
        Contract opened = startOnboarding(CustomerType.AGENT);
        ProcessInstance process = processOf(opened);
        assertThat(process).hasBusinessKey(opened.getContractNo()).isWaitingAtExactly(TASK_QUALIFICATION_REVIEW);
        assertThat(task(process.getId(), TASK_QUALIFICATION_REVIEW)).hasCandidateGroup("agents");
        assertThat(customers.find(opened.getCustomerId()).status()).isEqualTo(CustomerStatus.PROSPECT);

        complete(process.getId(), TASK_QUALIFICATION_REVIEW, AGENT, qualification(false));

        assertThat(process).isWaitingAt(NOTICE_REJECTION);
        runJobAt(process.getId(), NOTICE_REJECTION);
        assertThat(process).hasPassedInOrder("Task_OpenContract", TASK_QUALIFICATION_REVIEW, NOTICE_REJECTION, END_REJECTED)
                .hasNotPassed(TASK_DRAFT_CONTRACT).isEnded();
        Contract rejected = reload(opened);
        assertThat(rejected.getStatus()).isEqualTo(ContractStatus.REJECTED);
        assertThat(rejected.getQualified()).isFalse();
        assertThat(rejected.getEvaluationReport()).isEqualTo("经营许可证已过期,信用记录不良");
        assertThat(noticesOf(process.getId())).containsExactly("contract-rejected → CUSTOMER:" + opened.getCustomerId());
        assertThat(customers.find(opened.getCustomerId()).status()).isEqualTo(CustomerStatus.PROSPECT);
    }

    @Test
    void approvedFranchiseContractIsSignedRegisteredArchivedAndGetsASpecialist() {
        Contract opened = startOnboarding(CustomerType.FRANCHISEE);
        String pid = opened.getProcessInstanceId();

        complete(pid, TASK_QUALIFICATION_REVIEW, AGENT, qualification(true));
        Contract qualified = reload(opened);
        assertThat(qualified.getStatus()).isEqualTo(ContractStatus.QUALIFIED);
        assertThat(qualified.getCheckMethod()).isEqualTo(CheckMethod.ON_SITE);
        assertThat(qualified.getNdaSigned()).isTrue();

        complete(pid, TASK_DRAFT_CONTRACT, AGENT, draft("杭州市西湖区"));
        assertThat(reload(opened).getStatus()).isEqualTo(ContractStatus.DRAFTED);
        assertThat(task(pid, TASK_REVIEW_CONTRACT)).hasCandidateGroup("supervisors");
        complete(pid, TASK_REVIEW_CONTRACT, SUPERVISOR, decision(REVIEW_PASSED, true, "reviewNote", "条款完整"));

        Task approval = task(pid, TASK_APPROVE_CONTRACT);
        assertThat(approval).hasCandidateGroup("managers");
        assertThat(runtimeService.getVariable(pid, APPROVER_GROUP)).isEqualTo("managers");
        assertThat(taskService.getVariableLocal(approval.getId(), CaseCardProvider.VARIABLE).toString())
                .contains(opened.getContractNo(), "杭州市西湖区", "50000");
        complete(pid, TASK_APPROVE_CONTRACT, MANAGER, decision(APPROVED, true, "approvalNote", "同意签约"));
        assertThat(reload(opened).getStatus()).isEqualTo(ContractStatus.APPROVED);
        assertThat(reload(opened).getApprovedBy()).isEqualTo(MANAGER);

        complete(pid, TASK_RECORD_SIGNING, AGENT, Map.of("signedOn", LocalDate.now().toString()));
        // 系统增名: the customer is active from today with its stores
        Contract active = reload(opened);
        assertThat(active.getStatus()).isEqualTo(ContractStatus.ACTIVE);
        assertThat(active.getActivatedOn()).isNotNull();
        CustomerDetails customer = customers.find(opened.getCustomerId());
        assertThat(customer.status()).isEqualTo(CustomerStatus.ACTIVE);
        assertThat(customer.businessStart()).isEqualTo(active.getActivatedOn());
        assertThat(customer.storeCount()).isEqualTo(2);

        assertThat(task(pid, TASK_ARCHIVE_CONTRACT)).hasCandidateGroup("archivists");
        complete(pid, TASK_ARCHIVE_CONTRACT, ARCHIVIST, Map.of("location", "档案室A-03柜-2层", "originals", 2L, "copies", 1L));
        Contract archived = reload(opened);
        assertThat(archived.getArchiveNo()).isNotBlank();
        assertThat(archived.getArchiveLocation()).isEqualTo("档案室A-03柜-2层");
        assertThat(archived.getOriginals()).isEqualTo(2);
        assertThat(archived.getCopies()).isEqualTo(1);

        Task assign = task(pid, TASK_ASSIGN_SPECIALIST);
        assertThat(assign).hasCandidateGroup("supervisors");
        assertThat(runtimeService.getVariable(pid, SPECIALIST)).as("a proposal").isNotNull();
        complete(pid, TASK_ASSIGN_SPECIALIST, SUPERVISOR, Map.of(SPECIALIST, AGENT));
        assertThat(reload(opened).getSpecialist()).isEqualTo(AGENT);
        assertThat(customers.find(opened.getCustomerId()).specialist()).isEqualTo(AGENT);

        Task contact = task(pid, TASK_CONTACT_CUSTOMER);
        assertThat(contact).isAssignedTo(AGENT);
        Contact onRecord = customers.find(opened.getCustomerId()).contacts().get(0);
        assertThat(taskService.getVariableLocal(contact.getId(), CaseCardProvider.VARIABLE).toString())
                .as("even the specialist's card is masked; it says where the full contact is read")
                .contains("陈**", PersonalData.maskPhone(onRecord.getPhone()),
                        "/console/customers/" + opened.getCustomerId())
                .doesNotContain("陈经理", onRecord.getPhone());
        assertThat(timer(pid, TIMER_CONTACT_REMINDER)).isNotNull();
        assertThat(timer(pid, TIMER_CONTACT_DEADLINE)).isNotNull();
        complete(pid, TASK_CONTACT_CUSTOMER, AGENT, Map.of("contactNote", "电话沟通,约定下周上门"));
        assertThat(timer(pid, TIMER_CONTACT_REMINDER)).isNull();

        runJobAt(pid, NOTICE_WELCOME);
        assertThat(processOf(opened)).isNull();
        assertThat(historicActivities(pid)).contains(TASK_QUALIFICATION_REVIEW, TASK_DRAFT_CONTRACT, TASK_REVIEW_CONTRACT,
                TASK_APPROVE_CONTRACT, TASK_RECORD_SIGNING, "Task_RegisterCustomer", TASK_ARCHIVE_CONTRACT,
                TASK_ASSIGN_SPECIALIST, TASK_CONTACT_CUSTOMER, NOTICE_WELCOME, "Task_PublishOnboarded", END_ONBOARDED)
                .doesNotContain(TASK_SUPERVISE_LATE_CONTACT, END_REJECTED);
        Contract done = reload(opened);
        assertThat(done.getContactedAt()).isNotNull();
        assertThat(done.getContactNote()).isEqualTo("电话沟通,约定下周上门");
        assertThat(noticesOf(pid)).containsExactly("contract-welcome → CUSTOMER:" + opened.getCustomerId());
        // the process kept ids and flags only
        assertThat(historicVariables(pid)).doesNotContain("evaluationReport", "territory", "feeAmount", "location",
                "contactNote", "approvalNote");

        List<ContractEvents.CustomerOnboarded> onboarded = events.onboarded(opened.getId());
        assertThat(onboarded).containsExactly(new ContractEvents.CustomerOnboarded(opened.getId(),
                opened.getCustomerId(), CustomerType.FRANCHISEE, AGENT, done.getStoreOpeningDate()));
        assertThat(done.getStoreOpeningDate()).isNotNull();
    }

    @Test
    void managerRequestsChangesAndTheContractGoesBackToDrafting() {
        Contract opened = startOnboarding(CustomerType.DEALER);
        String pid = opened.getProcessInstanceId();
        complete(pid, TASK_QUALIFICATION_REVIEW, AGENT, qualification(true));
        complete(pid, TASK_DRAFT_CONTRACT, AGENT, draft("宁波市"));
        complete(pid, TASK_REVIEW_CONTRACT, SUPERVISOR, decision(REVIEW_PASSED, true, "reviewNote", "可以"));

        complete(pid, TASK_APPROVE_CONTRACT, MANAGER, decision(APPROVED, false, "approvalNote", "区域过大,请限定为宁波市区"));

        assertThat(processOf(opened)).isWaitingAtExactly(TASK_DRAFT_CONTRACT);
        Contract returned = reload(opened);
        assertThat(returned.getStatus()).isEqualTo(ContractStatus.DRAFTED);
        assertThat(returned.getApprovedBy()).isNull();
        assertThat(returned.getNotes()).anyMatch(n -> n.getKind().equals("CHANGES_REQUESTED") && n.getAuthor().equals(MANAGER));
        // the redraft starts from the terms on record
        Task redraft = task(pid, TASK_DRAFT_CONTRACT);
        assertThat(taskService.getVariableLocal(redraft.getId(), "territory")).isEqualTo("宁波市");

        complete(pid, TASK_DRAFT_CONTRACT, AGENT, draft("宁波市海曙区"));
        complete(pid, TASK_REVIEW_CONTRACT, SUPERVISOR, decision(REVIEW_PASSED, true, "reviewNote", "已按意见修改"));
        complete(pid, TASK_APPROVE_CONTRACT, MANAGER, decision(APPROVED, true, "approvalNote", "同意"));

        assertThat(processOf(opened)).isWaitingAtExactly(TASK_RECORD_SIGNING);
        assertThat(reload(opened).getTerritory()).isEqualTo("宁波市海曙区");
        // every term change is in the history, with who
        assertThat(contracts.history(opened.getId()))
                .anyMatch(r -> r.changes().containsKey("territory") && "宁波市海曙区".equals(r.changes().get("territory")[1]));
    }

    @Test
    void termsDraftedInATaskFormAreRecordedInTheHistoryAsTheUserWhoSubmittedIt() {
        Contract opened = startOnboarding(CustomerType.AGENT);
        String pid = opened.getProcessInstanceId();
        complete(pid, TASK_QUALIFICATION_REVIEW, AGENT, qualification(true));
        complete(pid, TASK_DRAFT_CONTRACT, AGENT, draft("无锡市"));

        var drafted = contracts.history(opened.getId()).stream()
                .filter(r -> r.status() == ContractStatus.DRAFTED).findFirst().orElseThrow();
        assertThat(drafted.changes()).containsKey("territory");
        assertThat(drafted.by()).isEqualTo(AGENT);
    }

    @Test
    void changingTermsAfterApprovalSendsTheContractBackForApprovalAndSignedTermsAreFixed() {
        Contract opened = startOnboarding(CustomerType.AGENT);
        String pid = opened.getProcessInstanceId();
        complete(pid, TASK_QUALIFICATION_REVIEW, AGENT, qualification(true));
        complete(pid, TASK_DRAFT_CONTRACT, AGENT, draft("苏州市"));
        complete(pid, TASK_REVIEW_CONTRACT, SUPERVISOR, decision(REVIEW_PASSED, true, "reviewNote", "可以"));
        complete(pid, TASK_APPROVE_CONTRACT, MANAGER, decision(APPROVED, true, "approvalNote", "同意"));
        assertThat(reload(opened).getStatus()).isEqualTo(ContractStatus.APPROVED);

        var terms = new io.kefu.contract.ContractTerms("公司", "乙方", "苏州市全境", null, null, 0, null,
                LocalDate.now(), LocalDate.now().plusYears(2), null, null, null);
        contracts.draft(opened.getId(), terms, AGENT);
        Contract redrafted = reload(opened);
        assertThat(redrafted.getStatus()).isEqualTo(ContractStatus.DRAFTED);
        assertThat(redrafted.getApprovedBy()).isNull();
        assertThat(redrafted.getNotes()).anyMatch(n -> n.getKind().equals("APPROVAL_WITHDRAWN"));

        contracts.decideApproval(opened.getId(), true, "重新批准", MANAGER);
        contracts.recordSigning(opened.getId(), LocalDate.now());
        assertThatThrownBy(() -> contracts.draft(opened.getId(), terms, AGENT)).isInstanceOf(ConflictException.class);
    }

    @Test
    void agentCannotApproveAContract() {
        Contract opened = startOnboarding(CustomerType.AGENT);
        String pid = opened.getProcessInstanceId();
        complete(pid, TASK_QUALIFICATION_REVIEW, AGENT, qualification(true));
        complete(pid, TASK_DRAFT_CONTRACT, AGENT, draft("无锡市"));
        complete(pid, TASK_REVIEW_CONTRACT, SUPERVISOR, decision(REVIEW_PASSED, true, "reviewNote", "可以"));

        // the engine: not a candidate, so no claim
        assertThatThrownBy(() -> complete(pid, TASK_APPROVE_CONTRACT, AGENT, decision(APPROVED, true, "approvalNote", "我批")))
                .isInstanceOf(AuthorizationException.class);
        // the domain: even assigned to the task, an agent's approval is refused and nothing is saved
        Task approval = task(pid, TASK_APPROVE_CONTRACT);
        taskService.setAssignee(approval.getId(), AGENT);
        assertThatThrownBy(() -> taskService.complete(approval.getId(), Map.of(APPROVED, true, "approvalNote", "我批")))
                .hasMessageContaining("只有客服经理可以审批");
        assertThat(reload(opened).getStatus()).isEqualTo(ContractStatus.DRAFTED);
        assertThat(processOf(opened)).isWaitingAtExactly(TASK_APPROVE_CONTRACT);
    }

    @Test
    void specialistIsRemindedThenTheSupervisorsAreToldWhenTheCustomerIsNotContactedWithinAWeek() {
        Contract opened = startOnboarding(CustomerType.DEALER);
        String pid = opened.getProcessInstanceId();
        driveToAssignment(pid);
        complete(pid, TASK_ASSIGN_SPECIALIST, SUPERVISOR, Map.of(SPECIALIST, AGENT));
        Contract assigned = reload(opened);
        Job reminder = timer(pid, TIMER_CONTACT_REMINDER);
        Job deadline = timer(pid, TIMER_CONTACT_DEADLINE);
        assertThat(Duration.between(reminder.getDuedate().toInstant(), deadline.getDuedate().toInstant()))
                .isEqualTo(Duration.ofDays(2));
        assertThat(deadline.getDuedate().toInstant()).isEqualTo(assigned.getContactDue());
        assertThat(Duration.between(Instant.now(), assigned.getContactDue()).toDays()).isBetween(6L, 7L);

        managementService.executeJob(reminder.getId());
        runJobAt(pid, NOTICE_CONTACT_REMINDER);
        assertThat(noticesOf(pid)).containsExactly("contract-contact-reminder → USER:" + AGENT);
        assertThat(processOf(opened)).isWaitingAtExactly(TASK_CONTACT_CUSTOMER);

        managementService.executeJob(deadline.getId());
        assertThat(processOf(opened)).isWaitingAt(TASK_CONTACT_CUSTOMER, TASK_SUPERVISE_LATE_CONTACT);
        assertThat(task(pid, TASK_SUPERVISE_LATE_CONTACT)).hasCandidateGroup("supervisors");
        complete(pid, TASK_SUPERVISE_LATE_CONTACT, SUPERVISOR, Map.of("superviseNote", "已督促专员今日联系"));
        complete(pid, TASK_CONTACT_CUSTOMER, AGENT, Map.of("contactNote", "已电话沟通"));
        runJobAt(pid, NOTICE_WELCOME);
        assertThat(processOf(opened)).isNull();
        assertThat(reload(opened).getNotes()).anyMatch(n -> n.getKind().equals("LATE_CONTACT_SUPERVISED"));
    }

    @Test
    void theProposedSpecialistIsTheOneServingTheFewestCustomers() {
        String newcomer = "zzagent" + UUID.randomUUID().toString().substring(0, 6);
        ensureUser(newcomer, "agents");
        // every other specialist serves at least one active customer; the newcomer none
        Map<String, Long> load = contracts.specialistLoad();
        load.forEach((user, count) -> {
            if (count == 0 && !user.equals(newcomer)) {
                customers.register(new CustomerRequest("负载客户-" + UUID.randomUUID().toString().substring(0, 8),
                        CustomerType.DEALER, CustomerTier.C, List.of(new ContactRequest("王五", "13700001111", null)),
                        null, null, 0, user, null));
            }
        });
        assertThat(contracts.specialistLoad().get(newcomer)).isZero();

        Contract opened = startOnboarding(CustomerType.AGENT);
        String pid = opened.getProcessInstanceId();
        driveToAssignment(pid);

        assertThat(runtimeService.getVariable(pid, SPECIALIST)).isEqualTo(newcomer);
        assertThat(taskService.getVariableLocal(task(pid, TASK_ASSIGN_SPECIALIST).getId(), CaseCardProvider.VARIABLE)
                .toString()).contains("建议专员", newcomer);
        // the supervisor takes the proposal as the form shows it
        complete(pid, TASK_ASSIGN_SPECIALIST, SUPERVISOR, Map.of(SPECIALIST, newcomer));
        assertThat(task(pid, TASK_CONTACT_CUSTOMER)).isAssignedTo(newcomer);
        assertThat(contracts.specialistLoad().get(newcomer)).isEqualTo(1L);
    }

    @Test
    void anExistingProspectIsOnboardedFromTheTasklistStartForm() {
        CustomerDetails prospect = customers.registerProspect(new CustomerRequest("表单客户-" + UUID.randomUUID().toString()
                .substring(0, 8), CustomerType.DEALER, CustomerTier.A, List.of(new ContactRequest("孙八", "13600002222",
                null)), null, "华南", 0, null, null));
        identityService.setAuthentication(AGENT, List.of("agents"));
        ProcessInstance process;
        try {
            process = processEngine.getFormService().submitStartForm(processEngine.getRepositoryService()
                    .createProcessDefinitionQuery().processDefinitionKey(ONBOARDING_KEY).latestVersion().singleResult()
                    .getId(), Map.of("type", "DEALER", "customerCode", prospect.code().toLowerCase()));
        } finally {
            identityService.clearAuthentication();
        }
        assertThat(process).isWaitingAtExactly(TASK_QUALIFICATION_REVIEW);
        long contractId = ((Number) runtimeService.getVariable(process.getId(), CONTRACT_ID)).longValue();
        Contract contract = contracts.find(contractId);
        assertThat(process).hasBusinessKey(contract.getContractNo());
        assertThat(contract.getCustomerId()).isEqualTo(prospect.id());
        assertThat(contract.getCreatedBy()).isEqualTo(AGENT);
        assertThat(runtimeService.getVariables(process.getId())).containsOnlyKeys(CONTRACT_ID, CUSTOMER_ID,
                CONTRACT_TYPE, INITIATOR, TaskCards.CASE_NO, TaskCards.CUSTOMER_NAME, TaskCards.CUSTOMER_CODE,
                TaskCards.SUBJECT);
        assertThat(runtimeService.getVariable(process.getId(), TaskCards.CASE_NO)).isEqualTo(contract.getContractNo());
    }

    List<String> historicActivities(String pid) {
        return processEngine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(pid).list()
                .stream().map(a -> a.getActivityId()).toList();
    }

    List<String> historicVariables(String pid) {
        return processEngine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pid).list()
                .stream().filter(v -> !"deleted".equalsIgnoreCase(v.getState())).map(v -> v.getName()).toList();
    }
}
