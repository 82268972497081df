package io.kefu.demo;

import io.kefu.contract.Contract;
import io.kefu.contract.ContractSearch;
import io.kefu.contract.ContractService;
import io.kefu.contract.ContractStart;
import io.kefu.contract.process.ContractProcess;
import io.kefu.customer.CustomerTier;
import io.kefu.customer.CustomerType;
import io.kefu.shared.time.Now;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;

/**
 * Demo contracts on the first start: three customers onboarded through the whole process (active, with a
 * specialist), one onboarding waiting at the customer-service review (审核客户合同) and one at the qualification
 * review. Created once (skipped when any contract exists), through the real process, as the demo users.
 */
@Component
@Order(40)
@ConditionalOnProperty(name = "kefu.demo.enabled", havingValue = "true")
class ContractDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ContractDemoData.class);

    private final ContractService contracts;
    private final TaskService taskService;
    private final IdentityService identityService;
    private final ZoneId zone;
    /** Runs before each step; the demo history moves the engine clock on here. */
    private Runnable beforeStep = () -> { };

    ContractDemoData(ContractService contracts, TaskService taskService,
            IdentityService identityService, ZoneId zone) {
        this.zone = zone;
        this.contracts = contracts;
        this.taskService = taskService;
        this.identityService = identityService;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (contracts.search(new ContractSearch(null, null, null, null, null, null, null, null), Pageable.ofSize(1))
                .getTotalElements() > 0) {
            return;
        }
        onboardFully(prospect(CustomerType.FRANCHISEE, "杭州鑫源加盟店", "13857100001"), "杭州市西湖区", "西湖文三路店");
        onboardFully(prospect(CustomerType.AGENT, "南京恒泰商贸有限公司", "13851400002"), "南京市", null);
        onboardFully(prospect(CustomerType.DEALER, "成都佳禾贸易有限公司", "13881900003"), "成都市武侯区", null);
        Contract inReview = prospect(CustomerType.FRANCHISEE, "武汉瑞丰加盟店", "13871200004");
        qualify(inReview);
        draft(inReview, "武汉市江汉区", "江汉路店");
        prospect(CustomerType.AGENT, "昆明福瑞实业有限公司", "13887100005");
        log.info("Demo contracts created: 3 active, 1 at the contract review, 1 at the qualification review");
    }

    Contract prospect(CustomerType type, String name, String phone) {
        return DemoActor.as(identityService, "agent", () -> contracts.startOnboarding(new ContractStart(null, type,
                name, CustomerTier.B, "联系人", phone, name.substring(0, 2) + "市中心路" + phone.substring(9) + "号",
                "华东"), "agent"));
    }

    void onboardFully(Contract contract, String territory, String store) {
        qualify(contract);
        draft(contract, territory, store);
        complete(contract, ContractProcess.TASK_REVIEW_CONTRACT, "supervisor",
                Map.of(ContractProcess.REVIEW_PASSED, true, "reviewNote", "条款完整,符合公司政策"));
        complete(contract, ContractProcess.TASK_APPROVE_CONTRACT, "manager",
                Map.of(ContractProcess.APPROVED, true, "approvalNote", "同意签约"));
        complete(contract, ContractProcess.TASK_RECORD_SIGNING, "manager", Map.of("signedOn", today().toString()));
        complete(contract, ContractProcess.TASK_ARCHIVE_CONTRACT, "archivist",
                Map.of("location", "档案室A-0" + (contract.getId() % 9 + 1) + "柜", "originals", 2L, "copies", 1L));
        String proposed = (String) taskService.getVariable(task(contract, ContractProcess.TASK_ASSIGN_SPECIALIST).getId(),
                ContractProcess.SPECIALIST);
        complete(contract, ContractProcess.TASK_ASSIGN_SPECIALIST, "supervisor", Map.of(ContractProcess.SPECIALIST,
                proposed == null ? "agent" : proposed));
        Task contact = task(contract, ContractProcess.TASK_CONTACT_CUSTOMER);
        complete(contract, ContractProcess.TASK_CONTACT_CUSTOMER, contact.getAssignee(),
                Map.of("contactNote", "电话沟通,介绍服务内容并约定首次拜访时间"));
    }

    private void qualify(Contract contract) {
        complete(contract, ContractProcess.TASK_QUALIFICATION_REVIEW, "agent", Map.of("documentsChecked", true,
                "checkMethod", "ON_SITE", "ndaSigned", true, "evaluationReport", "证照齐全,信用良好,经营能力与合作模式匹配",
                ContractProcess.QUALIFIED, true));
    }

    private void draft(Contract contract, String territory, String store) {
        Map<String, Object> form = new HashMap<>();
        form.put("partyCompany", contracts.companyName());
        form.put("partyCustomer", contracts.customerOf(contract).name());
        form.put("territory", territory);
        form.put("termStart", today().toString());
        form.put("termEnd", today().plusYears(3).minusDays(1).toString());
        form.put("feeAmount", 30000.0);
        form.put("feeTerms", "签约时一次付清");
        if (store != null) {
            form.put("storeName", store);
            form.put("storeCount", 1L);
            form.put("storeOpeningDate", today().plusMonths(1).toString());
        }
        complete(contract, ContractProcess.TASK_DRAFT_CONTRACT, "agent", form);
    }

    /** Onboards the prospect fully, running {@code beforeStep} before each step (to let time pass). */
    void onboardFully(Contract contract, String territory, String store, Runnable beforeStep) {
        this.beforeStep = beforeStep;
        try {
            onboardFully(contract, territory, store);
        } finally {
            this.beforeStep = () -> { };
        }
    }

    /** Today on the engine clock (which the demo history moves back). */
    private LocalDate today() {
        return LocalDate.ofInstant(Now.instant(), zone);
    }

    private Task task(Contract contract, String key) {
        return taskService.createTaskQuery().processInstanceId(contract.getProcessInstanceId())
                .taskDefinitionKey(key).singleResult();
    }

    private void complete(Contract contract, String key, String user, Map<String, Object> form) {
        Task task = task(contract, key);
        beforeStep.run();
        taskService.setAssignee(task.getId(), user);
        DemoActor.as(identityService, user, () -> {
            taskService.complete(task.getId(), form);
            return null;
        });
    }
}
