package io.kefu.contract.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.contract.Contract;
import io.kefu.contract.ContractService;
import io.kefu.contract.ContractStart;
import io.kefu.contract.RecordedContractEvents;
import io.kefu.customer.CustomerTier;
import io.kefu.customer.CustomerType;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * What the contract process tests share: the staff they need, prospects of their own, tasks completed as a given
 * user (authenticated, so the engine's authorizations apply), async notices and timers run through the job API.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
abstract class ContractProcessTestSupport {

    static final String AGENT = "agent";
    static final String SUPERVISOR = "supervisor";
    static final String MANAGER = "manager";
    static final String ARCHIVIST = "archivist";

    @Autowired
    ProcessEngine processEngine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    IdentityService identityService;
    @Autowired
    ContractService contracts;
    @Autowired
    RecordedContractEvents events;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void setUpStaff() {
        BpmnAwareTests.init(processEngine);
        ensureUser(AGENT, "agents");
        ensureUser(SUPERVISOR, "supervisors");
        ensureUser(MANAGER, "managers");
        ensureUser(ARCHIVIST, "archivists");
    }

    @AfterEach
    void tearDownEngine() {
        identityService.clearAuthentication();
        BpmnAwareTests.reset();
    }

    void ensureUser(String id, String group) {
        if (identityService.createUserQuery().userId(id).count() == 0) {
            User user = identityService.newUser(id);
            user.setFirstName(id);
            user.setLastName("Test");
            user.setPassword(id);
            identityService.saveUser(user);
        }
        User user = identityService.createUserQuery().userId(id).singleResult();
        if (user.getEmail() == null) {
            // reminders to staff go by email
            user.setEmail(id + "@kefu.example");
            identityService.saveUser(user);
        }
        if (identityService.createGroupQuery().groupId(group).count() == 0) {
            Group g = identityService.newGroup(group);
            g.setName(group);
            identityService.saveGroup(g);
        }
        if (identityService.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
            identityService.createMembership(id, group);
        }
    }

    /** A new prospect (registered by the onboarding itself) and its started onboarding. */
    Contract startOnboarding(CustomerType type) {
        String phone = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        return contracts.startOnboarding(new ContractStart(null, type, "测试" + type.label() + "-"
                + UUID.randomUUID().toString().substring(0, 8), CustomerTier.B, "陈经理", phone,
                "浙江省杭州市西湖区文三路100号", "华东"), AGENT);
    }

    ProcessInstance processOf(Contract contract) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(contract.getProcessInstanceId())
                .singleResult();
    }

    Contract reload(Contract contract) {
        return contracts.find(contract.getId());
    }

    Task task(String processInstanceId, String taskKey) {
        return taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey)
                .singleResult();
    }

    /** Claims and completes the task as {@code user}, logged in with their groups as in Tasklist. */
    void complete(String processInstanceId, String taskKey, String user, Map<String, Object> form) {
        Task task = task(processInstanceId, taskKey);
        assertThat(task).as("open task %s", taskKey).isNotNull();
        List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId)
                .toList();
        identityService.setAuthentication(user, groups);
        try {
            if (task.getAssignee() == null) {
                taskService.claim(task.getId(), user);
            }
            taskService.complete(task.getId(), new HashMap<>(form));
        } finally {
            identityService.clearAuthentication();
        }
    }

    /** Runs the async step (a notice) waiting at {@code activityId}. */
    void runJobAt(String processInstanceId, String activityId) {
        Job job = managementService.createJobQuery().processInstanceId(processInstanceId).activityId(activityId)
                .singleResult();
        assertThat(job).as("job at %s", activityId).isNotNull();
        managementService.executeJob(job.getId());
    }

    /** The notices the case sent, as "template → recipient" (the notification service's log). */
    List<String> noticesOf(String processInstanceId) {
        return jdbc.queryForList("select template, recipient_type, recipient_ref from notice where process_instance_id = ?",
                        processInstanceId).stream()
                .map(row -> row.get("TEMPLATE") + " → " + row.get("RECIPIENT_TYPE") + ":" + row.get("RECIPIENT_REF"))
                .toList();
    }

    Job timer(String processInstanceId, String activityId) {
        return managementService.createJobQuery().processInstanceId(processInstanceId).timers().activityId(activityId)
                .singleResult();
    }

    // ---- forms as users fill them in -----------------------------------------------------------------------

    static Map<String, Object> qualification(boolean qualified) {
        Map<String, Object> form = new HashMap<>();
        form.put("documentsChecked", true);
        form.put("checkMethod", "ON_SITE");
        form.put("ndaSigned", true);
        form.put("evaluationReport", qualified ? "证照齐全,信用良好,合作模式匹配" : "经营许可证已过期,信用记录不良");
        form.put(ContractProcess.QUALIFIED, qualified);
        return form;
    }

    static Map<String, Object> draft(String territory) {
        Map<String, Object> form = new HashMap<>();
        form.put("partyCompany", "客服中心所属公司");
        form.put("partyCustomer", "乙方公司");
        form.put("territory", territory);
        form.put("storeName", "西湖店");
        form.put("storeAddress", "杭州市西湖区文三路100号");
        form.put("storeCount", 2L);
        form.put("storeOpeningDate", LocalDate.now().plusMonths(2).toString());
        form.put("termStart", LocalDate.now().toString());
        form.put("termEnd", LocalDate.now().plusYears(3).toString());
        form.put("feeAmount", 50000.0);
        form.put("feeTerms", "签约时一次付清");
        form.put("specialTerms", "首年免收管理费");
        return form;
    }

    static Map<String, Object> decision(String flag, boolean value, String noteField, String note) {
        Map<String, Object> form = new HashMap<>();
        form.put(flag, value);
        if (note != null) {
            form.put(noteField, note);
        }
        return form;
    }

    /** Drives an onboarding from qualification through approval, signing and archiving to the assignment task. */
    void driveToAssignment(String pid) {
        complete(pid, ContractProcess.TASK_QUALIFICATION_REVIEW, AGENT, qualification(true));
        complete(pid, ContractProcess.TASK_DRAFT_CONTRACT, AGENT, draft("杭州市西湖区"));
        complete(pid, ContractProcess.TASK_REVIEW_CONTRACT, SUPERVISOR,
                decision(ContractProcess.REVIEW_PASSED, true, "reviewNote", "条款完整"));
        complete(pid, ContractProcess.TASK_APPROVE_CONTRACT, MANAGER,
                decision(ContractProcess.APPROVED, true, "approvalNote", "同意"));
        complete(pid, ContractProcess.TASK_RECORD_SIGNING, AGENT, Map.of("signedOn", LocalDate.now().toString()));
        complete(pid, ContractProcess.TASK_ARCHIVE_CONTRACT, ARCHIVIST,
                Map.of("location", "档案室A-03柜-2层", "originals", 2L, "copies", 1L));
    }
}
