package io.kefu.task;

import io.kefu.identity.CurrentUser;
import io.kefu.identity.KefuGroups.Department;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Service;

/**
 * An agent's day at a glance (the console's home): the open tasks due today and those past their deadline, of the
 * user or offered to them, and the steps of their cases that wait on a department. Every list is one bounded query
 * ({@value #SHOWN} rows and a count), never all tasks.
 */
@Service
public class Worklist {

    /** How many rows a home section shows; the count says how many there are. */
    public static final int SHOWN = 10;

    /** A task as the home lists it; {@code caseKey} opens the case page. */
    public record WorkItem(String caseKey, String step, Instant dueAt, String assignee, String department) {
    }

    /** Up to {@value #SHOWN} items, and how many there are in all. */
    public record Section(List<WorkItem> items, long total) {
    }

    private final TaskService tasks;
    private final RuntimeService runtime;

    Worklist(TaskService tasks, RuntimeService runtime) {
        this.tasks = tasks;
        this.runtime = runtime;
    }

    /** Open tasks of the user (assigned or offered) due later today. */
    public Section dueToday(CurrentUser user, Instant now, ZoneId zone) {
        Instant endOfDay = LocalDate.ofInstant(now, zone).plusDays(1).atStartOfDay(zone).toInstant();
        return section(mine(user).dueAfter(java.util.Date.from(now)).dueBefore(java.util.Date.from(endOfDay)));
    }

    /** Open tasks of the user (assigned or offered) past their deadline. */
    public Section breached(CurrentUser user, Instant now) {
        return section(mine(user).dueBefore(java.util.Date.from(now)));
    }

    /**
     * The open steps of the given cases (process instance ids, e.g. the user's own open cases) that a department
     * works: offered to a department's group, whether or not one of its members handles it; the latest referral
     * first (some of these steps have no deadline, and databases put those first in a due-date order).
     */
    public Section waitingOnDepartment(Collection<String> processInstanceIds) {
        if (processInstanceIds.isEmpty()) {
            return new Section(List.of(), 0);
        }
        String[] departments = Arrays.stream(Department.values()).map(Department::groupId).toArray(String[]::new);
        TaskQuery query = tasks.createTaskQuery().processInstanceIdIn(processInstanceIds.toArray(String[]::new))
                .taskCandidateGroupIn(List.of(departments)).includeAssignedTasks();
        return section(query, query.orderByTaskCreateTime().desc());
    }

    private TaskQuery mine(CurrentUser user) {
        return tasks.createTaskQuery().or().taskAssignee(user.id()).taskCandidateUser(user.id()).endOr();
    }

    /** Due first: the lists that have a deadline by definition. */
    private Section section(TaskQuery query) {
        return section(query, query.orderByDueDate().asc());
    }

    private Section section(TaskQuery query, TaskQuery ordered) {
        long total = query.count();
        List<Task> shown = total == 0 ? List.of() : ordered.listPage(0, SHOWN);
        Map<String, String> caseKeys = caseKeys(shown);
        Map<String, String> departments = departments(shown);
        return new Section(shown.stream().map(task -> new WorkItem(
                caseKeys.getOrDefault(task.getProcessInstanceId(), task.getProcessInstanceId()), task.getName(),
                task.getDueDate() == null ? null : task.getDueDate().toInstant(), task.getAssignee(),
                departments.get(task.getId()))).toList(), total);
    }

    /** The business key (case number) of each task's process instance, in one query. */
    private Map<String, String> caseKeys(List<Task> shown) {
        Set<String> ids = shown.stream().map(Task::getProcessInstanceId).filter(id -> id != null)
                .collect(Collectors.toSet());
        Map<String, String> keys = new HashMap<>();
        if (!ids.isEmpty()) {
            for (ProcessInstance instance : runtime.createProcessInstanceQuery().processInstanceIds(ids).list()) {
                if (instance.getBusinessKey() != null) {
                    keys.put(instance.getId(), instance.getBusinessKey());
                }
            }
        }
        return keys;
    }

    /** The department a shown task is offered to, in words (仓储部); at most {@value #SHOWN} look-ups. */
    private Map<String, String> departments(List<Task> shown) {
        Map<String, String> labels = new HashMap<>();
        for (Task task : shown) {
            for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
                if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                    Arrays.stream(Department.values()).filter(d -> d.groupId().equals(link.getGroupId())).findFirst()
                            .ifPresent(d -> labels.put(task.getId(), d.label()));
                }
            }
        }
        return labels;
    }
}
