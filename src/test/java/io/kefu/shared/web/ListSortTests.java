package io.kefu.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.support.HttpApiTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A list asked to sort by a property its records do not have is the client's mistake: 400 naming {@code sort}. */
class ListSortTests extends HttpApiTest {

    private static final List<String> LISTS = List.of("/api/customers", "/api/complaints", "/api/contracts",
            "/api/archive/entries", "/api/archive/loans", "/api/inquiries", "/api/notices", "/api/visits",
            "/api/cases");

    @Test
    void everyListRefusesAnUnknownSortKeyWithAProblemNamingSort() {
        for (String list : LISTS) {
            for (String sort : List.of("bogus", "bogus,desc", "contacts.bogus", "id;drop")) {
                Response response = as("supervisor").get(list + "?sort=" + sort);
                assertThat(response.status()).as("%s?sort=%s: %s", list, sort, response).isLessThan(500);
                if (response.status() != 200) {
                    assertThat(response.status()).as("%s?sort=%s: %s", list, sort, response).isEqualTo(400);
                    assertInvalidFields(response, "sort");
                }
            }
        }
    }

    @Test
    void aKnownSortKeyStillSorts() {
        Response response = as("supervisor").get("/api/customers?sort=id,desc");
        assertThat(response.status()).as("%s", response).isEqualTo(200);
    }
}
