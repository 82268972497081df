package io.kefu.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.kefu.complaint.process.ComplaintProcess;
import io.kefu.support.HttpApiTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Tasklist cards say what they are: every case carries small display variables (case number, customer, subject,
 * priority in words) without personal data, tasks take the case's priority from the decision table, and escalation
 * tasks are due.
 */
class TaskCardsTests extends HttpApiTest {

    @Autowired
    HistoryService history;

    @Test
    void aRegisteredComplaintCarriesItsCardVariablesAndNoPhoneNumber() {
        JsonNode customer = registerCustomer();
        Map<String, Object> request = complaintRequest(customer.path("code").asText());
        request.put("description", "货物破损,请回电 13912345678 或 0571-8888 6666");
        JsonNode complaint = fileComplaint("agent", request);

        Map<String, Object> variables = runtimeService.getVariables(assessmentTask(complaint).getProcessInstanceId());

        assertThat(variables).containsEntry(TaskCards.CASE_NO, complaint.path("caseNo").asText())
                .containsEntry(TaskCards.CUSTOMER_NAME, customer.path("name").asText())
                .containsEntry(TaskCards.CUSTOMER_CODE, customer.path("code").asText())
                .containsEntry(TaskCards.SUBJECT, "产品质量投诉 · 一般")
                .containsEntry(TaskCards.PRIORITY_LABEL, "P3 普通")
                .containsEntry(TaskCards.OWNER_ID, "agent");
        assertThat(variables.values()).allSatisfy(value -> assertThat(String.valueOf(value))
                .doesNotContain("13912345678", "0571-8888", "李四光"));
    }

    @Test
    void aTasksCopiesOfTheCardStayOutOfHistoryAndTheCasesOwnVariablesStayIn() {
        JsonNode complaint = fileComplaint("agent", registerCustomer().path("code").asText());
        Task task = assessmentTask(complaint);
        String processInstanceId = task.getProcessInstanceId();

        assertThat(taskService.getVariablesLocal(task.getId())).containsKeys(CaseCardProvider.VARIABLE,
                TaskCards.CASE_NO, TaskCards.CUSTOMER_NAME, TaskCards.CUSTOMER_CODE, TaskCards.SUBJECT,
                TaskCards.PRIORITY_LABEL);
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).list())
                .as("the case's own display variables are history")
                .anySatisfy(v -> assertThat(v.getName()).isEqualTo(TaskCards.CASE_NO))
                .noneMatch(v -> v.getTaskId() != null && TaskCardHistory.TASK_COPIES.contains(v.getName()));
        assertThat(history.createHistoricDetailQuery().processInstanceId(processInstanceId).variableUpdates().list())
                .isNotEmpty()
                .noneMatch(d -> d.getTaskId() != null && TaskCardHistory.TASK_COPIES.contains(
                        ((HistoricVariableUpdate) d).getVariableName()));

        // a task-local variable of another name is history as before
        taskService.setVariableLocal(task.getId(), "note", "已致电");
        assertThat(history.createHistoricVariableInstanceQuery().taskIdIn(task.getId()).list())
                .extracting(v -> v.getName()).containsExactly("note");
    }

    @Test
    void aMemberCustomerIsShownByCodeAndMaskedName() {
        Map<String, Object> member = customerRequest("王小明" + unique(""), mobile());
        member.put("type", "MEMBER");
        JsonNode customer = registerCustomer(member);
        JsonNode complaint = fileComplaint("agent", customer.path("code").asText());

        Object shown = runtimeService.getVariable(assessmentTask(complaint).getProcessInstanceId(),
                TaskCards.CUSTOMER_NAME);

        assertThat(shown).isEqualTo(customer.path("code").asText() + " 王" + "*".repeat(
                customer.path("name").asText().length() - 1));
    }

    @Test
    void taskPriorityFollowsTheClassificationTable() {
        Map<String, Object> major = complaintRequest(registerCustomer().path("code").asText());
        major.put("severity", "MAJOR");
        Task majorTask = assessmentTask(fileComplaint("agent", major));
        Map<String, Object> critical = complaintRequest(registerCustomer().path("code").asText());
        critical.put("severity", "CRITICAL");
        JsonNode severe = fileComplaint("agent", critical);

        assertThat(runtimeService.getVariable(majorTask.getProcessInstanceId(), TaskCards.PRIORITY_LABEL))
                .isEqualTo("P2 较急");
        assertThat(majorTask.getPriority()).isEqualTo(75);
        assertThat(assessmentTask(severe).getPriority()).isEqualTo(100);
        assertThat(openTask(severe, ComplaintProcess.TASK_ACKNOWLEDGE_SEVERE).getPriority()).isEqualTo(100);
    }

    @Test
    void aTaskWithoutAPriorityTableShowsThePriorityItsTaskPriorityStandsFor() {
        assertThat(CasePriority.ofTaskPriority(100)).isEqualTo(CasePriority.P1);
        assertThat(CasePriority.ofTaskPriority(80)).isEqualTo(CasePriority.P2);
        assertThat(CasePriority.ofTaskPriority(50)).isEqualTo(CasePriority.P3);
        assertThat(CasePriority.ofTaskPriority(49)).isEqualTo(CasePriority.P4);
        assertThat(CasePriority.ofTaskPriority(0)).isEqualTo(CasePriority.P4);
        JsonNode complaint = fileComplaint("agent", registerCustomer().path("code").asText());
        String processInstance = assessmentTask(complaint).getProcessInstanceId();
        // a case whose table gave no priority: its next task reads the priority of its task priority, in words
        runtimeService.removeVariable(processInstance, TaskCards.PRIORITY_LABEL);
        taskService.complete(assessmentTask(complaint).getId(), validAssessment("tech"));

        Task investigation = openTask(complaint, ComplaintProcess.TASK_INVESTIGATE);
        assertThat(taskService.getVariableLocal(investigation.getId(), TaskCards.PRIORITY_LABEL))
                .isEqualTo(CasePriority.ofTaskPriority(investigation.getPriority()).label());
    }

    @Test
    void escalationTasksAreDueAfterTheConfiguredHours() {
        Map<String, Object> critical = complaintRequest(registerCustomer().path("code").asText());
        critical.put("severity", "CRITICAL");
        Instant before = Instant.now();
        JsonNode severe = fileComplaint("agent", critical);
        Instant after = Instant.now();

        Task escalation = openTask(severe, ComplaintProcess.TASK_ACKNOWLEDGE_SEVERE);

        assertThat(escalation.getDueDate()).as("due date of the manager's notice").isNotNull();
        assertThat(escalation.getDueDate().toInstant())
                .isBetween(before.plus(Duration.ofHours(8)).minusSeconds(1), after.plus(Duration.ofHours(8)));
        assertThat(assessmentTask(severe).getDueDate()).as("response deadline").isNotNull();
    }

    @Test
    void casePrioritiesReadCodesAndLabels() {
        assertThat(CasePriority.of("P1")).contains(CasePriority.P1);
        assertThat(CasePriority.of("P4 一般")).contains(CasePriority.P4);
        assertThat(CasePriority.of("urgent")).isEmpty();
        assertThat(CasePriority.of(null)).isEmpty();
        assertThat(CasePriority.P2.label()).isEqualTo("P2 较急");
    }

    @Test
    void subjectsAreShortOneLineAndCarryNoPhoneNumbers() {
        assertThat(TaskCards.subject("请回电\n138 1234 5678")).isEqualTo("请回电 ***");
        assertThat(TaskCards.subject("甲".repeat(50))).hasSize(TaskCards.MAX_SUBJECT).endsWith("…");
        assertThat(TaskCards.subject("  ")).isNull();
    }

    @Test
    void escalationDeadlinesUseTheConfiguredHours() {
        Instant due = new TaskDeadlines(3).escalation().toInstant();
        assertThat(Duration.between(Instant.now(), due).toMinutes()).isCloseTo(180, within(1L));
    }
}
