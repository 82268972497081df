package io.kefu.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The complaint variants Kefu ships under {@code processes/complaint/variants/} (P1-A: five steps with leader approval;
 * P1-C: the professional-firm procedure), each path once. Deployed as a copy under the redesign tests' own key, the
 * way a manager deploys them: with the complaint handler for the steps it knows and generic entries for the others.
 */
class ComplaintVariantsProcessTest extends ModelApiTest {

    @Autowired
    ManagementService managementService;

    static final String P1C_MEETING_FORM = "complaint-p1c-management-meeting";
    static final String P1C_REPLY_FORM = "complaint-p1c-written-reply";

    /** The variant's BPMN with the process key of the redesign tests. */
    static String variant(String id) {
        String model = resource("processes/complaint/variants/" + id + "/complaint-handling.bpmn");
        assertThat(model).contains("id=\"complaint-handling\"", "bpmnElement=\"complaint-handling\"");
        return model.replace("id=\"complaint-handling\"", "id=\"" + KEY + "\"")
                .replace("bpmnElement=\"complaint-handling\"", "bpmnElement=\"" + KEY + "\"");
    }

    int deployVariant(String id) {
        Map<String, String> files = files(FILE, variant(id));
        if (id.equals("p1c")) {
            for (String form : List.of(P1C_MEETING_FORM, P1C_REPLY_FORM)) {
                files.put(form + ".form", resource("processes/complaint/variants/p1c/forms/" + form + ".form"));
            }
        }
        Response response = deploy("manager", files);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        for (JsonNode definition : response.json().path("definitions")) {
            if (KEY.equals(definition.path("key").asText())) {
                return definition.path("version").asInt();
            }
        }
        throw new AssertionError("not deployed: " + response);
    }

    String start(String variant, String severity) {
        Map<String, Object> form = startForm();
        form.put("severity", severity);
        return runtimeService.startProcessInstanceById(definitionId(deployVariant(variant)), form).getId();
    }

    void complete(String pid, String taskKey, Map<String, Object> variables) {
        taskService.complete(task(pid, taskKey).getId(), variables);
    }

    List<String> userSteps(String pid) {
        return historyService.createHistoricActivityInstanceQuery().processInstanceId(pid).activityType("userTask")
                .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list().stream()
                .map(HistoricActivityInstance::getActivityName).toList();
    }

    String status(String pid) {
        String caseNo = historyService.createHistoricProcessInstanceQuery().processInstanceId(pid).singleResult()
                .getBusinessKey();
        return jdbc.queryForObject("select status from complaint where case_no = ?", String.class, caseNo);
    }

    /** A valid complaint through the investigation to the department's proposals. */
    void proposeSolutions(String pid) {
        complete(pid, "Task_AssessValidity", validAssessment("warehouse"));
        complete(pid, "Task_InvestigateComplaint", FINDINGS);
        complete(pid, "Task_ProposeSolutions", OPTIONS);
    }

    /** Fires the deadline timer on the given boundary event, as the job executor does when the deadline passes. */
    void deadlinePasses(String pid, String timerId) {
        Job timer = managementService.createJobQuery().processInstanceId(pid).activityId(timerId).singleResult();
        assertThat(timer).as(timerId + " waits for its deadline").isNotNull();
        managementService.executeJob(timer.getId());
        assertThat(managementService.createJobQuery().processInstanceId(pid).activityId(timerId).count())
                .as(timerId + " fires once").isZero();
    }

    List<String> breaches(String pid) {
        String caseNo = historyService.createHistoricProcessInstanceQuery().processInstanceId(pid).singleResult()
                .getBusinessKey();
        return jdbc.queryForList("select b.type from complaint_breach b join complaint c on c.id = b.complaint_id"
                + " where c.case_no = ? order by b.type", String.class, caseNo);
    }

    /**
     * A variant keeps the main model's deadlines: missing the response or the resolution deadline is recorded on the
     * case (the monthly report's 及时率 counts it) and escalated to a supervisor or a manager, and the case goes on.
     */
    void deadlinesAreRecordedAndEscalated(String variant) {
        String pid = start(variant, "MINOR");
        deadlinePasses(pid, "Timer_ResponseDeadline");
        assertThat(openTaskKeys(pid)).containsExactlyInAnyOrder("Task_AssessValidity", "Task_SuperviseResponseBreach");
        assertThat(candidateGroups(pid, "Task_SuperviseResponseBreach")).containsExactly("supervisors");
        complete(pid, "Task_SuperviseResponseBreach", vars("escalationNote", "请立即联系客户"));
        proposeSolutions(pid);
        deadlinePasses(pid, "Timer_ResolutionDeadline");
        assertThat(openTaskKeys(pid)).contains("Task_SuperviseResolutionBreach");
        assertThat(candidateGroups(pid, "Task_SuperviseResolutionBreach")).containsExactly("managers");
        complete(pid, "Task_SuperviseResolutionBreach", vars("escalationNote", "今日内给出方案"));
        assertThat(breaches(pid)).containsExactly("RESOLUTION", "RESPONSE");
        assertThat(openTaskKeys(pid)).doesNotContain("Task_SuperviseResolutionBreach").isNotEmpty();
    }

    List<String> candidateGroups(String pid, String taskKey) {
        return taskService.getIdentityLinksForTask(task(pid, taskKey).getId()).stream()
                .filter(link -> "candidate".equals(link.getType()) && link.getGroupId() != null)
                .map(link -> link.getGroupId()).toList();
    }

    static Map<String, Object> vars(Object... keyAndValue) {
        Map<String, Object> vars = new HashMap<>();
        for (int i = 0; i < keyAndValue.length; i += 2) {
            vars.put((String) keyAndValue[i], keyAndValue[i + 1]);
        }
        return vars;
    }

    static final Map<String, Object> FINDINGS = vars("findings", "包装破损,仓库出库未复检");
    static final Map<String, Object> OPTIONS = vars("solutionOption1", "补发货物", "solutionOption2", "退款");
    static final Map<String, Object> ADOPT_FIRST = vars("solutionDecision", "OPTION_1", "leaderInstruction", "同意方案一");
    static final Map<String, Object> REJECT = vars("solutionDecision", "REJECTED", "leaderInstruction", "方案不足,重新制定");
    static final Map<String, Object> IMPLEMENTED = vars("implementationNotes", "已补发并整改出库复检");
    static final Map<String, Object> ACCEPTED = vars("customerAccepted", true, "acceptanceMethod", "SMS");
    static final Map<String, Object> NOT_ACCEPTED = vars("customerAccepted", false, "customerFeedback", "希望退款");
    static final Map<String, Object> CLOSING = vars("closingCategory", "BILLING", "closingSummary", "已解决,加强复检");

    @Nested
    class P1A {

        @Test
        void anInvalidComplaintIsAnsweredAndClosed() {
            String pid = start("p1a", "MINOR");
            complete(pid, "Task_AssessValidity", invalidAssessment());
            assertThat(instance(pid)).isNull();
            assertThat(userSteps(pid)).containsExactly("接收投诉:记录并转交相关部门");
            assertThat(status(pid)).isEqualTo("REJECTED");
        }

        @Test
        void theFiveStepsWithTheLeadersApprovalCloseTheComplaint() {
            String pid = start("p1a", "MINOR");
            proposeSolutions(pid);
            complete(pid, "Task_SelectSolution", ADOPT_FIRST);
            complete(pid, "Task_ImplementSolution", IMPLEMENTED);
            complete(pid, "Task_ConfirmWithCustomer", ACCEPTED);
            complete(pid, "Task_CloseComplaint", CLOSING);
            assertThat(instance(pid)).isNull();
            assertThat(userSteps(pid)).containsExactly("接收投诉:记录并转交相关部门", "调查核实", "制定处理方案",
                    "领导审批方案", "实施处理(整改措施)", "反馈结果并征询客户意见", "结案与分类统计");
            assertThat(status(pid)).isEqualTo("CLOSED");
        }

        @Test
        void aSolutionTheLeaderRejectsIsMadeAgain() {
            String pid = start("p1a", "MINOR");
            proposeSolutions(pid);
            complete(pid, "Task_SelectSolution", REJECT);
            assertThat(openTaskKeys(pid)).containsExactly("Task_ProposeSolutions");
            complete(pid, "Task_ProposeSolutions", OPTIONS);
            complete(pid, "Task_SelectSolution", ADOPT_FIRST);
            assertThat(openTaskKeys(pid)).containsExactly("Task_ImplementSolution");
        }

        @Test
        void aCustomerWhoDoesNotAcceptGetsANewSolution() {
            String pid = start("p1a", "MINOR");
            proposeSolutions(pid);
            complete(pid, "Task_SelectSolution", ADOPT_FIRST);
            complete(pid, "Task_ImplementSolution", IMPLEMENTED);
            complete(pid, "Task_ConfirmWithCustomer", NOT_ACCEPTED);
            assertThat(openTaskKeys(pid)).containsExactly("Task_ProposeSolutions");
        }

        @Test
        void missedDeadlinesAreRecordedAndEscalated() {
            deadlinesAreRecordedAndEscalated("p1a");
        }
    }

    @Nested
    class P1C {

        @Test
        void anInvalidComplaintIsAnsweredAndClosed() {
            String pid = start("p1c", "MINOR");
            complete(pid, "Task_AssessValidity", invalidAssessment());
            assertThat(instance(pid)).isNull();
            assertThat(status(pid)).isEqualTo("REJECTED");
        }

        @Test
        void anOrdinaryComplaintIsDecidedByThePartnerAndAnsweredInWriting() {
            String pid = start("p1c", "MINOR");
            proposeSolutions(pid);
            assertThat(openTaskKeys(pid)).containsExactly("Task_SelectSolution");
            complete(pid, "Task_SelectSolution", ADOPT_FIRST);
            complete(pid, "Task_ImplementSolution", IMPLEMENTED);
            complete(pid, "Task_WrittenReply", vars("replyForm", "LETTER", "replyReference", "客服函〔2026〕12号",
                    "replySummary", "已补发货物并致歉"));
            complete(pid, "Task_ConfirmWithCustomer", ACCEPTED);
            complete(pid, "Task_ReturnVisit", vars("satisfaction", "SATISFIED", "visitRemarks", "客户满意"));
            complete(pid, "Task_CloseComplaint", CLOSING);
            assertThat(instance(pid)).isNull();
            assertThat(status(pid)).isEqualTo("CLOSED");
            assertThat(userSteps(pid)).containsExactly("受理登记并提出初步意见", "调查事实并联系投诉人",
                    "专门负责人提出书面处理意见", "分管合伙人决定", "专门负责人落实处理意见", "书面答复投诉人",
                    "征询投诉人意见", "满意度调查", "归档结案(按年度建立案宗)");
            // the written reply has no handler of its own: kept as a generic entry in the form's words
            String text = jdbc.queryForObject("select fields from step_entry where process_instance_id = ?"
                    + " and task_key = 'Task_WrittenReply'", String.class, pid);
            assertThat(text).contains("书面答复方式", "信函", "客服函〔2026〕12号", "答复要点");
        }

        @Test
        void aMajorComplaintGoesToTheManagementMeetingWhichMayReturnIt() {
            String pid = start("p1c", "CRITICAL");
            proposeSolutions(pid);
            assertThat(openTaskKeys(pid)).containsExactly("Task_ManagerDecision");
            complete(pid, "Task_ManagerDecision", vars("managerDecision", "RETURN", "managerInstruction", "补充赔偿方案",
                    "meetingKind", "FIRM_MEETING"));
            assertThat(openTaskKeys(pid)).containsExactly("Task_ProposeSolutions");
            complete(pid, "Task_ProposeSolutions", OPTIONS);
            complete(pid, "Task_ManagerDecision", vars("managerDecision", "OPTION_2", "managerInstruction", "同意退款",
                    "meetingKind", "PARTNERS_MEETING", "notifyRegulator", true));
            assertThat(openTaskKeys(pid)).containsExactly("Task_ImplementSolution");
            // what the handler does not read (the meeting's kind, the regulator) is kept with the form's labels
            List<String> kept = jdbc.queryForList("select fields from step_entry where process_instance_id = ?"
                    + " and task_key = 'Task_ManagerDecision' order by id", String.class, pid);
            assertThat(kept).hasSize(2);
            assertThat(kept.get(1)).contains("会议形式", "合伙人会议", "需通报主管机关", "是")
                    .doesNotContain("managerInstruction");
        }

        @Test
        void aProposalThePartnerRejectsIsMadeAgain() {
            String pid = start("p1c", "MINOR");
            proposeSolutions(pid);
            complete(pid, "Task_SelectSolution", REJECT);
            assertThat(openTaskKeys(pid)).containsExactly("Task_ProposeSolutions");
        }

        @Test
        void aComplainantWhoDoesNotAcceptGetsANewProposal() {
            String pid = answeredInWriting();
            complete(pid, "Task_ConfirmWithCustomer", NOT_ACCEPTED);
            assertThat(openTaskKeys(pid)).containsExactly("Task_ProposeSolutions");
        }

        /** An ordinary complaint up to the complainant's answer: decided by the partner, carried out, answered by email. */
        String answeredInWriting() {
            String pid = start("p1c", "MINOR");
            proposeSolutions(pid);
            complete(pid, "Task_SelectSolution", ADOPT_FIRST);
            complete(pid, "Task_ImplementSolution", IMPLEMENTED);
            complete(pid, "Task_WrittenReply", vars("replyForm", "EMAIL", "replySummary", "已补发货物并退款"));
            return pid;
        }

        @Test
        void missedDeadlinesAreRecordedAndEscalated() {
            deadlinesAreRecordedAndEscalated("p1c");
        }

        @Test
        void aLateSatisfactionSurveyIsRecordedAndSupervised() {
            String pid = answeredInWriting();
            complete(pid, "Task_ConfirmWithCustomer", ACCEPTED);
            deadlinePasses(pid, "Timer_ReturnVisitDeadline");
            assertThat(openTaskKeys(pid)).containsExactlyInAnyOrder("Task_ReturnVisit", "Task_SuperviseOverdueVisit");
            assertThat(breaches(pid)).containsExactly("RETURN_VISIT");
            complete(pid, "Task_SuperviseOverdueVisit", vars("escalationNote", "今天内完成回访"));
            complete(pid, "Task_ReturnVisit", vars("satisfaction", "SATISFIED", "visitRemarks", "客户满意"));
            complete(pid, "Task_CloseComplaint", CLOSING);
            assertThat(instance(pid)).isNull();
            assertThat(status(pid)).isEqualTo("CLOSED");
        }
    }
}
