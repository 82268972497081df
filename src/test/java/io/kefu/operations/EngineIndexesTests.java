package io.kefu.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.support.HttpApiTest;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The engine indexes Kefu adds: there after start, created again when missing, never twice. */
class EngineIndexesTests extends HttpApiTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    ProcessEngine engine;

    /** The database type the engine determined at start ("h2"; "mysql" for MySQL and MariaDB). */
    private String databaseType() {
        return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDatabaseType();
    }

    @Test
    void everyIndexIsThereAfterStart() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            boolean mysql = EngineIndexes.isMySql(databaseType());
            for (EngineIndexes.Index index : EngineIndexes.INDEXES) {
                assertThat(EngineIndexes.exists(connection, index.table(), index.name())).as(index.name())
                        .isEqualTo(mysql || !index.mysqlOnly());
            }
            if (mysql) {
                assertThat(EngineIndexes.indexes(connection, "ACT_RU_VARIABLE").get(EngineIndexes.VARIABLE_BY_VALUE_INDEX))
                        .as("the variable's name, then its text").containsExactly("NAME_", "TEXT_");
            }
        }
        assertThat(EngineIndexes.ensure(dataSource, "", databaseType())).as("a second check creates nothing").isEmpty();
    }

    /** MySQL drops the index it made for a foreign key once another index can serve it; Kefu's must not be one. */
    @Test
    void theEnginesForeignKeyOnAVariablesInstanceKeepsAnIndexOfItsOwn() throws Exception {
        List<String> leadingWithTheInstance;
        try (Connection connection = dataSource.getConnection()) {
            leadingWithTheInstance = EngineIndexes.indexes(connection, "ACT_RU_VARIABLE").entrySet().stream()
                    .filter(index -> "PROC_INST_ID_".equalsIgnoreCase(index.getValue().get(0)))
                    .map(Map.Entry::getKey).toList();
        }
        assertThat(leadingWithTheInstance).isNotEmpty().noneMatch(name -> name.toUpperCase().startsWith("KEFU_"));
    }

    @Test
    void missingIndexesAreCreatedAgainAndOnlyThey() throws Exception {
        EngineIndexes.Index dropped = EngineIndexes.INDEXES.stream()
                .filter(index -> index.name().equals(EngineIndexes.VARIABLE_BY_INSTANCE_INDEX)).findFirst().orElseThrow();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            boolean mysql = EngineIndexes.isMySql(databaseType());
            statement.execute("drop index " + dropped.name() + (mysql ? " on " + dropped.table() : ""));
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            assertThat(EngineIndexes.exists(connection, dropped.table(), dropped.name())).isFalse();
        }

        assertThat(EngineIndexes.ensure(dataSource, "", databaseType())).containsExactly(dropped.name());

        try (Connection connection = dataSource.getConnection()) {
            assertThat(EngineIndexes.exists(connection, dropped.table(), dropped.name())).isTrue();
        }
    }
}
