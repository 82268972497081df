package io.kefu.audit;

import io.kefu.audit.CaseDirectory.CaseRow;
import io.kefu.audit.TimelineEntry.Source;
import io.kefu.identity.CurrentUser;
import io.kefu.shared.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.task.Comment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A case's one chronological timeline: the engine's history (steps entered and left, tasks created, claimed and
 * completed, comments, incidents), the changes of the case's own record ({@link CaseRecordHistory}), and every read
 * or export of its customer's personal data ({@link DataAccessLog}). No process variables are shown.
 */
@Service
public class CaseTimeline {

    /** A case as its page shows it: the instances it ran as, its customer, and the merged timeline. */
    public record Timeline(String caseKey, List<CaseRow> instances, Long customerId, List<TimelineEntry> entries) {

        public CaseRow first() {
            return instances.get(0);
        }
    }

    /** What the diagram needs: the model, and the elements the case passed, is at, or failed in. */
    public record Diagram(String processInstanceId, String bpmnXml, Set<String> executed, Set<String> active,
            Set<String> incidents) {
    }

    /** Operations the user-operation log records that the timeline shows (variable changes are left out). */
    private static final Map<String, String> OPERATIONS = Map.ofEntries(
            Map.entry(UserOperationLogEntry.OPERATION_TYPE_COMPLETE, "完成任务"),
            Map.entry(UserOperationLogEntry.OPERATION_TYPE_DELEGATE, "委托任务"),
            Map.entry(UserOperationLogEntry.OPERATION_TYPE_RESOLVE, "委托任务已办结"),
            Map.entry(UserOperationLogEntry.OPERATION_TYPE_SET_OWNER, "设置任务所有人"),
            Map.entry(UserOperationLogEntry.OPERATION_TYPE_SET_PRIORITY, "修改任务优先级"),
            Map.entry(UserOperationLogEntry.OPERATION_TYPE_DELETE, "删除"),
            Map.entry(UserOperationLogEntry.OPERATION_TYPE_SUSPEND, "挂起"),
            Map.entry(UserOperationLogEntry.OPERATION_TYPE_ACTIVATE, "激活"),
            Map.entry(UserOperationLogEntry.OPERATION_TYPE_MODIFY_PROCESS_INSTANCE, "调整流程实例"),
            Map.entry(UserOperationLogEntry.OPERATION_TYPE_MIGRATE, "迁移到新版本流程"),
            Map.entry(UserOperationLogEntry.OPERATION_TYPE_SET_JOB_RETRIES, "重试作业"));

    private final CaseDirectory directory;
    private final HistoryService history;
    private final TaskService tasks;
    private final RepositoryService repository;
    private final List<CaseRecordHistory> records;
    private final DataAccessLog accessLog;
    private final JdbcTemplate jdbc;

    CaseTimeline(CaseDirectory directory, HistoryService history, TaskService tasks, RepositoryService repository,
            List<CaseRecordHistory> records, DataAccessLog accessLog, JdbcTemplate jdbc) {
        this.directory = directory;
        this.history = history;
        this.tasks = tasks;
        this.repository = repository;
        this.records = records;
        this.accessLog = accessLog;
        this.jdbc = jdbc;
    }

    /** The timeline of a case the user may see; 404 (not 403) otherwise, since whether a case exists is confidential. */
    @Transactional(readOnly = true)
    public Timeline of(String caseKey, CurrentUser user) {
        List<CaseRow> instances = directory.find(caseKey, user);
        if (instances.isEmpty()) {
            throw new NotFoundException("案件 " + caseKey + " 不存在");
        }
        String businessKey = instances.get(0).businessKey();
        List<TimelineEntry> entries = new ArrayList<>();
        Long customerId = null;
        Set<String> processKeys = new LinkedHashSet<>();
        for (CaseRow instance : instances) {
            entries.addAll(processHistory(instance));
            processKeys.add(instance.processKey());
        }
        if (businessKey != null) {
            for (CaseRecordHistory record : records) {
                if (processKeys.stream().anyMatch(record::supports)) {
                    entries.addAll(record.changes(businessKey));
                    Optional<Long> customer = record.customerId(businessKey);
                    if (customer.isPresent()) {
                        customerId = customer.get();
                    }
                }
            }
        }
        for (DataAccessLog.Access access : accessLog.about(businessKey == null ? caseKey : businessKey, customerId)) {
            entries.add(new TimelineEntry(access.at(), Source.ACCESS, access.action().name(), access.username(),
                    access.action().label() + (access.caseKey() == null ? "" : " " + access.caseKey()), access.what(),
                    null));
        }
        entries.sort(Comparator.comparing(TimelineEntry::at).thenComparing(e -> e.source().ordinal()));
        return new Timeline(businessKey == null ? caseKey : businessKey, instances, customerId, entries);
    }

    /** The model and the path of one process instance of a case the user may see. */
    public Diagram diagram(String caseKey, String processInstanceId, CurrentUser user) {
        List<CaseRow> instances = directory.find(caseKey, user);
        CaseRow instance = instances.stream()
                .filter(i -> processInstanceId == null || i.processInstanceId().equals(processInstanceId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("案件 " + caseKey + " 不存在"));
        String xml;
        try (InputStream in = repository.getProcessModel(instance.processDefinitionId())) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the model of " + instance.processDefinitionId(), e);
        }
        Set<String> executed = new LinkedHashSet<>();
        Set<String> active = new LinkedHashSet<>();
        for (HistoricActivityInstance a : history.createHistoricActivityInstanceQuery()
                .processInstanceId(instance.processInstanceId()).orderByHistoricActivityInstanceStartTime().asc().list()) {
            executed.add(a.getActivityId());
            if (a.getEndTime() == null) {
                active.add(a.getActivityId());
            }
        }
        Set<String> incidents = new LinkedHashSet<>();
        history.createHistoricIncidentQuery().processInstanceId(instance.processInstanceId()).open().list()
                .forEach(i -> incidents.add(i.getActivityId()));
        return new Diagram(instance.processInstanceId(), xml, executed, active, incidents);
    }

    private List<TimelineEntry> processHistory(CaseRow instance) {
        String pid = instance.processInstanceId();
        String process = instance.processName() != null ? instance.processName() : instance.processKey();
        List<TimelineEntry> entries = new ArrayList<>();
        entries.add(process(instance.startedAt(), "PROCESS_STARTED", instance.startedBy(), "发起流程 " + process,
                "流程实例 " + pid, null));
        Map<String, HistoricTaskInstance> taskById = new HashMap<>();
        for (HistoricTaskInstance t : history.createHistoricTaskInstanceQuery().processInstanceId(pid).list()) {
            taskById.put(t.getId(), t);
            entries.add(process(t.getStartTime(), "TASK_CREATED", null, "任务创建: " + t.getName(),
                    t.getDueDate() == null ? null : "期限 " + RecordChanges.text(t.getDueDate().toInstant()),
                    t.getTaskDefinitionKey()));
            if (t.getEndTime() != null && !"completed".equals(t.getDeleteReason())) {
                entries.add(process(t.getEndTime(), "TASK_CANCELLED", t.getAssignee(), "任务取消: " + t.getName(),
                        t.getDeleteReason(), t.getTaskDefinitionKey()));
            }
        }
        Set<String> completedByLog = new LinkedHashSet<>();
        for (UserOperationLogEntry op : history.createUserOperationLogQuery().processInstanceId(pid).list()) {
            String label = OPERATIONS.get(op.getOperationType());
            if (label == null || (op.getProperty() != null && !isMainProperty(op))) {
                continue;
            }
            HistoricTaskInstance task = op.getTaskId() == null ? null : taskById.get(op.getTaskId());
            if (UserOperationLogEntry.OPERATION_TYPE_COMPLETE.equals(op.getOperationType()) && op.getTaskId() != null) {
                if (!completedByLog.add(op.getTaskId())) {
                    continue;
                }
            }
            entries.add(process(op.getTimestamp(), "OPERATION_" + op.getOperationType().toUpperCase(), op.getUserId(),
                    label + (task == null ? "" : ": " + task.getName()), null,
                    task == null ? null : task.getTaskDefinitionKey()));
        }
        for (HistoricTaskInstance t : taskById.values()) {
            if ("completed".equals(t.getDeleteReason()) && !completedByLog.contains(t.getId())) {
                entries.add(process(t.getEndTime(), "OPERATION_COMPLETE", t.getAssignee(), "完成任务: " + t.getName(),
                        null, t.getTaskDefinitionKey()));
            }
        }
        // Camunda's identity-link query cannot filter by process instance; its table can (indexed by root instance)
        for (AssigneeChange link : jdbc.query("""
                select TIMESTAMP_, USER_ID_, TASK_ID_, OPERATION_TYPE_, ASSIGNER_ID_ from ACT_HI_IDENTITYLINK
                where ROOT_PROC_INST_ID_ = ? and TYPE_ = 'assignee' and TASK_ID_ is not null""",
                (rs, i) -> new AssigneeChange(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5)), pid)) {
            HistoricTaskInstance task = taskById.get(link.taskId());
            if (task == null) {
                continue;
            }
            boolean add = "add".equals(link.operation());
            boolean claimed = add && link.userId() != null && link.userId().equals(link.assignerId());
            entries.add(process(link.at(), add ? (claimed ? "TASK_CLAIMED" : "TASK_ASSIGNED") : "TASK_UNASSIGNED",
                    link.assignerId() == null ? "system" : link.assignerId(),
                    (add ? (claimed ? "认领任务: " : "指派任务: ") : "退回任务: ") + task.getName(),
                    add && !claimed ? "指派给 " + link.userId() : null, task.getTaskDefinitionKey()));
        }
        for (Comment comment : tasks.getProcessInstanceComments(pid)) {
            HistoricTaskInstance task = comment.getTaskId() == null ? null : taskById.get(comment.getTaskId());
            entries.add(process(comment.getTime(), "COMMENT", comment.getUserId(),
                    "备注" + (task == null ? "" : ": " + task.getName()), comment.getFullMessage(),
                    task == null ? null : task.getTaskDefinitionKey()));
        }
        for (HistoricActivityInstance a : history.createHistoricActivityInstanceQuery().processInstanceId(pid).list()) {
            if ("userTask".equals(a.getActivityType())) {
                continue; // tasks are told by their own events above
            }
            String name = a.getActivityName() != null ? a.getActivityName() : a.getActivityId();
            boolean instant = a.getEndTime() != null && a.getEndTime().equals(a.getStartTime());
            entries.add(process(a.getStartTime(), "ACTIVITY_ENTERED", null, (instant ? "经过 " : "进入 ") + name,
                    activityType(a.getActivityType()), a.getActivityId()));
            if (a.getEndTime() != null && !instant) {
                entries.add(process(a.getEndTime(), a.isCanceled() ? "ACTIVITY_CANCELLED" : "ACTIVITY_LEFT", null,
                        (a.isCanceled() ? "中止 " : "离开 ") + name, activityType(a.getActivityType()), a.getActivityId()));
            }
        }
        for (HistoricIncident incident : history.createHistoricIncidentQuery().processInstanceId(pid).list()) {
            entries.add(process(incident.getCreateTime(), "INCIDENT", null, "故障: " + incident.getActivityId(),
                    incident.getIncidentMessage(), incident.getActivityId()));
            if (incident.getEndTime() != null) {
                entries.add(process(incident.getEndTime(), incident.isResolved() ? "INCIDENT_RESOLVED" : "INCIDENT_DELETED",
                        null, (incident.isResolved() ? "故障已解决: " : "故障已删除: ") + incident.getActivityId(), null,
                        incident.getActivityId()));
            }
        }
        if (instance.endedAt() != null) {
            entries.add(process(instance.endedAt(), "PROCESS_ENDED", null, "流程结束 " + process, instance.state(), null));
        }
        return entries;
    }

    private record AssigneeChange(Instant at, String userId, String taskId, String operation, String assignerId) {
    }

    /** One operation can log several properties (e.g. a delegation); show it once. */
    private static boolean isMainProperty(UserOperationLogEntry op) {
        return switch (op.getOperationType()) {
            case UserOperationLogEntry.OPERATION_TYPE_DELEGATE -> "delegation".equals(op.getProperty());
            case UserOperationLogEntry.OPERATION_TYPE_SET_OWNER -> "owner".equals(op.getProperty());
            case UserOperationLogEntry.OPERATION_TYPE_SET_PRIORITY -> "priority".equals(op.getProperty());
            case UserOperationLogEntry.OPERATION_TYPE_SET_JOB_RETRIES -> "retries".equals(op.getProperty());
            default -> true;
        };
    }

    private static String activityType(String type) {
        return switch (type) {
            case "startEvent" -> "开始事件";
            case "noneEndEvent", "endEvent", "errorEndEvent", "terminateEndEvent" -> "结束事件";
            case "exclusiveGateway", "parallelGateway", "inclusiveGateway", "eventBasedGateway" -> "网关";
            case "serviceTask", "sendTask", "scriptTask" -> "自动步骤";
            case "businessRuleTask" -> "决策表";
            case "boundaryTimer", "intermediateTimer", "startTimerEvent" -> "定时器(期限)";
            case "boundaryEscalation", "intermediateThrowEscalation" -> "升级";
            case "subProcess", "callActivity" -> "子流程";
            default -> type;
        };
    }

    private static TimelineEntry process(java.util.Date at, String kind, String actor, String summary, String detail,
            String activityId) {
        return process(at == null ? null : at.toInstant(), kind, actor, summary, detail, activityId);
    }

    private static TimelineEntry process(Instant at, String kind, String actor, String summary, String detail,
            String activityId) {
        return new TimelineEntry(at, Source.PROCESS, kind, actor, summary, detail, activityId);
    }
}
