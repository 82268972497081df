package io.kefu.visit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/** The deployed visit-schedule table, rule by rule: which visitors a customer gets, how often, and how. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class VisitScheduleDecisionTest {

    @Autowired
    DecisionService decisions;

    @ParameterizedTest(name = "{0} {1}, month {2} → {3}")
    @CsvSource(delimiter = '|', value = {
            // type     | tier | months | role:interval:group:specialist:mode:plan, sorted by role
            "FRANCHISEE | C    | 3      | ACCOUNT_MANAGER:P14D:agents:true:PHONE:false,DEPARTMENT_MANAGER:P1M:managers:false:PHONE:false,PROJECT_REVIEW:P1M:agents:true:PHONE:false",
            "FRANCHISEE | C    | 12     | ACCOUNT_MANAGER:P14D:agents:true:PHONE:false,DEPARTMENT_MANAGER:P1M:managers:false:PHONE:false,PROJECT_REVIEW:P3M:agents:true:PHONE:false",
            "AGENT      | A    | 0      | ACCOUNT_MANAGER:P14D:agents:true:PHONE:false,DEPARTMENT_MANAGER:P1M:managers:false:PHONE:false,DIVISION_LEADER:P3M:division-leaders:false:FIELD:true,PRESIDENT:P1Y:managers:false:FIELD:true",
            "DEALER     | B    | 30     | ACCOUNT_MANAGER:P14D:agents:true:PHONE:false,DEPARTMENT_MANAGER:P1M:managers:false:PHONE:false,DIVISION_LEADER:P3M:division-leaders:false:FIELD:false",
            "MEMBER     | C    | 5      | ACCOUNT_MANAGER:P14D:agents:true:PHONE:false,DEPARTMENT_MANAGER:P1M:managers:false:PHONE:false",
    })
    void theTableNamesEveryVisitorOfTheCustomer(String type, String tier, int months, String expected) {
        List<Map<String, Object>> rows = decisions.evaluateDecisionTableByKey(VisitPlanner.SCHEDULE_DECISION,
                Map.of("customerType", type, "customerTier", tier, "monthsSinceStart", months)).getResultList();
        List<String> actual = rows.stream()
                .map(r -> r.get("visitorRole") + ":" + r.get("interval") + ":" + r.get("visitorGroup") + ":"
                        + r.get("assignToSpecialist") + ":" + r.get("mode") + ":" + r.get("planApproval"))
                .sorted().toList();
        assertThat(actual).containsExactly(expected.split(","));
    }
}
