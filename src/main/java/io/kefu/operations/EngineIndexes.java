package io.kefu.operations;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
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
 * <p>Several nodes starting together may race to create an index; the loser finds it there and says nothing. An index
 * is never worth a refused start: a failure is logged and the engine runs on without it.
 */
@Component
class EngineIndexes extends AbstractProcessEnginePlugin {

    static final String FORM_DEFINITION_INDEX = "KEFU_IDX_CAMFORMDEF_KEY_VER";

    /** An index: its name, its table (without the engine's table prefix) and its columns in order. */
    record Index(String name, String table, List<String> columns) {
    }

    static final List<Index> INDEXES = List.of(
            new Index(FORM_DEFINITION_INDEX, "ACT_RE_CAMFORMDEF", List.of("KEY_", "VERSION_")));

    private static final Logger log = LoggerFactory.getLogger(EngineIndexes.class);

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        var configuration = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        ensure(configuration.getDataSource(), configuration.getDatabaseTablePrefix());
    }

    /** Creates every missing index; returns the names of those it created. */
    static List<String> ensure(DataSource dataSource, String tablePrefix) {
        try (Connection connection = dataSource.getConnection()) {
            return INDEXES.stream().filter(index -> create(connection, tablePrefix, index)).map(Index::name).toList();
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

    static boolean exists(Connection connection, String table, String indexName) {
        // Camunda's scripts name the tables in upper case, as H2 keeps them and MySQL looks them up
        try (ResultSet indexes = connection.getMetaData().getIndexInfo(connection.getCatalog(), connection.getSchema(),
                table, false, true)) {
            while (indexes.next()) {
                if (indexName.equalsIgnoreCase(indexes.getString("INDEX_NAME"))) {
                    return true;
                }
            }
            return false;
        } catch (SQLException e) {
            return false;
        }
    }
}
