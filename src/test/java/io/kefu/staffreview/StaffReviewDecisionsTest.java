package io.kefu.staffreview;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/** The tables violation-consequence and staff-review-grade, row by row. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class StaffReviewDecisionsTest {

    @Autowired
    DecisionService decisions;

    @ParameterizedTest(name = "{0} offence {1}: {2}")
    @CsvSource({
            "CUSTOMER_DATA_LEAK,    1, 警告,       0,   false",
            "CUSTOMER_DATA_LEAK,    2, 停职一周,   0,   false",
            "CUSTOMER_DATA_LEAK,    3, 辞退,       0,   true",
            "CUSTOMER_DATA_LEAK,    5, 辞退,       0,   true",
            "CUSTOMER_DISPUTE,      1, 口头警告,   0,   false",
            "CUSTOMER_DISPUTE,      3, 除名,       0,   true",
            "FAILURE_TO_REPORT,     1, 书面警告,   0,   false",
            "FAILURE_TO_REPORT,     2, 降薪,       0,   false",
            "SHIRKING_DUTIES,       2, 降薪,       0,   false",
            "PRIVATE_MATTERS,       1, 罚款10元,   10,  false",
            "PRIVATE_MATTERS,       4, 书面警告,   10,  false",
            "UNTIDY_WORKPLACE,      2, 罚款30元,   30,  false",
            "UNTIDY_WORKPLACE,      3, 罚款50元,   50,  false",
            "ARGUING_BEFORE_GUESTS, 1, 罚款10元,   10,  false",
            "ARGUING_BEFORE_GUESTS, 3, 罚款100元,  100, false",
            "SOLICITING_BENEFITS,   1, 书面警告,   0,   false",
            "SOLICITING_BENEFITS,   2, 解雇,       0,   true",
            "SPREADING_RUMOURS,     2, 立即解雇,   0,   true",
            "SOMETHING_NEW,         1, 书面警告,   0,   false",
    })
    void eachOffenceHasItsConsequence(String kind, int offenceNo, String consequence, int fine, boolean dismissal) {
        DmnDecisionResultEntries result = decisions.evaluateDecisionByKey(ViolationService.CONSEQUENCE_DECISION)
                .variables(Map.of("kind", kind, "offenceNo", offenceNo)).evaluate().getSingleResult();

        assertThat(result.<String>getEntry("consequence")).startsWith(consequence);
        assertThat(((Number) result.getEntry("fineAmount")).intValue()).isEqualTo(fine);
        assertThat(result.<Boolean>getEntry("dismissal")).isEqualTo(dismissal);
    }

    @ParameterizedTest(name = "violations {0}, average {1}, breaches {2}: {3}")
    @CsvSource({
            "1, 5.0, 0, C",
            "2, 4.8, 0, C",
            "0, 4.0, 0, A",
            "0, 4.6, 1, B",
            "0, 3.0, 0, B",
            "0, 3.8, 2, B",
            "0, 2.8, 0, C",
    })
    void theGradeFollowsViolationsScoresAndBreaches(int violations, double average, int breaches, String grade) {
        DmnDecisionResultEntries result = decisions.evaluateDecisionByKey(StaffReviewService.GRADE_DECISION)
                .variables(Map.of("violations", violations, "averageScore", average, "slaBreaches", breaches))
                .evaluate().getSingleResult();

        assertThat(result.<String>getEntry("grade")).isEqualTo(grade);
        assertThat(result.<String>getEntry("reason")).isNotBlank();
    }
}
