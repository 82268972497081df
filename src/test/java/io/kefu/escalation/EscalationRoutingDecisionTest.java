package io.kefu.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/** The table escalation-routing row by row: which level decides each trigger, and whether a leak is recorded. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class EscalationRoutingDecisionTest {

    @Autowired
    DecisionService decisions;

    @ParameterizedTest(name = "{0}: decided by {1}, breach record {2}")
    @CsvSource({
            "RULE_PROBLEM,  MANAGER,    false",
            "LEAK,          DIRECTOR,   true",
            "MAJOR_ERROR,   DIRECTOR,   false",
            "SAFETY_RISK,   MANAGER,    false",
            "OUTSIDE_REMIT, SUPERVISOR, false",
            "TROUBLEMAKER,  SUPERVISOR, false",
            "SOMETHING_NEW, MANAGER,    false",
    })
    void eachTriggerHasItsDecidingLevel(String trigger, String level, boolean breachRecord) {
        DmnDecisionResultEntries result = decisions.evaluateDecisionByKey("escalation-routing")
                .variables(Map.of("trigger", trigger)).evaluate().getSingleResult();

        assertThat(result.<String>getEntry("decidingLevel")).isEqualTo(level);
        assertThat(result.<Boolean>getEntry("breachRecord")).isEqualTo(breachRecord);
    }
}
