package io.kefu.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.support.HttpApiTest;
import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The engine indexes Kefu adds: there after start, created again when missing, never twice. */
class EngineIndexesTests extends HttpApiTest {

    static final String FORM_TABLE = "ACT_RE_CAMFORMDEF";

    @Autowired
    DataSource dataSource;

    @Test
    void theLatestFormLookUpHasItsIndexAfterStart() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(EngineIndexes.exists(connection, FORM_TABLE, EngineIndexes.FORM_DEFINITION_INDEX)).isTrue();
        }
        assertThat(EngineIndexes.ensure(dataSource, "")).as("a second check creates nothing").isEmpty();
    }

    @Test
    void aMissingIndexIsCreatedAgain() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            boolean mysql = connection.getMetaData().getDatabaseProductName().toLowerCase().matches(".*(mysql|mariadb).*");
            statement.execute("drop index " + EngineIndexes.FORM_DEFINITION_INDEX + (mysql ? " on " + FORM_TABLE : ""));
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            assertThat(EngineIndexes.exists(connection, FORM_TABLE, EngineIndexes.FORM_DEFINITION_INDEX)).isFalse();
        }

        assertThat(EngineIndexes.ensure(dataSource, "")).containsExactly(EngineIndexes.FORM_DEFINITION_INDEX);

        try (Connection connection = dataSource.getConnection()) {
            assertThat(EngineIndexes.exists(connection, FORM_TABLE, EngineIndexes.FORM_DEFINITION_INDEX)).isTrue();
        }
    }
}
