package io.kefu;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/** The whole application starts, and deploys every process, decision and form under processes/. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class KefuApplicationTests {

    @Autowired
    RepositoryService repository;

    @Test
    void startsAndDeploysTheComplaintProcessWithItsDecisionTable() {
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("complaint-handling").count())
                .isEqualTo(1);
        assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey("complaint-classification").count())
                .isEqualTo(1);
    }
}
