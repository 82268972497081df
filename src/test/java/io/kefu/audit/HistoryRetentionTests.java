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

    /**
     * The audit retention (README "Auditing and reports"): at least five years after a case ends; contract cases and
     * archive destructions (秘密 documents) keep ten.
     */
    private static final int FIVE_YEARS_IN_DAYS = 1825;
    private static final int TEN_YEARS_IN_DAYS = 3650;

    @Autowired
    RepositoryService repository;
    @Autowired
    ProcessEngine engine;

    @Test
    void everyProcessKeepsItsHistoryForFiveOrTenYears() {
        assertThat(repository.createProcessDefinitionQuery().latestVersion().list())
                .isNotEmpty()
                .allSatisfy(p -> assertThat(p.getHistoryTimeToLive()).as("historyTimeToLive of %s", p.getKey())
                        .isIn(FIVE_YEARS_IN_DAYS, TEN_YEARS_IN_DAYS));
    }

    @Test
    void everyDecisionKeepsItsHistoryForFiveOrTenYears() {
        assertThat(repository.createDecisionDefinitionQuery().latestVersion().list())
                .isNotEmpty()
                .allSatisfy(d -> assertThat(d.getHistoryTimeToLive()).as("historyTimeToLive of %s", d.getKey())
                        .isIn(FIVE_YEARS_IN_DAYS, TEN_YEARS_IN_DAYS));
    }

    @Test
    void contractCasesKeepTheirHistoryForTenYears() {
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKeyIn("contract-onboarding",
                "contract-termination", "archive-destruction").latestVersion().list())
                .hasSize(3)
                .allSatisfy(p -> assertThat(p.getHistoryTimeToLive()).isEqualTo(TEN_YEARS_IN_DAYS));
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
