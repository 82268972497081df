package io.kefu.task;

import io.kefu.shared.time.Now;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes the personal data that earlier versions of Kefu left in the engine out of it, once per database, at startup
 * (recorded in {@code maintenance_step}; Flyway cannot do it, since on a fresh database it runs before Camunda creates
 * its tables):
 * <ul>
 *   <li>the history of the personal form fields ({@link PersonalFormFields}) and of every case card written so far,
 *   which showed contacts in full on some tasks: their rows in ACT_HI_VARINST and ACT_HI_DETAIL (variable updates and
 *   submitted form fields) and the byte arrays they point to;</li>
 *   <li>personal fields still among the runtime variables, removed through the engine;</li>
 *   <li>the case cards of open tasks, written again as they are written now (masked).</li>
 * </ul>
 * Running it again is harmless: it finds nothing personal left, and only writes the (masked) cards afresh — so two
 * nodes starting together may both run it. Runs before the demo data is made.
 */
@Component
@Order(0)
class PersonalDataCleanup implements ApplicationRunner {

    static final String STEP = "personal-data-out-of-engine";

    private static final Logger log = LoggerFactory.getLogger(PersonalDataCleanup.class);

    record Outcome(int historyRows, int byteArrays, int runtimeVariables, int cardsRewritten) {

        @Override
        public String toString() {
            return historyRows + " history rows, " + byteArrays + " byte arrays, " + runtimeVariables
                    + " runtime variables removed; " + cardsRewritten + " case cards rewritten masked";
        }
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final PersonalFormFields personalFields;
    private final KefuTaskListeners taskListeners;
    private final ProcessEngineConfigurationImpl engine;
    private final RuntimeService runtimeService;
    private final TaskService taskService;

    PersonalDataCleanup(JdbcTemplate jdbc, TransactionTemplate transaction, PersonalFormFields personalFields,
            KefuTaskListeners taskListeners, ProcessEngineConfigurationImpl engine, RuntimeService runtimeService,
            TaskService taskService) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.personalFields = personalFields;
        this.taskListeners = taskListeners;
        this.engine = engine;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
    }

    @Override
    public void run(ApplicationArguments args) {
        runOnce();
    }

    /** The cleanup, unless this database has had it; true when it ran now. */
    boolean runOnce() {
        if (done()) {
            return false;
        }
        Outcome outcome = cleanUp();
        try {
            jdbc.update("insert into maintenance_step (name, done_at, outcome) values (?, ?, ?)", STEP,
                    LocalDateTime.ofInstant(Now.instant(), ZoneOffset.UTC), outcome.toString());
        } catch (DataIntegrityViolationException anotherNodeRecordedItFirst) {
            // both did the same: nothing is lost
        }
        log.info("Personal data taken out of the engine's variables and history: {}", outcome);
        return true;
    }

    boolean done() {
        return jdbc.queryForObject("select count(*) from maintenance_step where name = ?", Integer.class, STEP) > 0;
    }

    /** Does the work; running it again finds nothing personal left. */
    Outcome cleanUp() {
        Outcome outcome = transaction.execute(status -> withoutPersonalData());
        int cards = 0;
        for (String taskId : jdbc.queryForList(
                "select TASK_ID_ from ACT_RU_VARIABLE where NAME_ = ? and TASK_ID_ is not null", String.class,
                CaseCardProvider.VARIABLE)) {
            rewriteCaseCard(taskId);
            cards++;
        }
        return new Outcome(outcome.historyRows(), outcome.byteArrays(), outcome.runtimeVariables(), cards);
    }

    private Outcome withoutPersonalData() {
        Set<String> personal = personalFields.names();
        Set<String> history = new LinkedHashSet<>(personal);
        history.add(CaseCardProvider.VARIABLE);

        String names = placeholders(history.size());
        Object[] args = history.toArray();
        List<String> byteArrays = new ArrayList<>();
        byteArrays.addAll(jdbc.queryForList("select BYTEARRAY_ID_ from ACT_HI_VARINST where BYTEARRAY_ID_ is not null"
                + " and NAME_ in (" + names + ")", String.class, args));
        byteArrays.addAll(jdbc.queryForList("select BYTEARRAY_ID_ from ACT_HI_DETAIL where BYTEARRAY_ID_ is not null"
                + " and NAME_ in (" + names + ")", String.class, args));
        // NAME_ is the variable's name for variable updates and the field's key for submitted form fields
        int historyRows = jdbc.update("delete from ACT_HI_DETAIL where NAME_ in (" + names + ")", args)
                + jdbc.update("delete from ACT_HI_VARINST where NAME_ in (" + names + ")", args);
        int deletedByteArrays = 0;
        for (List<String> chunk : chunks(new LinkedHashSet<>(byteArrays))) {
            deletedByteArrays += jdbc.update("delete from ACT_GE_BYTEARRAY where ID_ in (" + placeholders(chunk.size())
                    + ")", chunk.toArray());
        }

        int runtimeVariables = 0;
        if (!personal.isEmpty()) {
            for (var variable : runtimeService.createVariableInstanceQuery()
                    .variableNameIn(personal.toArray(String[]::new)).disableBinaryFetching()
                    .disableCustomObjectDeserialization().list()) {
                if (variable.getTaskId() != null) {
                    taskService.removeVariableLocal(variable.getTaskId(), variable.getName());
                } else {
                    runtimeService.removeVariableLocal(variable.getExecutionId(), variable.getName());
                }
                runtimeVariables++;
            }
        }
        return new Outcome(historyRows, deletedByteArrays, runtimeVariables, 0);
    }

    /**
     * The open task's card written again, as a new task's is (masked). A card that cannot be written (its record is
     * gone) is removed rather than left unmasked.
     */
    private void rewriteCaseCard(String taskId) {
        try {
            engine.getCommandExecutorTxRequired().execute(commandContext -> {
                TaskEntity task = commandContext.getTaskManager().findTaskById(taskId);
                if (task != null) {
                    taskListeners.writeCaseCard(task);
                }
                return null;
            });
        } catch (RuntimeException e) {
            log.warn("Case card of task {} cannot be written again ({}); removed", taskId, e.getMessage());
            taskService.removeVariableLocal(taskId, CaseCardProvider.VARIABLE);
        }
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    private static List<List<String>> chunks(Collection<String> ids) {
        List<String> all = List.copyOf(ids);
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += 500) {
            chunks.add(all.subList(from, Math.min(all.size(), from + 500)));
        }
        return chunks;
    }
}
