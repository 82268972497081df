package io.kefu.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

/** How the process tests find a case's open step, work it as a user, and read who it is offered to. */
public final class ProcessTasks {

    /** The case's one open task of this step; fails the test when there is none. */
    public static Task open(TaskService tasks, ProcessInstance process, String key) {
        Task task = tasks.createTaskQuery().processInstanceId(process.getId()).taskDefinitionKey(key).singleResult();
        assertThat(task).as("open task %s", key).isNotNull();
        return task;
    }

    /** The user claims the step where it is offered to a group, then submits the form. */
    public static void complete(TaskService tasks, ProcessInstance process, String key, String user,
            Map<String, Object> form) {
        Task task = open(tasks, process, key);
        if (task.getAssignee() == null) {
            tasks.claim(task.getId(), user);
        }
        tasks.complete(task.getId(), form);
    }

    /** The groups the task is offered to. */
    public static Set<String> candidateGroups(TaskService tasks, Task task) {
        return tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .map(IdentityLink::getGroupId).collect(Collectors.toSet());
    }

    private ProcessTasks() {
    }
}
