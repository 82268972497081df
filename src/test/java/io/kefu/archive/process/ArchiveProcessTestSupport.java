package io.kefu.archive.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.archive.ArchiveEntry;
import io.kefu.archive.ArchiveKind;
import io.kefu.archive.ArchiveService;
import io.kefu.archive.ArchiveService.FilingRequest;
import io.kefu.archive.SecrecyClass;
import io.kefu.customer.Customer;
import io.kefu.customer.CustomerRequest;
import io.kefu.customer.CustomerRequest.ContactRequest;
import io.kefu.customer.CustomerService;
import io.kefu.customer.CustomerTier;
import io.kefu.customer.CustomerType;
import io.kefu.shared.InvalidInputException;
import io.kefu.task.CaseCardProvider;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** People, files, tasks, jobs and notices for the archive process tests. */
abstract class ArchiveProcessTestSupport {

    static final String AGENT = "agent";
    static final String MANAGER = "manager";
    static final String ARCHIVIST = "archivist";
    static final String ARCHIVIST2 = "archivist2";
    static final String DIRECTOR = "director";
    static final String SUPERVISOR = "supervisor";
    static final String SALES = "sales";

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
    ArchiveService archive;
    @Autowired
    CustomerService customers;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void setUpPeople() {
        BpmnAwareTests.init(processEngine);
        ensureUser(AGENT, "agents");
        ensureUser(MANAGER, "managers");
        ensureUser(ARCHIVIST, "archivists");
        ensureUser(ARCHIVIST2, "archivists");
        ensureUser(DIRECTOR, "directors");
        ensureUser(SUPERVISOR, "supervisors");
        ensureUser(SALES, "dept-sales");
    }

    @AfterEach
    void tearDownAssertions() {
        BpmnAwareTests.reset();
        ClockUtil.reset();
    }

    /** Fires a timer as the job executor would: at its due time (the engine clock moves there; reset after the test). */
    void fire(Job timer) {
        ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 1000));
        managementService.executeJob(timer.getId());
    }

    /** Staff are notified by email: every test user has an address (another test may have made them without). */
    void ensureUser(String id, String group) {
        User user = identityService.createUserQuery().userId(id).singleResult();
        if (user == null) {
            user = identityService.newUser(id);
            user.setFirstName(id);
            user.setLastName("测试");
            user.setPassword(id);
        }
        if (user.getEmail() == null || user.getEmail().isBlank()) {
            user.setEmail(id + "@kefu.example");
            identityService.saveUser(user);
        }
        if (identityService.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
            identityService.createMembership(id, group);
        }
    }

    Customer newCustomer() {
        return customers.register(new CustomerRequest("档案流程客户 " + UUID.randomUUID().toString().substring(0, 8),
                CustomerType.FRANCHISEE, CustomerTier.B, List.of(new ContactRequest("赵店长", "13700137000", "店长")),
                "昆明市西山区", "云南", 1, null, null));
    }

    ArchiveEntry file(SecrecyClass secrecy, String department) {
        return archive.file(new FilingRequest("加盟合同 " + UUID.randomUUID().toString().substring(0, 6),
                ArchiveKind.CONTRACT, null, newCustomer().getId(), "档案室一-A柜-02层", 1, 2, secrecy, department));
    }

    Task task(ProcessInstance process, String key) {
        Task task = taskService.createTaskQuery().processInstanceId(process.getId()).taskDefinitionKey(key)
                .singleResult();
        assertThat(task).as("open task %s", key).isNotNull();
        return task;
    }

    void complete(ProcessInstance process, String key, String user, Map<String, Object> form) {
        Task task = task(process, key);
        if (task.getAssignee() == null) {
            taskService.claim(task.getId(), user);
        }
        taskService.complete(task.getId(), form);
    }

    Job timer(ProcessInstance process, String activityId) {
        return managementService.createJobQuery().processInstanceId(process.getId()).activityId(activityId)
                .timers().singleResult();
    }

    /** Runs the async steps (the send tasks) waiting in the case, as the job executor would. */
    void runAsyncJobs(ProcessInstance process) {
        for (int round = 0; round < 10; round++) {
            List<Job> jobs = managementService.createJobQuery().processInstanceId(process.getId()).messages()
                    .executable().list();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(job -> managementService.executeJob(job.getId()));
        }
    }

    /** The notices the case sent (template → recipient user), oldest first. */
    List<String> notices(ProcessInstance process) {
        return jdbc.queryForList("select template, recipient_ref from notice where process_instance_id = ? order by id",
                process.getId()).stream().map(r -> r.get("template") + "→" + r.get("recipient_ref")).toList();
    }

    Set<String> candidateUsers(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getUserId() != null)
                .map(IdentityLink::getUserId).collect(Collectors.toSet());
    }

    Set<String> candidateGroups(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId).collect(Collectors.toSet());
    }

    String caseCard(Task task) {
        return (String) taskService.getVariableLocal(task.getId(), CaseCardProvider.VARIABLE);
    }

    static InvalidInputException invalidInputIn(Throwable thrown) {
        assertThat(thrown).as("a refusal").isNotNull();
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidInputException invalid) {
                return invalid;
            }
        }
        throw new AssertionError("no InvalidInputException in the cause chain of " + thrown, thrown);
    }
}
