package io.kefu.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.support.BrowserSession;
import io.kefu.support.HttpApiTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The console's 派工单 page as a browser opens it: who registered a work order and overseers find it, filtered by
 * status and kind; another agent does not; the list never shows the contact's name or phone.
 */
class WorkOrderPageTests extends HttpApiTest {

    @LocalServerPort
    int port;

    @Test
    void theWorkOrderListShowsWhatTheReaderMayReadFilteredAndWithoutContactDetails() {
        String phone = mobile();
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("kind", "REPAIR");
        request.put("customerCode", registerCustomer().path("code").asText());
        request.put("contactName", "钱师傅");
        request.put("contactPhone", phone);
        request.put("address", "广东省深圳市南山区科技园路99号");
        request.put("productModel", "GPS-LIST-1");
        request.put("purchaseDate", "2026-01-05");
        request.put("fault", "终端不定位");
        request.put("appointmentAt", LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1) + "T10:00");
        String orderNo = as("agent").post("/api/work-orders", request).json().path("orderNo").asText();

        String mine = BrowserSession.loggedIn(port, "agent").get("/console/work-orders").getBody();
        assertThat(mine).contains("派工单", orderNo, "/console/cases/" + orderNo, "GPS-LIST-1", "待审批")
                .doesNotContain(phone, "钱师傅");
        BrowserSession manager = BrowserSession.loggedIn(port, "manager");
        assertThat(manager.get("/console/work-orders?status=SUBMITTED&kind=REPAIR").getBody()).contains(orderNo);
        assertThat(manager.get("/console/work-orders?status=CLOSED").getBody()).doesNotContain(orderNo);
        assertThat(manager.get("/console/work-orders?kind=INSTALLATION").getBody()).doesNotContain(orderNo);
        assertThat(manager.get("/console").getBody()).contains("/console/work-orders");
        assertThat(BrowserSession.loggedIn(port, "agent2").get("/console/work-orders").getBody())
                .contains("派工单").doesNotContain(orderNo);
    }
}
