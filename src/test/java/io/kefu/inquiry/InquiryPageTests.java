package io.kefu.inquiry;

import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.support.BrowserSession;
import io.kefu.support.HttpApiTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The console page 热线咨询 as a browser uses it (session cookie, CSRF token from the page, no redirects followed):
 * an agent records an inquiry, a refused one comes back with the error next to its field, an auditor only reads.
 */
class InquiryPageTests extends HttpApiTest {

    @LocalServerPort
    int port;

    @Autowired
    InquiryRepository repository;

    @Test
    void anAgentRecordsAnInquiryAndIsSentBackToTheListWithAMessage() {
        BrowserSession browser = loggedIn("agent");
        ResponseEntity<String> page = get(browser, "/console/inquiries");
        assertThat(page.getBody()).contains("id=\"inquiry-form\"", "热线咨询", "来电人", "咨询渠道", "招商加盟咨询");
        String caller = unique("来电");
        var customer = registerCustomer();
        String customerCode = customer.path("code").asText();
        LinkedMultiValueMap<String, String> form = form(caller, "13812345678");
        form.add("customerCode", customerCode);

        ResponseEntity<String> posted = post(browser, BrowserSession.csrfToken(page), form);

        assertThat(posted.getStatusCode().value()).as(posted.getBody()).isEqualTo(302);
        assertThat(posted.getHeaders().getLocation()).hasPath("/console/inquiries");
        List<Inquiry> saved = savedBy(caller);
        assertThat(saved).singleElement().satisfies(i -> {
            assertThat(i.getTakenBy()).isEqualTo("agent");
            assertThat(i.getCategory()).isEqualTo(InquiryCategory.FRANCHISE);
            assertThat(i.getOutcome()).isEqualTo(InquiryOutcome.REFERRED);
            assertThat(i.getDepartment()).isEqualTo("sales");
            assertThat(i.getCustomerId()).isEqualTo(customer.path("id").asLong());
        });
        ResponseEntity<String> list = get(browser, posted.getHeaders().getLocation().toString());
        assertThat(list.getStatusCode().value()).isEqualTo(200);
        assertThat(list.getBody()).contains("已登记", caller, "13812345678", customerCode);
    }

    @Test
    void aRefusedInquiryComesBackWithTheErrorNextToItsFieldAndIsNotSaved() {
        BrowserSession browser = loggedIn("agent");
        String caller = unique("来电");
        LinkedMultiValueMap<String, String> form = form(caller, "not a phone");
        form.set("department", "");

        ResponseEntity<String> posted = post(browser, BrowserSession.csrfToken(get(browser, "/console/inquiries")), form);

        assertThat(posted.getStatusCode().value()).isEqualTo(200);
        assertThat(posted.getBody())
                .contains("<span class=\"field-error\">联系电话格式不正确:")
                .contains("value=\"" + caller + "\"")
                .doesNotContain("已登记");
        assertThat(savedBy(caller)).isEmpty();

        form.set("callerPhone", "");
        ResponseEntity<String> again = post(browser, BrowserSession.csrfToken(posted), form);
        assertThat(again.getBody()).contains("<span class=\"field-error\">转交部门时请选择部门</span>");
        assertThat(savedBy(caller)).isEmpty();
    }

    @Test
    void anAuditorSeesTheListMaskedButNoFormAndCannotPost() {
        String caller = "欧阳" + unique("");
        BrowserSession agent = loggedIn("agent");
        ResponseEntity<String> recorded = post(agent, BrowserSession.csrfToken(get(agent, "/console/inquiries")),
                form(caller, "13812345678"));
        assertThat(recorded.getStatusCode().value()).isEqualTo(302);
        BrowserSession browser = loggedIn("auditor");

        ResponseEntity<String> page = get(browser, "/console/inquiries");

        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getBody()).contains("id=\"inquiry-results\"", "id=\"inquiry-search\"")
                .doesNotContain("id=\"inquiry-form\"", caller, "13812345678");
        String other = unique("来电");
        ResponseEntity<String> refused = post(browser, BrowserSession.csrfToken(page), form(other, "13812345678"));
        assertThat(refused.getStatusCode().value()).isEqualTo(403);
        assertThat(savedBy(other)).isEmpty();
    }

    private List<Inquiry> savedBy(String caller) {
        return repository.findAll().stream().filter(i -> i.getCallerName().equals(caller)).toList();
    }

    private static LinkedMultiValueMap<String, String> form(String caller, String phone) {
        var form = new LinkedMultiValueMap<String, String>();
        form.add("channel", "HOTLINE");
        form.add("category", "FRANCHISE");
        form.add("callerName", caller);
        form.add("callerPhone", phone);
        form.add("region", "华东");
        form.add("summary", "想了解加盟条件");
        form.add("outcome", "REFERRED");
        form.add("department", "sales");
        return form;
    }

    private BrowserSession loggedIn(String user) {
        return BrowserSession.loggedIn(port, user);
    }

    private static ResponseEntity<String> get(BrowserSession browser, String uri) {
        return browser.get(uri);
    }

    private static ResponseEntity<String> post(BrowserSession browser, String csrf, LinkedMultiValueMap<String, String> form) {
        return browser.post("/console/inquiries", csrf, form);
    }
}
