package io.kefu.supervision.process;

import io.kefu.supervision.SupervisionReport;
import io.kefu.task.TaskCards;
import java.util.HashMap;
import java.util.Map;

/**
 * The two timer-started supervision processes in one place: keys, variables, element ids. The monthly
 * 服务监督报告 (service-supervision) and the weekly 每周服务状况报告 (weekly-service-status).
 */
public final class SupervisionProcess {

    public static final String MONTHLY_KEY = "service-supervision";
    public static final String WEEKLY_KEY = "weekly-service-status";

    // Variables: the report's id (monthly); the person of one weekly report (the multi-instance element); and, on a
    // start by API or the demo only, the period instead of the one before the timer's date.
    public static final String REPORT_ID = "supervisionReportId";
    public static final String STAFF_ID = "staffId";
    public static final String MONTH = "month";
    public static final String WEEK_OF = "weekOf";

    // Elements
    public static final String TIMER_MONTHLY = "StartEvent_MonthStart";
    public static final String TIMER_WEEKLY = "StartEvent_FridayAfternoon";
    public static final String TASK_COMPILE = "Task_CompileSupervisionReport";
    public static final String TASK_ASSESS = "Task_AssessServices";
    public static final String TASK_ACKNOWLEDGE = "Task_AcknowledgeReport";
    public static final String END_ACKNOWLEDGED = "End_ReportAcknowledged";
    public static final String TASK_OPEN_WEEKLY = "Task_OpenWeeklyReports";
    public static final String TASK_WEEKLY_REPORT = "Task_WeeklyServiceStatus";
    public static final String END_WEEKLY = "End_WeeklyReportsSubmitted";

    /** The report's id and its card: no personal data (a report holds none). */
    static Map<String, Object> variables(SupervisionReport report) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(REPORT_ID, report.getId());
        variables.put(TaskCards.CASE_NO, report.getReportNo());
        variables.put(TaskCards.SUBJECT, report.getKind().label() + " " + report.getPeriodFrom() + " 至 "
                + report.getPeriodTo());
        return variables;
    }

    private SupervisionProcess() {
    }
}
