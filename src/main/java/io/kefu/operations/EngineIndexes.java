package io.kefu.operations;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Indexes on the engine's own tables that Camunda's schema does not create and that Kefu's use of the engine needs,
 * created once the engine has created or checked its schema (so on a fresh database too) and only where missing.
 *
 * <p>{@value #FORM_DEFINITION_INDEX}: every task step binds its form with {@code camunda:formRefBinding="latest"}, so
 * each submission, each form Tasklist shows and Kefu's own check of a submission look up the latest version of a
 * Camunda Form by key. The engine's query joins the form table to its own "latest version per key" grouping, and
 * without an index on the key H2 read the whole form table for every row of it (one of the slowest statements of a
 * complaint case in the benchmark, see docs/benchmark.md). With the index both sides are index look-ups.
 *
 * <p>{@value #TASK_DUE_DATE_INDEX}: the task lists Kefu ships (我的待办, 今天到期, 已超时) order or bound their tasks by due
 * date, and the engine indexes a task's creation time but not its due date; with the index, 今天到期 and 已超时 read
 * the tasks due in their window instead of every task the user may see.
 *
 * <p>{@value #VARIABLE_BY_INSTANCE_INDEX}: a task list or search by a case's variable (the filter 我负责的案件 by
 * {@code ownerId}, Tasklist's search by case number or customer code) asks, for each task, whether its process
 * instance has a variable of that name and value. The engine's own index for variables by name leads with the task
 * (null for a case's variables), so on H2 every task's question read every case's variable of that name: with 100,000
 * open cases a list did not answer in minutes. By name and process instance, each question is one index look-up.
 *
 * <p>{@value #VARIABLE_BY_VALUE_INDEX}, on MySQL and MariaDB only: the same questions, asked the other way round.
 * MariaDB turns the engine's "has the case a variable of this name and value" into a semi-join and, with this index,
 * starts from the few variables that hold the value (the user's own cases) instead of from every task: at 100,000 open
 * tasks, 200 of them the user's, 我负责的案件's count took 500 ms and takes 22 ms, its list 1.2 s and 0.26 s (p50,
 * docs/benchmark.md, "Scale"). The value is indexed by its first 100 characters (MySQL indexes a long text only by a
 * prefix; user ids, case numbers and customer codes are far shorter, and the database checks the whole value of each
 * row it finds). H2 asks the question task by task whatever the indexes, so it does not get this one: it would cost
 * every variable write and serve no query.
 *
 * <p>Several nodes starting together may race to create an index; the loser finds it there and says nothing. An index
 * is never worth a refused start: a failure is logged and the engine runs on without it.
 */
@Component
class EngineIndexes extends AbstractProcessEnginePlugin {

    static final String FORM_DEFINITION_INDEX = "KEFU_IDX_CAMFORMDEF_KEY_VER";
    static final String TASK_DUE_DATE_INDEX = "KEFU_IDX_TASK_DUE_DATE";
    static final String VARIABLE_BY_INSTANCE_INDEX = "KEFU_IDX_VARIABLE_NAME_PROCINST";
    static final String VARIABLE_BY_VALUE_INDEX = "KEFU_IDX_VARIABLE_NAME_TEXT";

    /**
     * An index: its name, its table (without the engine's table prefix), its columns in order (a column may carry a
     * prefix length, as MySQL writes it), and whether only MySQL and MariaDB get it.
     */
    record Index(String name, String table, List<String> columns, boolean mysqlOnly) {

        Index(String name, String table, List<String> columns) {
            this(name, table, columns, false);
        }

        /** Whether a database of the engine's type (as Camunda determined it: "h2", "mysql", …) gets it. */
        boolean appliesTo(String databaseType) {
            return !mysqlOnly || isMySql(databaseType);
        }
    }

    static final List<Index> INDEXES = List.of(
            new Index(FORM_DEFINITION_INDEX, "ACT_RE_CAMFORMDEF", List.of("KEY_", "VERSION_")),
            new Index(TASK_DUE_DATE_INDEX, "ACT_RU_TASK", List.of("DUE_DATE_")),
            // the task id as well: a case's variable has none, and H2 takes the index matching the most of the question;
            // led by the name, not the instance, so that MySQL keeps its own index for the foreign key on the instance
            new Index(VARIABLE_BY_INSTANCE_INDEX, "ACT_RU_VARIABLE", List.of("NAME_", "PROC_INST_ID_", "TASK_ID_")),
            new Index(VARIABLE_BY_VALUE_INDEX, "ACT_RU_VARIABLE", List.of("NAME_", "TEXT_(100)"), true));

    private static final Logger log = LoggerFactory.getLogger(EngineIndexes.class);

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        var configuration = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        ensure(configuration.getDataSource(), configuration.getDatabaseTablePrefix(), configuration.getDatabaseType());
    }

    /** Creates every missing index the database gets; returns the names of those it created. */
    static List<String> ensure(DataSource dataSource, String tablePrefix, String databaseType) {
        try (Connection connection = dataSource.getConnection()) {
            return INDEXES.stream().filter(index -> index.appliesTo(databaseType))
                    .filter(index -> create(connection, tablePrefix, index)).map(Index::name).toList();
        } catch (SQLException e) {
            log.warn("Engine indexes not checked: {}", e.getMessage());
            return List.of();
        }
    }

    private static boolean create(Connection connection, String tablePrefix, Index index) {
        String table = tablePrefix + index.table();
        try {
            if (exists(connection, table, index.name())) {
                return false;
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("create index " + index.name() + " on " + table + " ("
                        + String.join(", ", index.columns()) + ")");
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            log.info("Created index {} on {} {}", index.name(), table, index.columns());
            return true;
        } catch (SQLException e) {
            if (!exists(connection, table, index.name())) {
                log.warn("Index {} on {} not created: {}", index.name(), table, e.getMessage());
            }
            return false;
        }
    }

    /** MySQL or MariaDB, by the engine's database type (Camunda knows both as "mysql"). */
    static boolean isMySql(String databaseType) {
        return DbSqlSessionFactory.MYSQL.equals(databaseType);
    }

    static boolean exists(Connection connection, String table, String indexName) {
        return indexes(connection, table).containsKey(indexName.toUpperCase(Locale.ROOT));
    }

    /**
     * A table's indexes as the database reports them: each name (in upper case) with its columns in order; none when
     * the database cannot say. Camunda's scripts name the tables in upper case, as H2 keeps them and MySQL looks them
     * up.
     */
    static Map<String, List<String>> indexes(Connection connection, String table) {
        Map<String, List<String>> indexes = new LinkedHashMap<>();
        try (ResultSet rows = connection.getMetaData().getIndexInfo(connection.getCatalog(), connection.getSchema(),
                table, false, true)) {
            while (rows.next()) {
                if (rows.getString("INDEX_NAME") != null) {
                    indexes.computeIfAbsent(rows.getString("INDEX_NAME").toUpperCase(Locale.ROOT), name -> new ArrayList<>())
                            .add(rows.getString("COLUMN_NAME"));   // the rows come in column order (JDBC)
                }
            }
        } catch (SQLException e) {
            return Map.of();
        }
        return indexes;
    }
}
