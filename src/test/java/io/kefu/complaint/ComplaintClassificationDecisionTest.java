package io.kefu.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.customer.CustomerTier;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstanceQuery;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The deployed complaint-classification table, rule by rule. Which rule matched is read from the decision history
 * (history level full), so the FIRST hit policy is checked where two rules match, also when their outputs agree.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ComplaintClassificationDecisionTest {

    static final String DECISION = "complaint-classification";

    @Autowired
    DecisionService decisionService;

    @Autowired
    HistoryService historyService;

    record Evaluation(Map<String, Object> outputs, String matchedRule) {
    }

    /** Evaluates the deployed table and finds the rule that produced the result in the decision history. */
    Evaluation evaluate(String category, String severity, String tier) {
        // the engine stamps evaluations with its own clock
        Date since = Date.from(ClockUtil.now().toInstant().minus(1, ChronoUnit.MINUTES));
        Set<String> before = recentEvaluations(since).stream().map(HistoricDecisionInstance::getId)
                .collect(Collectors.toSet());

        DmnDecisionTableResult result = decisionService.evaluateDecisionTableByKey(DECISION,
                Variables.createVariables().putValue("category", category).putValue("severity", severity)
                        .putValue("customerTier", tier));

        assertThat(result).as("FIRST gives at most one result").hasSize(1);
        DmnDecisionRuleResult entries = result.getSingleResult();
        List<HistoricDecisionInstance> fresh = recentEvaluations(since).stream()
                .filter(instance -> !before.contains(instance.getId())).toList();
        assertThat(fresh).as("the evaluation is in the decision history").hasSize(1);
        Set<String> rules = fresh.get(0).getOutputs().stream().map(HistoricDecisionOutputInstance::getRuleId)
                .collect(Collectors.toSet());
        assertThat(rules).as("one rule produced every output").hasSize(1);
        return new Evaluation(entries.getEntryMap(), rules.iterator().next());
    }

    private List<HistoricDecisionInstance> recentEvaluations(Date since) {
        HistoricDecisionInstanceQuery query = historyService.createHistoricDecisionInstanceQuery()
                .decisionDefinitionKey(DECISION).evaluatedAfter(since).includeOutputs();
        return query.list();
    }

    @ParameterizedTest(name = "{0} {1} {2} → {3}")
    @CsvSource(textBlock = """
            # category,       severity, tier, rule,   priority, responseHours, resolutionHours, notifyManager, managerApproval
            PRODUCT_QUALITY,  CRITICAL, C,    Rule_1, P1,       2,             16,              true,          true
            TECHNICAL,        MAJOR,    A,    Rule_2, P1,       2,             24,              true,          true
            BILLING,          MAJOR,    B,    Rule_3, P2,       4,             24,              false,         true
            CONTRACT,         MAJOR,    C,    Rule_3, P2,       4,             24,              false,         true
            SERVICE_ATTITUDE, MINOR,    C,    Rule_4, P2,       4,             24,              false,         false
            SALES_PROMISE,    MINOR,    B,    Rule_4, P2,       4,             24,              false,         false
            DELIVERY,         MINOR,    A,    Rule_5, P2,       4,             24,              false,         false
            PRODUCT_QUALITY,  MINOR,    B,    Rule_6, P3,       8,             40,              false,         false
            OTHER,            MINOR,    C,    Rule_7, P3,       8,             40,              false,         false
            """)
    void eachRuleGivesItsPriorityDeadlinesAndEscalation(String category, String severity, String tier, String rule,
            String priority, int responseHours, int resolutionHours, boolean notifyManager, boolean managerApproval) {
        Evaluation evaluation = evaluate(category, severity, tier);

        assertThat(evaluation.matchedRule()).isEqualTo(rule);
        assertThat(evaluation.outputs()).containsOnly(
                Map.entry("priority", priority),
                Map.entry("responseHours", responseHours),
                Map.entry("resolutionHours", resolutionHours),
                Map.entry("notifyManager", notifyManager),
                Map.entry("managerApproval", managerApproval));
    }

    @Test
    void theFallbackRuleCatchesWhatNoOtherRuleKnows() {
        Evaluation unknownTier = evaluate("PRODUCT_QUALITY", "MAJOR", "D");

        assertThat(unknownTier.matchedRule()).isEqualTo("Rule_8");
        assertThat(unknownTier.outputs()).containsOnly(Map.entry("priority", "P3"), Map.entry("responseHours", 8),
                Map.entry("resolutionHours", 40), Map.entry("notifyManager", false),
                Map.entry("managerApproval", false));
        assertThat(evaluate("OTHER", "UNHEARD_OF", "A").matchedRule()).isEqualTo("Rule_8");
    }

    /** Cases where more than one rule matches: the one higher up wins. */
    @ParameterizedTest(name = "{0} {1} {2}: {3} before {4}")
    @CsvSource(textBlock = """
            # category,       severity, tier, winner, also matching
            SERVICE_ATTITUDE, CRITICAL, A,    Rule_1, Rule_8
            SALES_PROMISE,    MAJOR,    A,    Rule_2, Rule_8
            SERVICE_ATTITUDE, MAJOR,    B,    Rule_3, Rule_8
            SERVICE_ATTITUDE, MINOR,    A,    Rule_4, Rule_5
            SALES_PROMISE,    MINOR,    B,    Rule_4, Rule_6
            SERVICE_ATTITUDE, MINOR,    C,    Rule_4, Rule_7
            BILLING,          MINOR,    A,    Rule_5, Rule_8
            """)
    void theFirstMatchingRuleWins(String category, String severity, String tier, String winner, String alsoMatching) {
        assertThat(evaluate(category, severity, tier).matchedRule()).isEqualTo(winner).isNotEqualTo(alsoMatching);
    }

    @Test
    void complaintsAboutAnEmployeeAreHandledBeforeOrdinaryComplaintsOfTheSameCustomer() {
        Evaluation attitude = evaluate("SERVICE_ATTITUDE", "MINOR", "C");
        Evaluation quality = evaluate("PRODUCT_QUALITY", "MINOR", "C");

        assertThat(attitude.outputs().get("priority")).isEqualTo("P2");
        assertThat(quality.outputs().get("priority")).isEqualTo("P3");
        assertThat((Integer) attitude.outputs().get("responseHours"))
                .isLessThan((Integer) quality.outputs().get("responseHours"));
    }

    static Stream<Arguments> everyValidCase() {
        return Stream.of(ComplaintCategory.values()).flatMap(category -> Stream.of(Severity.values())
                .flatMap(severity -> Stream.of(CustomerTier.values())
                        .map(tier -> Arguments.of(category, severity, tier))));
    }

    /** The escalation rules the handbook states hold for every category, severity and tier Kefu knows. */
    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("everyValidCase")
    void everyValidCaseIsClassifiedByARealRuleAndEscalatedAsTheSeverityDemands(ComplaintCategory category,
            Severity severity, CustomerTier tier) {
        Evaluation evaluation = evaluate(category.name(), severity.name(), tier.name());
        Map<String, Object> out = evaluation.outputs();

        assertThat(evaluation.matchedRule()).as("the fallback is only for values the table does not know")
                .isNotEqualTo("Rule_8");
        assertThat((Integer) out.get("responseHours")).isPositive()
                .isLessThanOrEqualTo((Integer) out.get("resolutionHours"));
        assertThat(out.get("managerApproval")).isEqualTo(severity != Severity.MINOR);
        assertThat(out.get("notifyManager"))
                .isEqualTo(severity == Severity.CRITICAL || severity == Severity.MAJOR && tier == CustomerTier.A);
        if ((Boolean) out.get("notifyManager")) {
            assertThat(out.get("priority")).as("the manager is told at once of P1 cases").isEqualTo("P1");
        } else {
            assertThat(out.get("priority")).as("P1 cases are told to the manager at once").isNotEqualTo("P1");
        }
    }
}
