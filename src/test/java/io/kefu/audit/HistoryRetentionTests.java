package io.kefu.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

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

    private final PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

    /** Kefu's models as shipped (classpath processes/), not whatever other tests deploy into the shared engine. */
    @Test
    void everyProcessKeepsItsHistoryForFiveOrTenYears() throws IOException {
        Map<String, String> ttl = new TreeMap<>();
        for (Resource file : resolver.getResources("classpath*:processes/**/*.bpmn")) {
            try (InputStream in = file.getInputStream()) {
                Bpmn.readModelFromStream(in).getModelElementsByType(Process.class).stream()
                        .filter(Process::isExecutable)
                        .forEach(p -> ttl.put(p.getId(), p.getCamundaHistoryTimeToLiveString()));
            }
        }
        assertThat(ttl).containsKeys("complaint-handling", "contract-onboarding", "archive-loan", "return-visit");
        assertThat(ttl).allSatisfy((process, value) -> assertThat(days(value)).as("historyTimeToLive of %s", process)
                .isIn(FIVE_YEARS_IN_DAYS, TEN_YEARS_IN_DAYS));
        assertThat(days(ttl.get("contract-onboarding"))).isEqualTo(TEN_YEARS_IN_DAYS);
        assertThat(days(ttl.get("contract-termination"))).isEqualTo(TEN_YEARS_IN_DAYS);
        assertThat(days(ttl.get("archive-destruction"))).isEqualTo(TEN_YEARS_IN_DAYS);
    }

    @Test
    void everyDecisionKeepsItsHistoryForFiveOrTenYears() throws IOException {
        Map<String, String> ttl = new TreeMap<>();
        for (Resource file : resolver.getResources("classpath*:processes/**/*.dmn")) {
            try (InputStream in = file.getInputStream()) {
                Dmn.readModelFromStream(in).getModelElementsByType(Decision.class)
                        .forEach(d -> ttl.put(d.getId(), d.getCamundaHistoryTimeToLiveString()));
            }
        }
        assertThat(ttl).containsKey("complaint-classification");
        assertThat(ttl).allSatisfy((decision, value) -> assertThat(days(value)).as("historyTimeToLive of %s", decision)
                .isIn(FIVE_YEARS_IN_DAYS, TEN_YEARS_IN_DAYS));
    }

    @Test
    void theEngineRunsKefusProcessesWithTheirTimeToLive() {
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("contract-onboarding").list())
                .isNotEmpty()
                .allSatisfy(p -> assertThat(p.getHistoryTimeToLive()).isEqualTo(TEN_YEARS_IN_DAYS));
    }

    /** "1825" or "P1825D" → 1825; anything else (or none) → null. */
    private static Integer days(String ttl) {
        if (ttl == null) {
            return null;
        }
        String t = ttl.trim();
        if (t.matches("P[0-9]+D")) {
            t = t.substring(1, t.length() - 1);
        }
        return t.matches("[0-9]+") ? Integer.valueOf(t) : null;
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
