package io.kefu.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kefu.support.HttpApiTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** 派工 over HTTP: the rules of a repair call, the rest hours, who reads a work order, masking of the contact. */
class WorkOrderApiTests extends HttpApiTest {

    private Map<String, Object> repair(String customerCode, String phone, String appointmentAt) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("kind", "REPAIR");
        request.put("customerCode", customerCode);
        request.put("contactName", "郑师傅");
        request.put("contactPhone", phone);
        request.put("address", "广东省深圳市南山区科技园路88号");
        request.put("productModel", "GPS-T200");
        request.put("purchaseDate", "2026-01-05");
        request.put("fault", "终端不上线");
        request.put("appointmentAt", appointmentAt);
        return request;
    }

    private static String tomorrowAt(String time) {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1) + "T" + time;
    }

    @Test
    void aRepairCallBecomesAWorkOrderReadByItsRegistrarAndOverseersOnly() {
        String code = registerCustomer().path("code").asText();
        String phone = mobile();

        assertInvalidFields(as("agent").post("/api/work-orders", Map.of("kind", "REPAIR")), "customerCode",
                "contactName", "contactPhone", "address", "productModel", "purchaseDate", "fault", "appointmentAt");
        assertInvalidFields(as("agent").post("/api/work-orders", repair(code, phone, tomorrowAt("12:30"))),
                "appointmentAt");
        assertInvalidFields(as("agent").post("/api/work-orders", repair(code, phone, tomorrowAt("20:30"))),
                "appointmentAt");
        assertInvalidFields(as("agent").post("/api/work-orders", repair("NOPE-1", phone, tomorrowAt("10:00"))),
                "customerCode");
        assertProblem(as("tech").post("/api/work-orders", repair(code, phone, tomorrowAt("10:00"))), 403);

        Response created = as("agent").post("/api/work-orders", repair(code, phone, tomorrowAt("10:00")));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        JsonNode order = created.json();
        assertThat(order.path("orderNo").asText()).startsWith("WX");
        assertThat(order.path("kindLabel").asText()).isEqualTo("维修服务单");
        assertThat(order.path("statusLabel").asText()).isEqualTo("待审批");
        assertThat(order.path("contactPhone").asText()).isEqualTo(phone);
        long id = order.path("id").asLong();

        assertProblem(as("agent2").get("/api/work-orders/" + id), 404);
        assertThat(as("agent2").get("/api/work-orders?size=100").body()).doesNotContain(order.path("orderNo").asText());
        assertThat(as("agent").get("/api/work-orders?size=100").body()).contains(order.path("orderNo").asText());
        JsonNode asAuditor = as("auditor").get("/api/work-orders/" + id).json();
        assertThat(asAuditor.path("personalDataMasked").asBoolean()).isTrue();
        assertThat(asAuditor.path("contactPhone").asText()).doesNotContain(phone);
        assertThat(as("supervisor").get("/api/work-orders/" + id).json().path("contactPhone").asText())
                .isEqualTo(phone);
        // what the mask hides is no search key either
        assertInvalidFields(as("auditor").get("/api/work-orders?sort=contactName"), "sort");
    }
}
