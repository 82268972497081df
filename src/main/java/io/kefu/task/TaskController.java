package io.kefu.task;

import io.kefu.identity.CurrentUser;
import io.kefu.shared.ConflictException;
import io.kefu.shared.InvalidInputException;
import io.kefu.shared.NotFoundException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The work list for other front ends than Tasklist: my tasks, claim, complete. Runs as the logged-in user inside the
 * engine, so Camunda's authorizations decide exactly as in Tasklist.
 */
@RestController
@RequestMapping("/api/tasks")
class TaskController {

    record TaskView(String id, String name, String taskKey, String processInstanceId, String businessKey,
            String assignee, Date created, Date due, int priority) {
    }

    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final HistoryService historyService;
    private final IdentityService identityService;
    private final DeclaredFormFields declaredFields;
    /**
     * A claim or a completion is one transaction: its look-ups, the claim and the completion share one connection
     * and one commit (each engine call would otherwise commit on its own), and a completion that fails keeps nothing,
     * not even the claim it made on the way.
     */
    private final TransactionTemplate transaction;

    TaskController(TaskService taskService, HistoryService historyService, IdentityService identityService,
            RuntimeService runtimeService, DeclaredFormFields declaredFields, PlatformTransactionManager transactions) {
        this.declaredFields = declaredFields;
        this.transaction = new TransactionTemplate(transactions);
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.historyService = historyService;
        this.identityService = identityService;
    }

    /**
     * Tasks assigned to me, then tasks I (or my groups) may claim, a page at a time: each section is sorted by the
     * page's sort (due date first by default) and read with the engine's paged query, so a request reads at most one
     * page of tasks however many are open. {@code totalElements} counts both sections.
     */
    @GetMapping
    Page<TaskView> mine(@PageableDefault(size = 50, sort = "due", direction = Sort.Direction.ASC) Pageable page) {
        CurrentUser user = CurrentUser.get();
        requireKnown(page.getSort());
        long first = page.getOffset();
        int size = page.getPageSize();
        record Section(List<Task> tasks, long total) {
        }
        Section section = asUser(user, () -> {
            TaskQuery assigned = sorted(taskService.createTaskQuery().taskAssignee(user.id()), page.getSort());
            TaskQuery offered = sorted(taskService.createTaskQuery().taskCandidateUser(user.id()), page.getSort());
            long assignedCount = assigned.count();
            List<Task> found = new ArrayList<>(size);
            if (first < assignedCount) {
                found.addAll(assigned.listPage((int) first, size));
            }
            if (found.size() < size) {
                int offeredFirst = (int) Math.max(0, first - assignedCount);
                found.addAll(offered.listPage(offeredFirst, size - found.size()));
            }
            return new Section(found, assignedCount + offered.count());
        });
        Map<String, String> caseNumbers = caseNumbers(section.tasks());
        List<TaskView> views = section.tasks().stream()
                .map(task -> view(task, caseNumbers.get(task.getProcessInstanceId()))).toList();
        return new PageImpl<>(views, page, section.total());
    }

    /** The properties the list sorts by, named as in {@link TaskView}, and the engine's ordering for each. */
    private static final Map<String, Function<TaskQuery, TaskQuery>> ORDER_BY = Map.of(
            "due", TaskQuery::orderByDueDate, "created", TaskQuery::orderByTaskCreateTime,
            "priority", TaskQuery::orderByTaskPriority, "name", TaskQuery::orderByTaskName, "id", TaskQuery::orderByTaskId);

    /** The page's sort, then the task id, so that pages neither repeat nor skip tasks with equal sort values. */
    private static TaskQuery sorted(TaskQuery query, Sort sort) {
        boolean byId = false;
        for (Sort.Order order : sort) {
            ORDER_BY.get(order.getProperty()).apply(query);
            if (order.isAscending()) {
                query.asc();
            } else {
                query.desc();
            }
            byId |= order.getProperty().equals("id");
        }
        if (!byId) {
            query.orderByTaskId().asc();
        }
        return query;
    }

    /** 400 naming {@code sort} for a property the list cannot be sorted by. */
    private static void requireKnown(Sort sort) {
        for (Sort.Order order : sort) {
            if (!ORDER_BY.containsKey(order.getProperty())) {
                throw InvalidInputException.of("sort", "只能按 due、created、priority、name、id 排序");
            }
        }
    }

    @PostMapping("/{taskId}/claim")
    TaskView claim(@PathVariable String taskId) {
        CurrentUser user = CurrentUser.get();
        return transaction.execute(status -> claim(taskId, user));
    }

    private TaskView claim(String taskId, CurrentUser user) {
        Task task = visible(taskId, user);
        if (task.getAssignee() != null && !task.getAssignee().equals(user.id())) {
            throw new ConflictException("任务已被 " + task.getAssignee() + " 认领");
        }
        asUser(user, () -> {
            taskService.claim(taskId, user.id());
            return null;
        });
        // the task as read above, now the user's: read again, it would answer the same
        return view(task, caseNumbers(List.of(task)).get(task.getProcessInstanceId()), user.id());
    }

    /** Completes my task with the form's values; an unassigned task I may claim is claimed first. */
    @PostMapping("/{taskId}/complete")
    void complete(@PathVariable String taskId, @RequestBody(required = false) Map<String, Object> variables) {
        CurrentUser user = CurrentUser.get();
        try (var sameForm = declaredFields.remembering()) {
            transaction.executeWithoutResult(status -> complete(taskId, variables, user));
        }
    }

    private void complete(String taskId, Map<String, Object> variables, CurrentUser user) {
        Task task = visible(taskId, user);
        if (task.getAssignee() != null && !task.getAssignee().equals(user.id())) {
            throw new AccessDeniedException("task " + taskId + " is assigned to " + task.getAssignee());
        }
        asUser(user, () -> {
            requireDeclared(taskId, variables);
            if (task.getAssignee() == null) {
                taskService.claim(taskId, user.id());
            }
            taskService.complete(taskId, variables == null ? Map.of() : variables);
            return null;
        });
    }

    /**
     * Like a form submission through the engine REST API ({@link DeclaredFormFields}): only the fields the task's form
     * declares — never a case id, an owner or a recused user the form does not ask for. 400 naming the others.
     */
    private void requireDeclared(String taskId, Map<String, Object> variables) {
        if (variables == null || variables.isEmpty()) {
            return;
        }
        declaredFields.ofTask(taskId).ifPresent(declared -> {
            Map<String, String> unknown = new TreeMap<>();
            variables.keySet().stream().filter(name -> !declared.contains(name))
                    .forEach(name -> unknown.put(name, "表单未声明此字段"));
            if (!unknown.isEmpty()) {
                throw new InvalidInputException(unknown);
            }
        });
    }

    /**
     * 404 for a task that never existed, 409 for one already completed. Looked up outside {@link #asUser}, without the
     * user's authorizations: a user who may not read the history must still be told that the task is done.
     */
    private void requireOpen(String taskId, CurrentUser user) {
        if (taskService.createTaskQuery().taskId(taskId).count() > 0) {
            return;
        }
        HistoricTaskInstance done = historyService.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
        if (done != null && done.getEndTime() != null) {
            throw new ConflictException("任务已由" + (user.id().equals(done.getAssignee()) ? "您" : "其他用户") + "完成");
        }
        throw new NotFoundException("任务 " + taskId + " 不存在");
    }

    /**
     * The open task as the user sees it. One they cannot see is then looked up without their authorizations
     * ({@link #requireOpen}: 404 or 409), and if it is open, it is none of theirs: forbidden (403).
     */
    private Task visible(String taskId, CurrentUser user) {
        Task task = asUser(user, () -> taskService.createTaskQuery().taskId(taskId).singleResult());
        if (task == null) {
            requireOpen(taskId, user);
            throw new AccessDeniedException("task " + taskId + " is not visible to " + user.id());
        }
        return task;
    }

    private <T> T asUser(CurrentUser user, Supplier<T> work) {
        identityService.setAuthentication(user.id(), List.copyOf(user.groups()));
        try {
            return work.get();
        } finally {
            identityService.clearAuthentication();
        }
    }

    /**
     * The case numbers (business keys) of the tasks' process instances — one page's at most — in one query. Read
     * without the user's authorizations: the tasks themselves were already read with them.
     */
    private Map<String, String> caseNumbers(List<Task> tasks) {
        String[] ids = tasks.stream().map(Task::getProcessInstanceId).filter(Objects::nonNull).distinct()
                .toArray(String[]::new);
        if (ids.length == 0) {
            return Map.of();
        }
        return runtimeService.createProcessInstanceQuery().processInstanceIds(Set.of(ids)).list().stream()
                .filter(instance -> instance.getBusinessKey() != null)
                .collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey));
    }

    private static TaskView view(Task task, String caseNumber) {
        return view(task, caseNumber, task.getAssignee());
    }

    private static TaskView view(Task task, String caseNumber, String assignee) {
        return new TaskView(task.getId(), task.getName(), task.getTaskDefinitionKey(), task.getProcessInstanceId(),
                caseNumber, assignee, task.getCreateTime(), task.getDueDate(), task.getPriority());
    }
}
