package io.kefu.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.http.HttpClient;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * Kefu's pages as a browser uses them, without a browser: a session cookie, no redirects followed, forms posted with
 * the CSRF token of the page they came from.
 */
public final class BrowserSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"(_csrf(?:_header)?)\" content=\"([^\"]+)\"");

    private final RestClient client;

    public BrowserSession(int port) {
        HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        client = RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .requestFactory(new JdkClientHttpRequestFactory(http))
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                .build();
    }

    /** A session logged in through the login form (password = user id, as the tests' users have). */
    public static BrowserSession loggedIn(int port, String user) {
        BrowserSession session = new BrowserSession(port);
        ResponseEntity<String> loggedIn = session.logIn(user, user);
        assertThat(loggedIn.getHeaders().getLocation().toString()).as("logged in as %s", user).doesNotContain("error");
        return session;
    }

    public ResponseEntity<String> logIn(String user, String password) {
        var form = new LinkedMultiValueMap<String, String>();
        form.add("username", user);
        form.add("password", password);
        return post("/login", csrfToken(get("/login")), form);
    }

    public ResponseEntity<String> get(String uri) {
        return client.get().uri(uri).accept(MediaType.TEXT_HTML).retrieve().toEntity(String.class);
    }

    /** Posts the form with the given CSRF token; a null token posts it without one. */
    public ResponseEntity<String> post(String uri, String csrf, LinkedMultiValueMap<String, String> form) {
        if (csrf != null) {
            form.set("_csrf", csrf);
        }
        return client.post().uri(uri).accept(MediaType.TEXT_HTML).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(form).retrieve().toEntity(String.class);
    }

    /**
     * Posts a body of any type with extra headers (a page's script: the CSRF header; another site's page: none),
     * sending the session cookie like a browser.
     */
    public ResponseEntity<String> post(String uri, MediaType contentType, Object body, HttpHeaders headers) {
        return client.post().uri(uri).headers(h -> h.addAll(headers)).contentType(contentType).body(body)
                .retrieve().toEntity(String.class);
    }

    /** The CSRF header a console page's script sends: name and token from the layout's meta tags. */
    public static HttpHeaders csrfHeader(ResponseEntity<String> page) {
        Matcher matcher = CSRF_META.matcher(page.getBody());
        String name = null;
        String token = null;
        while (matcher.find()) {
            if (matcher.group(1).equals("_csrf_header")) {
                name = matcher.group(2);
            } else {
                token = matcher.group(2);
            }
        }
        assertThat(name).as("the CSRF meta tags in %s", page.getBody()).isNotBlank();
        assertThat(token).as("the CSRF meta tags in %s", page.getBody()).isNotBlank();
        HttpHeaders headers = new HttpHeaders();
        headers.set(name, token);
        return headers;
    }

    public static String csrfToken(ResponseEntity<String> page) {
        Matcher matcher = CSRF.matcher(page.getBody());
        assertThat(matcher.find()).as("a CSRF token in %s", page.getBody()).isTrue();
        return matcher.group(1);
    }
}
