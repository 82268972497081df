package io.kefu.phonecase;

import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.support.BrowserSession;
import io.kefu.support.HttpApiTest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * 转为个案 on the console's 热线咨询 page as a browser does it: the case opens on its case page with 时间、地点、人物、
 * 事件、联系方式 (in full for its owner), the inquiry links to it; without a department nothing is opened.
 */
class PhoneCasePageTests extends HttpApiTest {

    @LocalServerPort
    int port;

    @Test
    void anAgentTurnsAnInquiryIntoACaseAndLandsOnItsCasePage() {
        String caller = "吴" + unique("");
        String phone = mobile();
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("channel", "HOTLINE");
        request.put("category", "PRODUCT");
        request.put("callerName", caller);
        request.put("callerPhone", phone);
        request.put("summary", "新款终端是否支持刷脸支付");
        request.put("outcome", "ANSWERED");
        long inquiryId = as("agent").post("/api/inquiries", request).json().path("id").asLong();
        BrowserSession browser = BrowserSession.loggedIn(port, "agent");
        ResponseEntity<String> list = browser.get("/console/inquiries");
        assertThat(list.getBody()).contains("转为个案", "/console/inquiries/" + inquiryId + "/phone-case");
        String csrf = BrowserSession.csrfToken(list);

        ResponseEntity<String> refused = browser.post("/console/inquiries/" + inquiryId + "/phone-case", csrf,
                new LinkedMultiValueMap<>());
        assertThat(refused.getStatusCode().value()).isEqualTo(302);
        assertThat(refused.getHeaders().getLocation()).hasPath("/console/inquiries");
        assertThat(browser.get("/console/inquiries").getBody()).contains("未能转为个案", "请选择负责处理的部门");

        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("department", "business");
        ResponseEntity<String> opened = browser.post("/console/inquiries/" + inquiryId + "/phone-case",
                BrowserSession.csrfToken(browser.get("/console/inquiries")), form);
        assertThat(opened.getStatusCode().value()).isEqualTo(302);
        String casePage = opened.getHeaders().getLocation().getPath();
        assertThat(casePage).startsWith("/console/cases/GA");
        ResponseEntity<String> page = browser.get(casePage);
        assertThat(page.getBody()).contains("已转为个案", "个案详情", "首问负责人", caller, phone, "业务部",
                "部门提出解决方案");
        ResponseEntity<String> link = browser.get("/console/inquiries/" + inquiryId + "/phone-case");
        assertThat(link.getHeaders().getLocation()).hasPath(casePage);
    }
}
