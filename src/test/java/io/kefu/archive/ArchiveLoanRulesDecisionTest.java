package io.kefu.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/** The table archive-loan-rules row by row, and every loan kind × secrecy class (FIRST hit: 机密 before all). */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ArchiveLoanRulesDecisionTest {

    @Autowired
    DecisionService decisions;

    @ParameterizedTest(name = "{0} loan of a {1} file: allowed={2}, {3} days, approved by {4}")
    @CsvSource({
            // row 1: 机密 files are never lent, whatever the kind
            "STAFF,            CLASSIFIED, false, 0,  ,               机密档案不得外借",
            "DEPARTMENT,       CLASSIFIED, false, 0,  ,               机密档案不得外借",
            "SPECIAL_EXTERNAL, CLASSIFIED, false, 0,  ,               机密档案不得外借",
            // row 2: staff, 3 days, the customer-service manager
            "STAFF,            ORDINARY,   true,  3,  managers,       ",
            "STAFF,            SECRET,     true,  3,  managers,       ",
            // row 3: a department, 3 days, its head (the department's group)
            "DEPARTMENT,       ORDINARY,   true,  3,  dept-sales,     ",
            "DEPARTMENT,       SECRET,     true,  3,  dept-sales,     ",
            // row 4: special external, 10 days, the manager
            "SPECIAL_EXTERNAL, ORDINARY,   true,  10, managers,       ",
            "SPECIAL_EXTERNAL, SECRET,     true,  10, managers,       ",
            // row 5: anything else is not lent
            "BORROW_FOR_EVER,  ORDINARY,   false, 0,  ,               一般情况下不得外借",
    })
    void eachLoanKindAndSecrecyGetsItsRule(String kind, String secrecy, boolean allowed, int maxDays,
            String approverGroup, String reason) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("loanKind", kind);
        variables.put("secrecy", secrecy);
        variables.put("borrowerDepartment", "sales");

        DmnDecisionResultEntries result = decisions.evaluateDecisionByKey("archive-loan-rules").variables(variables)
                .evaluate().getSingleResult();

        assertThat(result.<Boolean>getEntry("allowed")).isEqualTo(allowed);
        assertThat(((Number) result.getEntry("maxDays")).intValue()).isEqualTo(maxDays);
        assertThat(result.getEntryMap().get("approverGroup")).isEqualTo(approverGroup);
        if (reason == null) {
            assertThat(result.getEntryMap().get("refusalReason")).isNull();
        } else {
            assertThat((String) result.getEntryMap().get("refusalReason")).contains(reason);
        }
    }
}
