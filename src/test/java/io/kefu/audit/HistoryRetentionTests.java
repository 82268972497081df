package io.kefu.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/** Every process and decision Kefu deploys keeps its history for a set time, and the nightly cleanup removes it after. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class HistoryRetentionTests {

    /** The audit retention (README "Auditing and reports"): five years after a case ends. */
    private static final int FIVE_YEARS_IN_DAYS = 1825;

    @Autowired
    RepositoryService repository;
    @Autowired
    ProcessEngine engine;

    @Test
    void everyProcessKeepsItsHistoryForFiveYears() {
        assertThat(repository.createProcessDefinitionQuery().latestVersion().list())
                .isNotEmpty()
                .allSatisfy(p -> assertThat(p.getHistoryTimeToLive()).as("historyTimeToLive of %s", p.getKey())
                        .isEqualTo(FIVE_YEARS_IN_DAYS));
    }

    @Test
    void everyDecisionKeepsItsHistoryForFiveYears() {
        assertThat(repository.createDecisionDefinitionQuery().latestVersion().list())
                .isNotEmpty()
                .allSatisfy(d -> assertThat(d.getHistoryTimeToLive()).as("historyTimeToLive of %s", d.getKey())
                        .isEqualTo(FIVE_YEARS_IN_DAYS));
    }

    @Test
    void historyIsKeptInFullAndCleanedUpAtNightCountingFromTheEndOfTheCase() {
        ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(config.getHistoryLevel()).isEqualTo(HistoryLevel.HISTORY_LEVEL_FULL);
        assertThat(config.isEnforceHistoryTimeToLive()).isTrue();
        assertThat(config.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
        assertThat(config.getHistoryRemovalTimeStrategy()).isEqualTo("end");
        assertThat(config.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
        assertThat(config.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
    }
}
