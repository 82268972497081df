package io.kefu.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.support.HttpApiTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Paging, text lengths and path ids are the client's to get right: 400 naming the parameter or field. */
class ApiInputLimitsTests extends HttpApiTest {

    @Test
    void badPagingIsA400NamingTheParameter() {
        for (String list : List.of("/api/customers", "/api/complaints", "/api/visits", "/api/cases")) {
            assertInvalidFields(as("supervisor").get(list + "?page=-1"), "page");
            assertInvalidFields(as("supervisor").get(list + "?page=abc"), "page");
            assertInvalidFields(as("supervisor").get(list + "?size=0"), "size");
            assertInvalidFields(as("supervisor").get(list + "?size=100000"), "size");
            assertThat(as("supervisor").get(list + "?page=0&size=5").status()).isEqualTo(200);
        }
    }

    @Test
    void overLongTextsAreA400NamingTheField() {
        assertInvalidFields(as("supervisor").post("/api/surveys/campaigns",
                Map.of("name", "调".repeat(201), "customerTypes", List.of("MEMBER"))), "name");
        assertInvalidFields(as("supervisor").post("/api/archive/loans",
                Map.of("archiveNo", "A-1", "loanKind", "STAFF", "pieces", 1, "purpose", "长".repeat(1024 * 1024))),
                "purpose");
    }

    @Test
    void oddPathIdsAreProblemDetails() {
        assertInvalidFields(as("supervisor").get("/api/customers/abc"), "id");
        assertProblem(as("supervisor").get("/api/customers/99999999999999999999"), 400);
        Response nul = as("supervisor").get("/api/complaints/%00");
        assertThat(nul.status()).as("%s", nul).isBetween(400, 404);
        assertThat(nul.contentType().isCompatibleWith(PROBLEM_JSON)).as("%s", nul).isTrue();
    }
}
