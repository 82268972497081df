package io.kefu.escalation.process;

import io.kefu.escalation.EscalationReport;
import io.kefu.task.TaskCards;
import java.util.HashMap;
import java.util.Map;

/** The escalation-report process (请示报告) in one place: its key, the variables it carries, its elements' ids. */
public final class EscalationProcess {

    public static final String KEY = "escalation-report";
    public static final String DECISION = "escalation-routing";

    // Variables: the id, the routing table's input and the gateways' flags. The report lives in escalation_report.
    public static final String REPORT_ID = "reportId";
    public static final String INITIATOR = "initiator";
    public static final String TRIGGER = "trigger";
    public static final String ROUTING = "routing";
    public static final String LEAK = "leak";
    public static final String NEXT_LEVEL = "nextLevel";
    public static final String DECIDED = "decided";
    public static final String LEVELS_SKIPPED = "levelsSkipped";
    public static final String SKIPPED_GROUP = "skippedGroup";

    // User tasks
    public static final String TASK_SUPERVISOR = "Task_SupervisorInstruction";
    public static final String TASK_MANAGER = "Task_ManagerInstruction";
    public static final String TASK_DIRECTOR = "Task_DirectorInstruction";
    public static final String TASK_AFTER_REPORT = "Task_AfterReport";
    public static final String TASK_ACKNOWLEDGE = "Task_AcknowledgeAfterReport";

    // Service tasks and ends
    public static final String TASK_OPEN_BREACH = "Task_OpenBreachRecord";
    public static final String END_CLOSED = "End_ReportClosed";

    /** The report's id, its trigger (the table's input), the reporter as owner, and the card: no free text. */
    public static Map<String, Object> startVariables(EscalationReport report) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(REPORT_ID, report.getId());
        variables.put(TRIGGER, report.getTrigger().name());
        variables.put(TaskCards.OWNER_ID, report.getReporter());
        variables.putAll(TaskCards.of(report.getReportNo(), null, "请示 · " + report.getTrigger().label()
                + (report.isUrgent() ? " · 越级" : "")));
        return variables;
    }

    private EscalationProcess() {
    }
}
