package io.kefu.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/** 指派专人 by balanced load, on a group of its own so that no other test's work counts. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class DepartmentHandlersTest {

    @Autowired
    DepartmentHandlers handlers;
    @Autowired
    IdentityService identityService;
    @Autowired
    TaskService taskService;

    final String suffix = UUID.randomUUID().toString().substring(0, 8);
    final String group = "test-handlers-" + suffix;
    final List<String> users = new ArrayList<>();
    final List<String> tasks = new ArrayList<>();

    @BeforeEach
    void aGroupOfThree() {
        identityService.saveGroup(identityService.newGroup(group));
        for (String name : List.of("c", "a", "b")) {
            String id = member(name);
            User user = identityService.newUser(id);
            user.setPassword(id);
            identityService.saveUser(user);
            identityService.createMembership(id, group);
            users.add(id);
        }
    }

    @AfterEach
    void cleanUp() {
        tasks.forEach(id -> taskService.deleteTask(id, true));
        users.forEach(identityService::deleteUser);
        identityService.deleteGroup(group);
    }

    @Test
    void theMemberWithTheFewestOpenTasksIsChosen() {
        give(member("a"), 2);
        give(member("b"), 1);
        give(member("c"), 3);
        assertThat(handlers.leastLoaded(group, null)).contains(member("b"));
    }

    @Test
    void equalLoadsGoToTheSmallestIdSoThatTheChoiceIsAlwaysTheSame() {
        give(member("a"), 1);
        give(member("b"), 1);
        give(member("c"), 1);
        assertThat(handlers.leastLoaded(group, null)).contains(member("a"));
        give(member("a"), 1);
        assertThat(handlers.leastLoaded(group, null)).contains(member("b"));
    }

    @Test
    void theRecusedMemberIsNeverChosenAndAGroupOfOnlyThemHasNoHandler() {
        give(member("b"), 5);
        give(member("c"), 5);
        assertThat(handlers.leastLoaded(group, member("a"))).contains(member("b"));
        identityService.deleteMembership(member("b"), group);
        identityService.deleteMembership(member("c"), group);
        assertThat(handlers.leastLoaded(group, member("a"))).as("the group claims it instead").isEmpty();
        assertThat(handlers.leastLoaded("no-such-group-" + group, null)).isEmpty();
    }

    private String member(String name) {
        return "th" + suffix + name;
    }

    private void give(String user, int count) {
        for (int i = 0; i < count; i++) {
            Task task = taskService.newTask();
            task.setName("测试待办");
            task.setAssignee(user);
            taskService.saveTask(task);
            tasks.add(task.getId());
        }
    }
}
