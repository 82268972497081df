package io.kefu.phonecase;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kefu.support.HttpApiTest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** 转为个案 over HTTP and on the console's inquiry page: the rules, who reads a case, masking of the contact. */
class PhoneCaseApiTests extends HttpApiTest {

    private long inquiry(String user, String caller, String phone) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("channel", "HOTLINE");
        request.put("category", "AFTER_SALES");
        request.put("callerName", caller);
        request.put("callerPhone", phone);
        request.put("region", "云南省昆明市");
        request.put("summary", "收银机无法联网,当场无法答复");
        request.put("outcome", "ANSWERED");
        Response response = as(user).post("/api/inquiries", request);
        assertThat(response.status()).as("%s", response).isEqualTo(201);
        return response.json().path("id").asLong();
    }

    @Test
    void anInquiryBecomesACaseOnceAndCountsAsTurnedIntoOne() {
        String phone = mobile();
        long inquiryId = inquiry("agent", "钱多多", phone);

        assertInvalidFields(as("agent").post("/api/inquiries/" + inquiryId + "/phone-case", Map.of()), "department");
        assertInvalidFields(as("agent").post("/api/inquiries/" + inquiryId + "/phone-case",
                Map.of("department", "nowhere")), "department");
        Response opened = as("agent").post("/api/inquiries/" + inquiryId + "/phone-case",
                Map.of("department", "tech", "place", "昆明市五华区门店"));
        assertThat(opened.status()).as("%s", opened).isEqualTo(201);
        JsonNode phoneCase = opened.json();
        assertThat(phoneCase.path("caseNo").asText()).startsWith("GA");
        assertThat(phoneCase.path("ownerId").asText()).isEqualTo("agent");
        assertThat(phoneCase.path("person").asText()).isEqualTo("钱多多");
        assertThat(phoneCase.path("contact").asText()).isEqualTo(phone);
        assertThat(phoneCase.path("event").asText()).contains("收银机无法联网");
        assertThat(phoneCase.path("departmentLabel").asText()).isEqualTo("技术部");
        assertThat(as("agent").get("/api/inquiries/" + inquiryId).json().path("outcomeLabel").asText())
                .isEqualTo("转为个案");

        assertProblem(as("agent").post("/api/inquiries/" + inquiryId + "/phone-case", Map.of("department", "tech")),
                409);
        assertProblem(as("agent2").post("/api/inquiries/" + inquiryId + "/phone-case", Map.of("department", "tech")),
                404);

        // the department it was passed to reads it, the contact masked; another agent does not see it
        JsonNode asTech = as("tech").get("/api/phone-cases/" + phoneCase.path("id").asLong()).json();
        assertThat(asTech.path("personalDataMasked").asBoolean()).isTrue();
        assertThat(asTech.path("contact").asText()).doesNotContain(phone).endsWith(phone.substring(7));
        assertThat(asTech.path("person").asText()).isEqualTo("钱**");
        assertProblem(as("agent2").get("/api/phone-cases/" + phoneCase.path("id").asLong()), 404);
        assertThat(as("agent2").get("/api/phone-cases?size=100").body()).doesNotContain(phoneCase.path("caseNo").asText());
        assertThat(as("tech").get("/api/phone-cases?size=100").body()).contains(phoneCase.path("caseNo").asText());
    }

    @Test
    void aCaseCannotBeChosenAsTheOutcomeWhenRecording() {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("channel", "HOTLINE");
        request.put("category", "OTHER");
        request.put("callerName", "孙先生");
        request.put("summary", "咨询");
        request.put("outcome", "CASE");
        assertInvalidFields(as("agent").post("/api/inquiries", request), "outcome");
    }
}
