package io.kefu.task;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;

/**
 * The engine's history event handler, without the events of a task's copy of its case card
 * ({@link CaseCardProvider#VARIABLE} and the {@link TaskCards#CARD_VARIABLES} that {@link KefuTaskListeners} sets
 * task-local when a task is created). Those copies are a derived display of the case for Tasklist, rewritten on every
 * task: history level FULL kept each of them twice (ACT_HI_VARINST and ACT_HI_DETAIL), six variables on every task, a
 * third of a case's history detail rows. What an auditor reads about a case comes from the domain records and the
 * engine's task, activity and operation history (the case timeline), and the case's own display variables (written
 * once, on the process instance) stay in history; a task's variables of any other name do as well.
 */
final class TaskCardHistory implements HistoryEventHandler {

    static final Set<String> TASK_COPIES = Set.copyOf(Stream.concat(Stream.of(CaseCardProvider.VARIABLE),
            TaskCards.CARD_VARIABLES.stream()).toList());

    private final HistoryEventHandler delegate;

    TaskCardHistory(HistoryEventHandler delegate) {
        this.delegate = delegate;
    }

    @Override
    public void handleEvent(HistoryEvent event) {
        if (!isTaskCardCopy(event)) {
            delegate.handleEvent(event);
        }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
        delegate.handleEvents(events.stream().filter(event -> !isTaskCardCopy(event)).toList());
    }

    static boolean isTaskCardCopy(HistoryEvent event) {
        return event instanceof HistoricVariableUpdateEventEntity variable && variable.getTaskId() != null
                && TASK_COPIES.contains(variable.getVariableName());
    }
}
