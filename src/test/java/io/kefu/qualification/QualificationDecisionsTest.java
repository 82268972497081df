package io.kefu.qualification;

import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.customer.CustomerTier;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/** The deployed review-cycle and qualification-grade tables, row by row. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class QualificationDecisionsTest {

    /** The rulebook's bounds per class, in months: 核心 half a year to three years, 重要 one to three, 一般 one to two. */
    static final Map<CustomerClass, int[]> BOUNDS = Map.of(CustomerClass.CORE, new int[] {6, 36},
            CustomerClass.IMPORTANT, new int[] {12, 36}, CustomerClass.GENERAL, new int[] {12, 24});

    @Autowired
    DecisionService decisions;
    @Autowired
    QualificationService service;

    @ParameterizedTest(name = "{0} {1} → every {2} months")
    @CsvSource({
            "CORE, A, 6", "CORE, B, 12", "CORE, C, 24",
            "IMPORTANT, A, 12", "IMPORTANT, B, 24", "IMPORTANT, C, 36",
            "GENERAL, A, 12", "GENERAL, B, 18", "GENERAL, C, 24"})
    void theCycleTableGivesOneCyclePerClassAndTier(CustomerClass customerClass, CustomerTier tier, int months) {
        var result = decisions.evaluateDecisionTableByKey(QualificationService.CYCLE_DECISION,
                Map.of("customerClass", customerClass.name(), "customerTier", tier.name()));
        assertThat(result.getResultList()).hasSize(1);
        assertThat(((Number) result.getSingleResult().getEntry("cycleMonths")).intValue()).isEqualTo(months);
        assertThat(service.cycleMonths(customerClass, tier)).isEqualTo(months);
    }

    @Test
    void everyCycleStaysWithinTheRulebooksBoundsForItsClass() {
        for (CustomerClass customerClass : CustomerClass.values()) {
            for (CustomerTier tier : CustomerTier.values()) {
                int months = service.cycleMonths(customerClass, tier);
                assertThat(months).as("%s %s", customerClass, tier)
                        .isBetween(BOUNDS.get(customerClass)[0], BOUNDS.get(customerClass)[1]);
            }
        }
    }

    @ParameterizedTest(name = "满意度 {0} 贡献 {1} 信用 {2} → {3}, warning {4}")
    @CsvSource({
            "5, 5, 5, A, false",
            "5, 4, 4, A, false",
            "5, 5, 3, B, false",   // total 13 but credit below 4: not A
            "3, 3, 3, B, false",
            "4, 3, 1, C, true",    // credit 1–2 is a warning whatever the total
            "5, 5, 2, C, true",
            "2, 3, 3, C, false"})
    void theGradeTableRatesTheScores(int satisfaction, int contribution, int credit, CustomerTier grade,
            boolean warning) {
        assertThat(service.grade(satisfaction, contribution, credit))
                .isEqualTo(new QualificationService.Grade(grade, warning));
    }
}
