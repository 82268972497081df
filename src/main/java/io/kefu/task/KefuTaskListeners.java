package io.kefu.task;

import io.kefu.customer.PersonalData;
import io.kefu.shared.PlugIns;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Rules every user task of every process follows, whatever a manager models, added when a BPMN is deployed:
 * <ul>
 *   <li><b>Recusal</b> (被投诉人应当回避): the user the process's {@link CaseRecusal} names from the case record never
 *   receives a task of the case — candidate groups become their members minus that user, and assigning it to them
 *   fails. The process variable {@value #RECUSED_USER}, where a process keeps it, is for information only: a client
 *   able to write variables must not be able to un-recuse anyone;</li>
 *   <li><b>Case card</b>: the task gets its {@link CaseCardProvider#VARIABLE} for the form to show, without personal
 *   data in full (providers mask contacts; mobile numbers quoted in free text are masked here);</li>
 *   <li><b>Priority</b>: a task of a case the decision table prioritised has that priority (see
 *   {@link #followCasePriority});</li>
 *   <li><b>Completion</b>: every {@link StepCompletion} rule runs when the task completes.</li>
 * </ul>
 */
@Component
public class KefuTaskListeners extends AbstractProcessEnginePlugin implements SmartInitializingSingleton {

    /** Written by some processes for information; no decision reads it. */
    public static final String RECUSED_USER = "recusedUser";
    /**
     * When every candidate is recused, the task goes to the supervisors, and when the complained-about employee is
     * the only supervisor, to the managers — as users, so the recused person is never among them.
     */
    static final List<String> FALLBACK_GROUPS = List.of("supervisors", "managers");

    private final PlugIns<CaseCardProvider> cardProviders;
    private final PlugIns<CaseRecusal> recusals;
    private final PlugIns<CaseCardSection> cardSections;
    private final PlugIns<StepCompletion> completions;

    KefuTaskListeners(ObjectProvider<CaseCardProvider> cardProviders, ObjectProvider<CaseRecusal> recusals,
            ObjectProvider<CaseCardSection> cardSections, ObjectProvider<StepCompletion> completions) {
        this.cardProviders = new PlugIns<>(cardProviders);
        this.recusals = new PlugIns<>(recusals);
        this.cardSections = new PlugIns<>(cardSections);
        this.completions = new PlugIns<>(completions);
    }

    @Override
    public void afterSingletonsInstantiated() {
        List.of(cardProviders, recusals, cardSections, completions).forEach(PlugIns::keep);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                var definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
                definition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, KefuTaskListeners.this::onCreate);
                definition.addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, KefuTaskListeners.this::onAssignment);
                definition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE,
                        task -> completions.get().forEach(rule -> rule.completed(task)));
            }
        });
    }

    /** The task's copies of its case card stay out of history ({@link TaskCardHistory}). */
    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setHistoryEventHandler(new TaskCardHistory(configuration.getHistoryEventHandler()));
    }

    void onCreate(DelegateTask task) {
        recuse(task, recusedUser(task));
        writeCaseCard(task);
        followCasePriority(task);
        showCardVariables(task);
    }

    /**
     * The case's display variables ({@link TaskCards}), written once on the case at registration, are copied onto the
     * task: Tasklist's cards read variables with the reader's rights, and assignees and candidates may read their
     * task's variables ({@code READ_VARIABLE}) but not the case's (only overseers have {@code READ_INSTANCE_VARIABLE}).
     * Tasklist's search by case number or customer code reads the case's copy. A task whose case has no priority label
     * gets the one its task priority stands for, so every card says its priority in words.
     */
    static void showCardVariables(DelegateTask task) {
        if (task.getExecution() == null) {
            return;
        }
        for (String name : TaskCards.CARD_VARIABLES) {
            Object value = task.getExecution().getVariable(name);
            if (value != null) {
                task.setVariableLocal(name, value);
            }
        }
        if (task.getVariableLocal(TaskCards.PRIORITY_LABEL) == null) {
            // a case without a priority table still shows its priority in words, the one its task priority stands for
            task.setVariableLocal(TaskCards.PRIORITY_LABEL, CasePriority.ofTaskPriority(task.getPriority()).label());
        }
    }

    /**
     * A task of a case whose decision table gave it a priority ({@value TaskCards#PRIORITY_LABEL}, P1…P4) takes that
     * priority (P1 = 100 … P4 = 25), so that Tasklist's priority column and sort say what the case card says.
     */
    static void followCasePriority(DelegateTask task) {
        if (task.getExecution() == null) {
            return;
        }
        CasePriority.of(task.getExecution().getVariable(TaskCards.PRIORITY_LABEL))
                .ifPresent(priority -> task.setPriority(priority.taskPriority()));
    }

    /**
     * Writes the task's case card. Any mobile number a free text quotes is masked as well: the card is a variable that
     * candidates and auditors can read (the engine's history leaves it out, see {@link TaskCardHistory}).
     */
    void writeCaseCard(DelegateTask task) {
        String processKey = processKey(task);
        StringBuilder card = new StringBuilder();
        cardProviders.get().stream()
                .filter(provider -> provider.processKey().equals(processKey))
                .findFirst()
                .map(provider -> provider.caseSummary(task))
                .ifPresent(card::append);
        cardSections.get().stream().map(section -> section.section(task))
                .filter(text -> text != null && !text.isBlank())
                .forEach(text -> card.append(card.isEmpty() ? "" : "\n\n").append(text));
        if (!card.isEmpty()) {
            task.setVariableLocal(CaseCardProvider.VARIABLE, fitted(PersonalData.maskPhoneNumbersIn(card.toString())));
        }
    }

    /** Camunda keeps a String variable in a varchar(4000) column: a longer card would make creating the task fail. */
    static final int MAX_CARD_LENGTH = 4000;
    static final String CARD_CUT = "\n\n……(内容过长,完整记录见投诉详情)";

    static String fitted(String card) {
        if (card == null || card.length() <= MAX_CARD_LENGTH) {
            return card;
        }
        int end = MAX_CARD_LENGTH - CARD_CUT.length();
        if (Character.isHighSurrogate(card.charAt(end - 1))) {
            end--;
        }
        return card.substring(0, end) + CARD_CUT;
    }

    void onAssignment(DelegateTask task) {
        if (task.getAssignee() == null) {
            return;
        }
        String recused = recusedUser(task);
        if (recused != null && recused.equals(task.getAssignee())) {
            throw new ProcessEngineException("被投诉人须回避本案,不能处理此任务 (" + recused + ")");
        }
    }

    /**
     * Takes the candidate groups off a task that is being created. {@code deleteCandidateGroup} cannot: it looks the
     * links up in the database, where the new task's links are not yet, so they would stay. And Camunda granted each
     * candidate group the task itself (authorizations on); removing a link does not take that grant back.
     */
    private static void withdrawCandidateGroups(TaskEntity task, CommandContext commandContext) {
        List<IdentityLinkEntity> links = task.getIdentityLinks();
        for (IdentityLinkEntity link : List.copyOf(links)) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                link.delete();
                links.remove(link);
                commandContext.getDbEntityManager().getCachedEntitiesByType(AuthorizationEntity.class).stream()
                        .filter(grant -> grant.getResourceType() == Resources.TASK.resourceType()
                                && task.getId().equals(grant.getResourceId())
                                && link.getGroupId().equals(grant.getGroupId()))
                        .forEach(grant -> commandContext.getDbEntityManager().delete(grant));
            }
        }
    }

    /** Who the case record says is recused, asked of the task's process's {@link CaseRecusal}; none, nobody. */
    private String recusedUser(DelegateTask task) {
        return DepartmentHandlers.recusedUser(recusals.get(), task.getExecution());
    }

    private static String processKey(DelegateTask task) {
        return ((ExecutionEntity) task.getExecution()).getProcessDefinition().getKey();
    }

    private static void recuse(DelegateTask task, String recused) {
        if (recused == null) {
            return;
        }
        if (recused.equals(task.getAssignee())) {
            task.setAssignee(null);
            task.addCandidateGroup(FALLBACK_GROUPS.get(0));
        }
        List<String> groups = task.getCandidates().stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId)
                .toList();
        if (groups.isEmpty()) {
            return;
        }
        CommandContext commandContext = Context.getCommandContext();
        Set<String> users = membersExcept(groups, recused, commandContext);
        for (String fallback : FALLBACK_GROUPS) {
            if (users.isEmpty()) {
                users = membersExcept(List.of(fallback), recused, commandContext);
            }
        }
        withdrawCandidateGroups((TaskEntity) task, commandContext);
        task.addCandidateUsers(users);
    }

    private static Set<String> membersExcept(List<String> groups, String recused, CommandContext commandContext) {
        Set<String> users = new HashSet<>();
        commandContext.disableAuthorizationCheck();
        try {
            var identity = Context.getProcessEngineConfiguration().getIdentityService();
            for (String group : groups) {
                identity.createUserQuery().memberOfGroup(group).list().stream()
                        .map(User::getId)
                        .filter(id -> !id.equals(recused))
                        .forEach(users::add);
            }
        } finally {
            commandContext.enableAuthorizationCheck();
        }
        return users;
    }
}
