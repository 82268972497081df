package io.kefu.audit;

import io.kefu.audit.CaseDirectory.CaseRow;
import io.kefu.audit.TimelineEntry.Source;
import io.kefu.identity.CurrentUser;
import io.kefu.identity.DataAccessLog;
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
import java.util.TreeMap;
import com.fasterxml.jackson.annotation.JsonIgnore;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.task.Comment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A case's one chronological timeline: the engine's history (steps entered and left, tasks created, claimed and
 * completed, comments, incidents) of its own instances and the processes they called, the changes of the case's own
 * record ({@link CaseRecordHistory}), and the reads and exports of this case ({@link DataAccessLog}); reads of its
 * customer's data elsewhere are on the customer's page. Told in words: elements by their names, coded values by the
 * labels of the forms ({@link FormLabels}), technical steps marked and folded unless asked for, and the events of one
 * instant in the order the engine took them. No process variables are shown.
 */
@Service
public class CaseTimeline {

    /**
     * A case as its page shows it: the instances it ran as, its customer, and the merged timeline.
     *
     * @param all       whether the technical steps are in {@code entries}
     * @param technical how many technical steps the case has (shown or not)
     */
    public record Timeline(String caseKey, List<CaseRow> instances, Long customerId, List<TimelineEntry> entries,
            boolean all, int technical) {

        public CaseRow first() {
            return instances.get(0);
        }

        /**
         * The entries as the case page groups them: a reopened complaint's under its rounds (第 1 轮, 第 2 轮…), those
         * of no round first in a group of their own; any other case in one group without a heading.
         */
        @JsonIgnore
        public List<Group> groups() {
            boolean reopened = entries.stream().anyMatch(e -> e.round() != null && e.round() > 1);
            if (!reopened) {
                return List.of(new Group(null, null, entries));
            }
            Map<Integer, List<TimelineEntry>> byRound = new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));
            entries.forEach(e -> byRound.computeIfAbsent(e.round(), r -> new ArrayList<>()).add(e));
            return byRound.entrySet().stream().map(g -> new Group(g.getKey(),
                    g.getKey() == null ? "案件整体(不属于某一轮)" : "第 " + g.getKey() + " 轮", g.getValue())).toList();
        }
    }

    /** A group of the case page's timeline: one round's entries, or those of no round ({@code round} null). */
    public record Group(Integer round, String title, List<TimelineEntry> entries) {
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
    private final FormLabels formLabels;

    CaseTimeline(CaseDirectory directory, HistoryService history, TaskService tasks, RepositoryService repository,
            List<CaseRecordHistory> records, DataAccessLog accessLog, JdbcTemplate jdbc, FormLabels formLabels) {
        this.formLabels = formLabels;
        this.directory = directory;
        this.history = history;
        this.tasks = tasks;
        this.repository = repository;
        this.records = records;
        this.accessLog = accessLog;
        this.jdbc = jdbc;
    }

    /** The timeline of a case the user may see, technical steps folded; 404 (not 403) otherwise. */
    public Timeline of(String caseKey, CurrentUser user) {
        return of(caseKey, user, false);
    }

    /**
     * The timeline of a case the user may see; 404 (not 403) otherwise, since whether a case exists is confidential.
     * {@code all} keeps the technical steps (gateways, start and end events...) that are folded by default.
     */
    @Transactional(readOnly = true)
    public Timeline of(String caseKey, CurrentUser user, boolean all) {
        List<CaseRow> instances = withCalledProcesses(directory.find(caseKey, user));
        if (instances.isEmpty()) {
            throw new NotFoundException("案件 " + caseKey + " 不存在");
        }
        String businessKey = instances.get(0).businessKey();
        String key = businessKey == null ? caseKey : businessKey;
        FormLabels.Options options = formLabels.current();
        List<Ranked> ranked = new ArrayList<>();
        Long customerId = null;
        Set<String> processKeys = new LinkedHashSet<>();
        for (CaseRow instance : instances) {
            ranked.addAll(processHistory(instance));
            processKeys.add(instance.processKey());
        }
        List<TimelineEntry> own = new ArrayList<>();
        if (businessKey != null) {
            for (CaseRecordHistory record : records) {
                if (processKeys.stream().anyMatch(record::supports)) {
                    own.addAll(record.changes(businessKey, options));
                    Optional<Long> customer = record.customerId(businessKey);
                    if (customer.isPresent()) {
                        customerId = customer.get();
                    }
                }
            }
        }
        // reads and exports of this case only: reads of the customer's data elsewhere belong to the customer's page
        for (DataAccessLog.Access access : accessLog.ofCase(key)) {
            own.add(new TimelineEntry(access.at(), Source.ACCESS, access.action().name(), access.username(),
                    access.action().label() + (access.what() == null ? "" : ": " + access.what()), null, null));
        }
        // a database that keeps whole seconds (MySQL, MariaDB) stamps the engine's events to the second, while the
        // record's revisions keep milliseconds: told to the same second, a change goes right after the step causing it
        boolean wholeSeconds = !ranked.isEmpty() && ranked.stream()
                .allMatch(r -> r.entry().at() == null || r.entry().at().getNano() == 0);
        for (TimelineEntry entry : own) {
            TimelineEntry e = wholeSeconds && entry.at() != null && entry.at().getNano() != 0
                    ? new TimelineEntry(entry.at().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), entry.source(),
                            entry.kind(), entry.actor(), entry.summary(), entry.detail(), entry.code(),
                            entry.activityId(), entry.technical(), entry.round())
                    : entry;
            ranked.add(new Ranked(e, afterTheStepOfTheSameInstant(ranked, e.at())));
        }
        ranked.sort(Comparator.comparing((Ranked r) -> r.entry().at(), Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparingDouble(Ranked::rank));
        List<TimelineEntry> entries = inRounds(ranked.stream().map(Ranked::entry).toList());
        int technical = (int) entries.stream().filter(TimelineEntry::technical).count();
        if (!all) {
            entries = entries.stream().filter(e -> !e.technical()).toList();
        }
        return new Timeline(key, instances, customerId, entries, all, technical);
    }

    /**
     * Each entry in the round of handling it happened in: a round begins with the creation of its record and holds
     * every later entry of the case's process and record until the next round begins. Entries that name their round
     * keep it (a round's own field changes), reads and exports of the case and migrations belong to no round, nor do
     * the entries before the first round began (the complaint's intake).
     */
    static List<TimelineEntry> inRounds(List<TimelineEntry> entries) {
        List<TimelineEntry> out = new ArrayList<>(entries.size());
        Integer current = null;
        for (TimelineEntry e : entries) {
            if (e.opensRound()) {
                current = e.round();
            }
            boolean caseLevel = e.source() == Source.ACCESS || CASE_LEVEL_KINDS.contains(e.kind());
            out.add(e.round() != null || caseLevel ? e : e.inRound(current));
        }
        return out;
    }

    /** Record entries about the whole case rather than one of its rounds. */
    private static final Set<String> CASE_LEVEL_KINDS = Set.of("MIGRATED");

    /** The case's instances and the processes they called (call activities), and those processes' calls. */
    private List<CaseRow> withCalledProcesses(List<CaseRow> instances) {
        List<CaseRow> all = new ArrayList<>(instances);
        for (int i = 0; i < all.size() && all.size() < 200; i++) {
            for (HistoricProcessInstance called : history.createHistoricProcessInstanceQuery()
                    .superProcessInstanceId(all.get(i).processInstanceId()).orderByProcessInstanceStartTime().asc()
                    .list()) {
                all.add(new CaseRow(called.getId(), called.getBusinessKey(), called.getProcessDefinitionKey(),
                        called.getProcessDefinitionName(), called.getProcessDefinitionId(),
                        instant(called.getStartTime()), instant(called.getEndTime()), called.getStartUserId(),
                        called.getState()));
            }
        }
        return all;
    }

    /**
     * Where a record change or an access goes among the process events of the same instant: right after the latest
     * task completion (or process start) of that instant, which caused it; before everything when there is none.
     */
    private static double afterTheStepOfTheSameInstant(List<Ranked> process, Instant at) {
        double rank = -Double.MAX_VALUE;
        for (Ranked r : process) {
            if (at != null && at.equals(r.entry().at()) && r.causes() && r.rank() > rank) {
                rank = r.rank();
            }
        }
        return rank == -Double.MAX_VALUE ? rank : rank + 0.5;
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

    /**
     * An entry and its place among the entries of the same instant: the engine's sequence counter of the step it
     * belongs to (steps in the order the engine took them), then its phase within the step (entered, task created,
     * claimed, commented, completed, left). {@code causes}: a start or completion, which record changes follow.
     */
    private record Ranked(TimelineEntry entry, double rank, boolean causes) {

        Ranked(TimelineEntry entry, double rank) {
            this(entry, rank, false);
        }
    }

    private static final int ENTERED = 0;
    private static final int CREATED = 1;
    private static final int ASSIGNED = 2;
    private static final int COMMENTED = 3;
    private static final int OPERATED = 4;
    private static final int COMPLETED = 5;
    private static final int CANCELLED = 6;
    private static final int INCIDENT = 7;
    private static final int LEFT = 8;

    private static double rank(long sequence, int phase) {
        return sequence * 10.0 + phase;
    }

    private List<Ranked> processHistory(CaseRow instance) {
        String pid = instance.processInstanceId();
        String process = instance.processName() != null ? instance.processName() : "流程";
        BpmnModelInstance model = model(instance.processDefinitionId());
        List<Ranked> entries = new ArrayList<>();
        entries.add(new Ranked(process(instance.startedAt(), "PROCESS_STARTED", instance.startedBy(), "发起流程 " + process,
                version(instance.processDefinitionId()), null), -Double.MAX_VALUE / 2, true));

        // the steps first: their sequence counters order everything that happened at the same instant
        List<HistoricActivityInstance> steps = history.createHistoricActivityInstanceQuery().processInstanceId(pid).list();
        Map<String, Long> sequenceOfStep = new HashMap<>();
        Map<String, Long> lastSequenceOfElement = new HashMap<>();
        for (HistoricActivityInstance a : steps) {
            long sequence = a instanceof HistoricActivityInstanceEventEntity e ? e.getSequenceCounter() : 0;
            sequenceOfStep.put(a.getId(), sequence);
            lastSequenceOfElement.merge(a.getActivityId(), sequence, Math::max);
        }
        for (HistoricActivityInstance a : steps) {
            if ("userTask".equals(a.getActivityType())) {
                continue; // tasks are told by their own events below
            }
            long sequence = sequenceOfStep.get(a.getId());
            String name = a.getActivityName() != null && !a.getActivityName().isBlank() ? a.getActivityName()
                    : activityType(a.getActivityType());
            boolean technical = isTechnical(a.getActivityType());
            boolean instant = a.getEndTime() != null && a.getEndTime().equals(a.getStartTime());
            // an element without a name is told by what it is, once
            String kind = name.equals(activityType(a.getActivityType())) ? null : activityType(a.getActivityType());
            TimelineEntry entered = process(a.getStartTime(), "ACTIVITY_ENTERED", null, (instant ? "经过 " : "进入 ") + name,
                    kind, a.getActivityId());
            entries.add(new Ranked(technical ? entered.asTechnical() : entered, rank(sequence, ENTERED)));
            if (a.getEndTime() != null && !instant) {
                TimelineEntry left = process(a.getEndTime(), a.isCanceled() ? "ACTIVITY_CANCELLED" : "ACTIVITY_LEFT", null,
                        (a.isCanceled() ? "中止 " : "离开 ") + name, kind, a.getActivityId());
                // a sub-process is left after the last of its own steps (whose completion ended it)
                long last = lastSequenceWithin(steps, sequenceOfStep, a.getId());
                entries.add(new Ranked(technical ? left.asTechnical() : left,
                        last > sequence ? rank(last, LEFT) + 1 : rank(sequence, LEFT), true));
            }
        }

        Map<String, HistoricTaskInstance> taskById = new HashMap<>();
        Map<String, Long> sequenceOfTask = new HashMap<>();
        for (HistoricTaskInstance t : history.createHistoricTaskInstanceQuery().processInstanceId(pid).list()) {
            taskById.put(t.getId(), t);
            long sequence = sequenceOfStep.getOrDefault(t.getActivityInstanceId(), 0L);
            sequenceOfTask.put(t.getId(), sequence);
            entries.add(new Ranked(process(t.getStartTime(), "TASK_CREATED", null, "任务创建: " + t.getName(),
                    t.getDueDate() == null ? null : "期限 " + RecordChanges.text(t.getDueDate().toInstant()),
                    t.getTaskDefinitionKey()), rank(sequence, CREATED)));
            if (t.getEndTime() != null && !"completed".equals(t.getDeleteReason())) {
                entries.add(new Ranked(process(t.getEndTime(), "TASK_CANCELLED", t.getAssignee(),
                        "任务取消: " + t.getName(), cancellation(t.getDeleteReason()), t.getTaskDefinitionKey()),
                        rank(sequence, CANCELLED), true));
            }
        }
        Set<String> completedByLog = new LinkedHashSet<>();
        // a claim or an assignment by a user is in the operation log; an assignee the model names (the case owner, a
        // department's handler) is set by the engine as the task is created, with no operation of anyone's
        Map<String, Integer> claims = new HashMap<>();
        Map<String, Integer> assignments = new HashMap<>();
        List<UserOperationLogEntry> operations = history.createUserOperationLogQuery().processInstanceId(pid).list();
        for (UserOperationLogEntry op : operations) {
            if (op.getTaskId() != null && UserOperationLogEntry.OPERATION_TYPE_CLAIM.equals(op.getOperationType())) {
                claims.merge(op.getTaskId(), 1, Integer::sum);
            } else if (op.getTaskId() != null
                    && UserOperationLogEntry.OPERATION_TYPE_ASSIGN.equals(op.getOperationType())) {
                assignments.merge(op.getTaskId(), 1, Integer::sum);
            }
        }
        for (UserOperationLogEntry op : operations) {
            String label = OPERATIONS.get(op.getOperationType());
            if (label == null || (op.getProperty() != null && !isMainProperty(op))) {
                continue;
            }
            HistoricTaskInstance task = op.getTaskId() == null ? null : taskById.get(op.getTaskId());
            boolean complete = UserOperationLogEntry.OPERATION_TYPE_COMPLETE.equals(op.getOperationType());
            if (complete && op.getTaskId() != null && !completedByLog.add(op.getTaskId())) {
                continue;
            }
            long sequence = task == null ? Long.MAX_VALUE / 20 : sequenceOfTask.get(task.getId());
            entries.add(new Ranked(process(op.getTimestamp(), "OPERATION_" + op.getOperationType().toUpperCase(),
                    op.getUserId(), label + (task == null ? "" : ": " + task.getName()), null,
                    task == null ? null : task.getTaskDefinitionKey()), rank(sequence, complete ? COMPLETED : OPERATED),
                    true));
        }
        for (HistoricTaskInstance t : taskById.values()) {
            if ("completed".equals(t.getDeleteReason()) && !completedByLog.contains(t.getId())) {
                entries.add(new Ranked(process(t.getEndTime(), "OPERATION_COMPLETE", t.getAssignee(),
                        "完成任务: " + t.getName(), null, t.getTaskDefinitionKey()),
                        rank(sequenceOfTask.get(t.getId()), COMPLETED), true));
            }
        }
        // Camunda's identity-link query cannot filter by process instance; its table can (indexed by root instance)
        for (AssigneeChange link : jdbc.query("""
                select TIMESTAMP_, USER_ID_, TASK_ID_, OPERATION_TYPE_, ASSIGNER_ID_ from ACT_HI_IDENTITYLINK
                where ROOT_PROC_INST_ID_ = ? and TYPE_ = 'assignee' and TASK_ID_ is not null""",
                (rs, i) -> new AssigneeChange(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5)), rootOf(pid))) {
            HistoricTaskInstance task = taskById.get(link.taskId());
            if (task == null) {
                continue;
            }
            boolean add = "add".equals(link.operation());
            boolean claimed = add && link.userId() != null && link.userId().equals(link.assignerId())
                    && take(claims, task.getId());
            boolean byUser = claimed || !add || take(assignments, task.getId());
            entries.add(new Ranked(process(link.at(), add ? (claimed ? "TASK_CLAIMED" : "TASK_ASSIGNED") : "TASK_UNASSIGNED",
                    link.assignerId() == null || !byUser ? "system" : link.assignerId(),
                    (add ? (claimed ? "认领任务: " : "指派任务: ") : "退回任务: ") + task.getName(),
                    add && !claimed ? "指派给 " + link.userId() : null, task.getTaskDefinitionKey()),
                    rank(sequenceOfTask.get(task.getId()), ASSIGNED)));
        }
        for (Comment comment : tasks.getProcessInstanceComments(pid)) {
            HistoricTaskInstance task = comment.getTaskId() == null ? null : taskById.get(comment.getTaskId());
            entries.add(new Ranked(process(comment.getTime(), "COMMENT", comment.getUserId(),
                    "备注" + (task == null ? "" : ": " + task.getName()), comment.getFullMessage(),
                    task == null ? null : task.getTaskDefinitionKey()),
                    rank(task == null ? Long.MAX_VALUE / 20 : sequenceOfTask.get(task.getId()), COMMENTED)));
        }
        for (HistoricIncident incident : history.createHistoricIncidentQuery().processInstanceId(pid).list()) {
            String element = elementName(model, incident.getActivityId());
            long sequence = lastSequenceOfElement.getOrDefault(incident.getActivityId(), Long.MAX_VALUE / 20);
            entries.add(new Ranked(process(incident.getCreateTime(), "INCIDENT", null, "故障: " + element,
                    incident.getIncidentMessage(), incident.getActivityId()), rank(sequence, INCIDENT)));
            if (incident.getEndTime() != null) {
                entries.add(new Ranked(process(incident.getEndTime(),
                        incident.isResolved() ? "INCIDENT_RESOLVED" : "INCIDENT_DELETED", null,
                        (incident.isResolved() ? "故障已解决: " : "故障已删除: ") + element, null,
                        incident.getActivityId()), rank(sequence, INCIDENT)));
            }
        }
        if (instance.endedAt() != null) {
            entries.add(new Ranked(process(instance.endedAt(), "PROCESS_ENDED", null, "流程结束 " + process,
                    state(instance.state()), null), Double.MAX_VALUE / 2));
        }
        return entries;
    }

    /** The highest sequence counter of the steps inside the scope {@code scopeId} (at any depth); 0 for none. */
    private static long lastSequenceWithin(List<HistoricActivityInstance> steps, Map<String, Long> sequenceOfStep,
            String scopeId) {
        Map<String, String> parentOf = new HashMap<>();
        steps.forEach(a -> parentOf.put(a.getId(), a.getParentActivityInstanceId()));
        long last = 0;
        for (HistoricActivityInstance a : steps) {
            for (String p = a.getParentActivityInstanceId(); p != null; p = parentOf.get(p)) {
                if (p.equals(scopeId)) {
                    last = Math.max(last, sequenceOfStep.get(a.getId()));
                    break;
                }
            }
        }
        return last;
    }

    private record AssigneeChange(Instant at, String userId, String taskId, String operation, String assignerId) {
    }

    private String rootOf(String processInstanceId) {
        HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
                .processInstanceId(processInstanceId).singleResult();
        return instance == null || instance.getRootProcessInstanceId() == null ? processInstanceId
                : instance.getRootProcessInstanceId();
    }

    private BpmnModelInstance model(String processDefinitionId) {
        try {
            return processDefinitionId == null ? null : repository.getBpmnModelInstance(processDefinitionId);
        } catch (RuntimeException gone) {
            return null;
        }
    }

    private String version(String processDefinitionId) {
        try {
            ProcessDefinition definition = repository.getProcessDefinition(processDefinitionId);
            return "第 " + definition.getVersion() + " 版流程";
        } catch (RuntimeException gone) {
            return null;
        }
    }

    /** An element by its name in the model; by what it is when it has none (never by its id). */
    private static String elementName(BpmnModelInstance model, String elementId) {
        if (model != null && elementId != null) {
            ModelElementInstance element = model.getModelElementById(elementId);
            if (element instanceof FlowElement flow && flow.getName() != null && !flow.getName().isBlank()) {
                return flow.getName();
            }
        }
        return "流程步骤";
    }

    /** Why a task ended without being completed, as Camunda records it, in words. */
    private static String cancellation(String deleteReason) {
        if (deleteReason == null || "deleted".equals(deleteReason)) {
            return "流程已转向(如期限到期或上级处理),此任务不再需要";
        }
        return deleteReason;
    }

    /** A process instance's end state in words. */
    private static String state(String state) {
        if (state == null) {
            return null;
        }
        return switch (state) {
            case "COMPLETED" -> "正常结束";
            case "EXTERNALLY_TERMINATED" -> "被人工终止";
            case "INTERNALLY_TERMINATED" -> "在流程内终止";
            case "SUSPENDED" -> "已挂起";
            case "ACTIVE" -> "办理中";
            default -> state;
        };
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

    /** The model's plumbing: gateways and joins, start and end events, intermediate throw and none events. */
    static boolean isTechnical(String type) {
        return type != null && (type.endsWith("Gateway") || type.endsWith("EndEvent") || type.equals("startEvent")
                || type.startsWith("start") || type.startsWith("intermediateNone")
                || (type.startsWith("intermediate") && type.contains("Throw")) || type.equals("multiInstanceBody"));
    }

    private static String activityType(String type) {
        if (type == null) {
            return "流程步骤";
        }
        return switch (type) {
            case "startEvent", "startTimerEvent", "messageStartEvent", "signalStartEvent" -> "开始事件";
            case "noneEndEvent", "endEvent", "errorEndEvent", "terminateEndEvent", "escalationEndEvent",
                    "messageEndEvent", "signalEndEvent", "cancelEndEvent", "compensationEndEvent" -> "结束事件";
            case "exclusiveGateway", "parallelGateway", "inclusiveGateway", "eventBasedGateway", "complexGateway" -> "网关";
            case "serviceTask", "sendTask", "scriptTask" -> "自动步骤";
            case "businessRuleTask" -> "决策表";
            case "boundaryTimer", "intermediateTimer" -> "定时器(期限)";
            case "boundaryEscalation", "intermediateThrowEscalation", "intermediateEscalationThrowEvent" -> "升级";
            case "boundaryError" -> "业务异常";
            case "boundaryMessage", "intermediateMessageCatch", "receiveTask" -> "等待消息";
            case "subProcess", "callActivity" -> "子流程";
            case "userTask", "manualTask", "task" -> "人工步骤";
            case "multiInstanceBody" -> "多实例";
            default -> type.contains("Throw") || type.startsWith("intermediate") ? "中间事件" : "流程步骤";
        };
    }

    private static Instant instant(java.util.Date date) {
        return date == null ? null : date.toInstant();
    }

    private static TimelineEntry process(java.util.Date at, String kind, String actor, String summary, String detail,
            String activityId) {
        return process(at == null ? null : at.toInstant(), kind, actor, summary, detail, activityId);
    }

    private static TimelineEntry process(Instant at, String kind, String actor, String summary, String detail,
            String activityId) {
        return new TimelineEntry(at, Source.PROCESS, kind, actor, summary, detail, activityId);
    }

    /** Whether one more operation of this kind is on record for the task (and counts it as used). */
    private static boolean take(Map<String, Integer> operations, String taskId) {
        Integer left = operations.get(taskId);
        if (left == null || left == 0) {
            return false;
        }
        operations.put(taskId, left - 1);
        return true;
    }
}
