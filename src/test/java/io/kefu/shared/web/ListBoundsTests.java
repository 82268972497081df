package io.kefu.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kefu.support.HttpApiTest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every list of {@code /api} is read a page at a time, at most {@link #MAX} rows: a list with more rows than that
 * answers {@code MAX} and the total, bad {@code page}/{@code size} values are a 400 naming the parameter, and no
 * handler answers a plain collection unless it is one of the few lists bounded by what they list.
 */
class ListBoundsTests extends HttpApiTest {

    /** {@code spring.data.web.pageable.max-page-size} in application.yaml. */
    private static final int MAX = 200;

    /**
     * The {@code GET /api} lists answered whole: each bounded by its nature or by its own limit (the models' variants
     * in the repository, the report catalogue, the staff and customer look-ups of a form field — at most 20 — a case's
     * attachments and its model migrations).
     */
    private static final Set<String> WHOLE_LISTS = Set.of("/api/models/variants", "/api/reports", "/api/staff",
            "/api/customers/lookup", "/api/cases/{caseKey}/attachments", "/api/models/cases/{processInstanceId}/changes");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void everyListIsPagedOrOneOfTheFewBoundedByWhatTheyList() {
        List<String> paged = pagedLists();
        assertThat(paged).contains("/api/tasks", "/api/complaints", "/api/inquiries", "/api/customers",
                "/api/contracts", "/api/archive/entries", "/api/archive/loans", "/api/visits", "/api/work-orders",
                "/api/phone-cases", "/api/escalation-reports", "/api/notices", "/api/models/migrations",
                "/api/models/deployments", "/api/customers/{id}/access-log", "/api/cases");
        Set<String> whole = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            Class<?> type = handler.getMethod().getReturnType();
            if (isGet(info) && (Collection.class.isAssignableFrom(type) || type.isArray())) {
                info.getPatternValues().stream().filter(p -> p.startsWith("/api/")).forEach(whole::add);
            }
        });
        assertThat(whole).as("lists answered whole").isSubsetOf(WHOLE_LISTS);
    }

    @Test
    void badPagingOnEveryListIsA400NamingTheParameter() {
        long customerId = registerCustomer().path("id").asLong();
        for (String pattern : pagedLists()) {
            String list = pattern.replace("{id}", Long.toString(customerId));
            assertInvalidFields(as("manager").get(list + "?size=" + (MAX + 1)), "size");
            assertInvalidFields(as("manager").get(list + "?size=0"), "size");
            assertInvalidFields(as("manager").get(list + "?size=many"), "size");
            assertInvalidFields(as("manager").get(list + "?page=-1"), "page");
            assertInvalidFields(as("manager").get(list + "?page=1.5&size=-3"), "page", "size");
        }
    }

    @Test
    void aListWithMoreRowsThanTheLargestPageAnswersOnePageAndTheTotal() {
        long customerId = registerCustomer().path("id").asLong();
        String log = "/api/customers/" + customerId + "/access-log";
        // registering the customer may itself be on record (today, so newer than the rows below)
        int before = as("auditor").get(log).json().path("page").path("totalElements").asInt();
        int rows = MAX + 5;
        Timestamp start = Timestamp.from(Instant.parse("2026-01-01T00:00:00Z"));
        jdbc.batchUpdate("insert into data_access_log (accessed_at, username, action, customer_id, case_key, what)"
                + " values (?, 'auditor', 'READ_PERSONAL_DATA', ?, null, ?)", IntStream.range(0, rows)
                .mapToObj(i -> new Object[] {new Timestamp(start.getTime() + i * 1000L), customerId, "第 " + i + " 次"})
                .toList());

        JsonNode first = as("auditor").get(log + "?size=" + MAX).json();
        assertThat(first.path("content")).hasSize(MAX);
        assertThat(first.path("page").path("totalElements").asInt()).isEqualTo(before + rows);
        assertThat(first.path("page").path("totalPages").asInt()).isEqualTo(2);
        assertThat(first.path("content").get(before).path("what").asText()).isEqualTo("第 " + (rows - 1) + " 次");
        JsonNode second = as("auditor").get(log + "?size=" + MAX + "&page=1").json();
        assertThat(second.path("content")).hasSize(before + rows - MAX);
        assertThat(second.path("content").get(before + rows - MAX - 1).path("what").asText()).isEqualTo("第 0 次");
        assertThat(as("auditor").get(log).json().path("content")).as("the default page").hasSize(50);
        // a log has one order, newest first: asking for another is a 400, not a silently different order
        assertInvalidFields(as("auditor").get(log + "?sort=username"), "sort");
    }

    /** The paths of the {@code GET /api} handlers that take a page. */
    private List<String> pagedLists() {
        List<String> paged = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            List<String> api = info.getPatternValues().stream().filter(p -> p.startsWith("/api/")).toList();
            if (isGet(info) && takesAPage(handler) && !api.isEmpty()) {
                assertThat(Page.class).as("%s answers a page", info).isAssignableFrom(handler.getMethod().getReturnType());
                paged.addAll(api);
            }
        });
        assertThat(paged).isNotEmpty();
        return paged;
    }

    private static boolean takesAPage(HandlerMethod handler) {
        return Arrays.stream(handler.getMethodParameters()).anyMatch(p -> Pageable.class.isAssignableFrom(p.getParameterType()));
    }

    private static boolean isGet(RequestMappingInfo info) {
        return info.getMethodsCondition().getMethods().contains(RequestMethod.GET);
    }
}
