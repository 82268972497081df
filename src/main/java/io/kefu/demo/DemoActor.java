package io.kefu.demo;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Demo steps done as a demo user: known to the engine (history, authorizations) and to Spring Security (whom Envers'
 * revisions name), so timelines and record changes show who did what, not "system".
 */
final class DemoActor {

    static <T> T as(IdentityService identityService, String user, Supplier<T> work) {
        List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId)
                .toList();
        identityService.setAuthentication(user, groups);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, List.of()));
        try {
            return work.get();
        } finally {
            identityService.clearAuthentication();
            SecurityContextHolder.clearContext();
        }
    }

    /**
     * As the user: the task {@code which} finds, claimed unless somebody has it, completed with the form. Nothing
     * when there is no such task.
     */
    static void complete(IdentityService identityService, TaskService taskService, String user, Supplier<Task> which,
            Map<String, Object> form) {
        as(identityService, user, () -> {
            Task task = which.get();
            if (task != null) {
                if (task.getAssignee() == null) {
                    taskService.claim(task.getId(), user);
                }
                taskService.complete(task.getId(), form);
            }
            return null;
        });
    }

    private DemoActor() {
    }
}
