package io.kefu.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.shared.sql.StatementCounter;
import io.kefu.shared.sql.StatementCounter.Counts;
import io.kefu.support.HttpApiTest;
import io.kefu.task.PersonalFormFields;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What a start on a database Kefu has run on before (every start but the first) asks of it: Kefu's groups, grants and
 * Tasklist filters are read in a few queries and nothing is written; the forms' personal fields are read in one query
 * per deployment. All of it runs before requests are served ({@code StartupGate}), so it is start-up time. Counted
 * under the DataSource, not timed.
 */
class StartupStatementsTests extends HttpApiTest {

    @Autowired
    KefuAuthorizations authorizations;
    @Autowired
    PersonalFormFields personalFields;
    @Autowired
    ProcessEngine engine;

    @Test
    void aStartOnAnUpToDateDatabaseWritesNoGrantOrFilterAndReadsLittle() {
        authorizations.run(null);
        authorizations.ensureMyCasesFilters();

        Counts before = StatementCounter.now();
        authorizations.run(null);
        authorizations.ensureMyCasesFilters();
        Counts counted = StatementCounter.now().minus(before);

        System.out.printf("%nStart-up grants and filters, second run: %d statements, %d commits%n%s%n",
                counted.statements(), counted.commits(), counted.byTable());
        assertThat(counted.byTable().keySet()).as("writes of a start that finds everything in place")
                .noneMatch(kind -> kind.matches("(insert|update|delete|merge) .*"));
        assertThat(counted.statements()).as("statements of a start that finds everything in place")
                .isLessThanOrEqualTo(25);
    }

    @Test
    void theFormsPersonalFieldsAreReadInOneQueryPerDeployment() {
        var repository = engine.getRepositoryService();
        long deployments = repository.createDeploymentQuery().count();
        long forms = repository.createDeploymentQuery().list().stream()
                .flatMap(d -> repository.getDeploymentResourceNames(d.getId()).stream())
                .filter(name -> name.endsWith(".form")).count();

        Counts before = StatementCounter.now();
        personalFields.postProcessEngineBuild(engine);
        Counts counted = StatementCounter.now().minus(before);

        System.out.printf("%nForms' personal fields at start: %d statements for %d deployments with %d forms%n%s%n",
                counted.statements(), deployments, forms, counted.byTable());
        assertThat(counted.statements()).isLessThanOrEqualTo(deployments + 1);
        assertThat(personalFields.names()).contains("complainantName", "complainantPhone");
    }
}
