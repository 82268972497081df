package io.kefu.inquiry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kefu.support.HttpApiTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Recording and reading inquiries over HTTP: validation, who sees which inquiries, masking of the caller. */
class InquiryApiTests extends HttpApiTest {

    private static Map<String, Object> inquiry(String callerName, String phone, String region) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("channel", "HOTLINE");
        request.put("category", "FRANCHISE");
        request.put("callerName", callerName);
        request.put("callerPhone", phone);
        request.put("region", region);
        request.put("summary", "咨询加盟条件和加盟费用");
        request.put("outcome", "PROSPECT");
        return request;
    }

    private JsonNode recorded(String user, Map<String, Object> request) {
        Response response = as(user).post("/api/inquiries", request);
        assertThat(response.status()).as("%s", response).isEqualTo(201);
        return response.json();
    }

    @Test
    void anAgentRecordsAnInquiryAndIsItsTaker() {
        String region = unique("广东省广州市");
        String phone = mobile();
        Map<String, Object> request = inquiry("陈大文", phone, region);
        request.put("receivedAt", Instant.now().minus(2, ChronoUnit.HOURS).toString());

        Response response = as("agent").post("/api/inquiries", request);

        assertThat(response.status()).isEqualTo(201);
        JsonNode body = response.json();
        assertThat(response.headers().getLocation().getPath()).isEqualTo("/api/inquiries/" + body.path("id").asLong());
        assertThat(body.path("takenBy").asText()).isEqualTo("agent");
        assertThat(body.path("categoryLabel").asText()).isEqualTo("招商加盟咨询");
        assertThat(body.path("channelLabel").asText()).isEqualTo("热线电话");
        assertThat(body.path("outcomeLabel").asText()).isEqualTo("转为意向客户");
        assertThat(body.path("callerPhone").asText()).isEqualTo(phone);
        assertThat(body.path("region").asText()).isEqualTo(region);
        assertThat(body.hasNonNull("department")).isFalse();
    }

    @Test
    void missingAndWrongFieldsAreNamed() {
        assertInvalidFields(as("agent").post("/api/inquiries", Map.of()),
                "channel", "category", "callerName", "summary", "outcome");

        Map<String, Object> bad = inquiry("王五", "abc", null);
        bad.put("outcome", "REFERRED");
        bad.put("customerId", 987654321);
        bad.put("receivedAt", Instant.now().plus(1, ChronoUnit.DAYS).toString());
        assertInvalidFields(as("agent").post("/api/inquiries", bad), "callerPhone");

        bad.put("callerPhone", mobile());
        assertInvalidFields(as("agent").post("/api/inquiries", bad), "department", "customerId", "receivedAt");

        bad.put("department", "nowhere");
        bad.put("customerId", null);
        bad.put("receivedAt", null);
        assertInvalidFields(as("agent").post("/api/inquiries", bad), "department");

        Map<String, Object> badEnum = inquiry("王五", mobile(), null);
        badEnum.put("channel", "PIGEON");
        assertInvalidFields(as("agent").post("/api/inquiries", badEnum), "channel");
    }

    @Test
    void aReferredInquiryKeepsItsDepartment() {
        Map<String, Object> request = inquiry("赵六", mobile(), null);
        request.put("category", "AFTER_SALES");
        request.put("outcome", "REFERRED");
        request.put("department", "warehouse");

        JsonNode body = recorded("agent", request);

        assertThat(body.path("department").asText()).isEqualTo("warehouse");
        assertThat(body.path("departmentLabel").asText()).isEqualTo("仓储部");
    }

    @Test
    void anAgentSeesOnlyTheInquiriesTheyTook() {
        String region = unique("浙江省杭州市");
        long mine = recorded("agent", inquiry("李四", mobile(), region)).path("id").asLong();
        long theirs = recorded("agent2", inquiry("张三", mobile(), region)).path("id").asLong();

        JsonNode agentList = as("agent").get("/api/inquiries?category=FRANCHISE&size=200").json();
        assertThat(agentList.path("content").findValuesAsText("id")).contains(String.valueOf(mine))
                .doesNotContain(String.valueOf(theirs));
        assertThat(agentList.path("content").findValuesAsText("takenBy")).containsOnly("agent");
        assertThat(as("agent").get("/api/inquiries/" + mine).status()).isEqualTo(200);
        assertProblem(as("agent").get("/api/inquiries/" + theirs), 404);
        assertProblem(as("agent").get("/api/inquiries/987654321"), 404);

        JsonNode supervisorList = as("supervisor").get("/api/inquiries?takenBy=agent2&size=200").json();
        assertThat(supervisorList.path("content").findValuesAsText("id")).contains(String.valueOf(theirs))
                .doesNotContain(String.valueOf(mine));
        assertThat(as("manager").get("/api/inquiries/" + mine).status()).isEqualTo(200);
    }

    @Test
    void searchFiltersByPeriodCategoryChannelAndOutcome() {
        Map<String, Object> request = inquiry("周七", mobile(), null);
        request.put("channel", "WALK_IN");
        request.put("category", "PRODUCT");
        request.put("outcome", "ANSWERED");
        request.put("receivedAt", "2026-01-15T02:00:00Z");
        long id = recorded("agent", request).path("id").asLong();

        String hit = "/api/inquiries?from=2026-01-15&to=2026-01-15&category=PRODUCT&channel=WALK_IN&outcome=ANSWERED&size=200";
        assertThat(as("supervisor").get(hit).json().path("content").findValuesAsText("id")).contains(String.valueOf(id));
        for (String miss : new String[] {"from=2026-01-16", "to=2026-01-14", "category=FRANCHISE", "channel=HOTLINE",
                "outcome=PROSPECT", "takenBy=agent2"}) {
            assertThat(as("supervisor").get("/api/inquiries?size=200&" + miss).json().path("content")
                    .findValuesAsText("id")).as(miss).doesNotContain(String.valueOf(id));
        }
    }

    @Test
    void theAuditorReadsEveryInquiryMaskedAndRecordsNone() {
        String phone = mobile();
        long id = recorded("agent", inquiry("欧阳娜娜", phone, null)).path("id").asLong();

        assertProblem(as("auditor").post("/api/inquiries", inquiry("审计员", mobile(), null)), 403);
        JsonNode audited = as("auditor").get("/api/inquiries/" + id).json();
        assertThat(audited.path("callerName").asText()).isEqualTo("欧***");
        assertThat(audited.path("callerPhone").asText()).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
        assertThat(audited.path("personalDataMasked").asBoolean()).isTrue();
        assertThat(as("auditor").get("/api/inquiries?size=200").json().path("content").findValuesAsText("id"))
                .contains(String.valueOf(id));
        assertProblem(anonymous().get("/api/inquiries"), 401);
    }

    @Test
    void theCallerIsShownInFullToTheTakerSupervisorsAndManagersOnly() {
        String phone = mobile();
        long id = recorded("agent", inquiry("欧阳娜娜", phone, null)).path("id").asLong();

        for (String user : new String[] {"agent", "supervisor", "manager"}) {
            JsonNode body = as(user).get("/api/inquiries/" + id).json();
            assertThat(body.path("callerPhone").asText()).as(user).isEqualTo(phone);
            assertThat(body.path("callerName").asText()).as(user).isEqualTo("欧阳娜娜");
        }
        JsonNode listed = as("auditor").get("/api/inquiries?size=200").json().path("content");
        listed.forEach(i -> assertThat(i.path("personalDataMasked").asBoolean()).isTrue());
    }

    @Test
    void departmentsRecordNoInquiryAndCannotSortByTheCaller() {
        assertProblem(as("tech").post("/api/inquiries", inquiry("部门", mobile(), null)), 403);
        assertThat(as("supervisor").get("/api/inquiries?takenBy=tech").json().path("content").size()).isZero();

        assertInvalidFields(as("tech").get("/api/inquiries?sort=callerPhone"), "sort");
        assertInvalidFields(as("auditor").get("/api/inquiries?sort=callerName,desc"), "sort");
        assertThat(as("agent").get("/api/inquiries?sort=callerPhone").status()).isEqualTo(200);
    }
}
