package io.kefu.task;

import io.kefu.shared.AuthorizationChecks;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import io.kefu.shared.PlugIns;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * 指派专人跟进处理: a department's step goes to one named handler, so that nobody has to claim it. The BPMN names the
 * handler with {@code camunda:assignee="${handlers.balanced(execution, <the department's group>)}"} and keeps the
 * department as candidate group, the fallback: when no member may take it, the expression gives no assignee and the
 * department (or, when recusal empties it, the supervisors: {@link KefuTaskListeners}) claims it as before; and a
 * handler who hands the task back leaves it to the department.
 * <p>
 * Balanced load: of the group's members, never the one the case's {@link CaseRecusal} names, the one with the fewest
 * open tasks assigned; ties go to the smallest user id, so that the same state always picks the same person.
 */
@Component("handlers")
public class DepartmentHandlers implements SmartInitializingSingleton {

    private final PlugIns<CaseRecusal> recusals;
    private final ObjectProvider<IdentityService> identity;
    private final ObjectProvider<TaskService> tasks;

    DepartmentHandlers(ObjectProvider<CaseRecusal> recusals, ObjectProvider<IdentityService> identity,
            ObjectProvider<TaskService> tasks) {
        this.recusals = new PlugIns<>(recusals);
        this.identity = identity;
        this.tasks = tasks;
    }

    @Override
    public void afterSingletonsInstantiated() {
        recusals.keep();
    }

    /** The handler of this case's step in {@code group}, or null (the group works it) when no member may. */
    public String balanced(DelegateExecution execution, String group) {
        if (group == null) {
            return null;
        }
        return leastLoaded(group, recusedUser(recusals.get(), execution)).orElse(null);
    }

    /** The member of {@code group}, other than {@code recused}, with the fewest open tasks assigned; ties by id. */
    public Optional<String> leastLoaded(String group, String recused) {
        return withoutAuthorizationCheck(() -> {
            List<String> members = identity.getObject().createUserQuery().memberOfGroup(group).list().stream()
                    .map(User::getId)
                    .filter(id -> !id.equals(recused))
                    .toList();
            return members.stream()
                    .map(id -> new Load(id, tasks.getObject().createTaskQuery().taskAssignee(id).count()))
                    .min(Comparator.comparingLong(Load::openTasks).thenComparing(Load::user))
                    .map(Load::user);
        });
    }

    private record Load(String user, long openTasks) {
    }

    /**
     * Who is recused from the execution's case, asked of the {@link CaseRecusal} of its process; null when the process
     * has none or nobody is.
     */
    static String recusedUser(List<CaseRecusal> recusals, DelegateExecution execution) {
        if (execution == null) {
            return null;
        }
        String processKey = ((ExecutionEntity) execution).getProcessDefinition().getKey();
        return recusals.stream()
                .filter(recusal -> recusal.processKey().equals(processKey))
                .findFirst()
                .map(recusal -> recusal.recusedUser(execution))
                .orElse(null);
    }

    /**
     * Choosing a handler reads every member and their workload whoever starts the step: inside the engine's command
     * (a task being created while an agent is logged in) the reader's authorizations do not apply.
     */
    private static <T> T withoutAuthorizationCheck(Supplier<T> query) {
        CommandContext commandContext = Context.getCommandContext();
        return commandContext == null ? query.get()
                : AuthorizationChecks.withoutAuthorizationCheck(commandContext, query);
    }
}
