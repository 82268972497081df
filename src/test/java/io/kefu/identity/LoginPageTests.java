package io.kefu.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.support.BrowserSession;
import io.kefu.support.HttpApiTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Kefu's login page as a browser sees it: a session cookie, no redirects followed, the form posted with its CSRF
 * token — the page is Chinese, a wrong password says so in Chinese, the right one returns to the page asked for.
 */
class LoginPageTests extends HttpApiTest {

    @LocalServerPort
    int port;

    private BrowserSession browser;

    @BeforeEach
    void newBrowserSession() {
        browser = new BrowserSession(port);
    }

    @AfterEach
    void unlockGuessedUser() {
        identityService.unlockUser(GUESSED_USER);
    }

    @Test
    void anAnonymousVisitorGetsTheLoginPageInChinese() {
        ResponseEntity<String> console = get("/console/cases");
        assertThat(console.getStatusCode().value()).isEqualTo(302);
        assertThat(console.getHeaders().getLocation()).hasPath("/login");

        ResponseEntity<String> page = get("/login");

        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        assertThat(page.getBody())
                .contains("<html lang=\"zh-CN\"", "<title>客服工作台 登录</title>", "用户名", "密码", ">登录</button>",
                        "name=\"username\"", "name=\"password\"", "href=\"/camunda/app/tasklist/\"")
                .doesNotContain("Please sign in", "用户名或密码错误", "您已退出登录");
        assertThat(BrowserSession.csrfToken(page)).isNotBlank();
    }

    @Test
    void aWrongPasswordShowsTheErrorInChinese() {
        get("/console/cases");

        ResponseEntity<String> refused = logIn(GUESSED_USER, "not-the-password");

        assertThat(refused.getStatusCode().value()).isEqualTo(302);
        assertThat(refused.getHeaders().getLocation()).hasPath("/login").hasQuery("error");
        ResponseEntity<String> page = get("/login?error");
        assertThat(page.getBody()).contains("用户名或密码错误");
        assertThat(get("/console/cases").getStatusCode().value()).as("still not logged in").isEqualTo(302);
    }

    @Test
    void theRightPasswordLandsOnThePageAskedForAndLogoutSaysSoInChinese() {
        get("/console/cases");

        ResponseEntity<String> accepted = logIn("supervisor", "supervisor");

        assertThat(accepted.getStatusCode().value()).isEqualTo(302);
        assertThat(accepted.getHeaders().getLocation()).hasPath("/console/cases");
        ResponseEntity<String> cases = get(accepted.getHeaders().getLocation().toString());
        assertThat(cases.getStatusCode().value()).isEqualTo(200);
        assertThat(cases.getBody()).contains("id=\"case-search\"", "supervisor");

        ResponseEntity<String> loggedOut = post("/logout", BrowserSession.csrfToken(cases), new LinkedMultiValueMap<>());
        assertThat(loggedOut.getHeaders().getLocation()).hasPath("/login").hasQuery("logout");
        assertThat(get("/login?logout").getBody()).contains("您已退出登录");
        assertThat(get("/console/cases").getStatusCode().value()).isEqualTo(302);
    }

    @Test
    void aLoginWithoutTheFormsCsrfTokenIsRefused() {
        var form = new LinkedMultiValueMap<String, String>();
        form.add("username", "supervisor");
        form.add("password", "supervisor");

        ResponseEntity<String> response = browser.post("/login", null, form);

        assertThat(response.getStatusCode().value()).isEqualTo(403);
    }

    private ResponseEntity<String> logIn(String user, String password) {
        return browser.logIn(user, password);
    }

    private ResponseEntity<String> get(String uri) {
        return browser.get(uri);
    }

    private ResponseEntity<String> post(String uri, String csrf, LinkedMultiValueMap<String, String> form) {
        return browser.post(uri, csrf, form);
    }
}
