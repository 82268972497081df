package io.kefu.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.support.HttpApiTest;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/** Nothing of Kefu's API, nor the engine REST API, answers without a valid login. */
class ApiAuthenticationTests extends HttpApiTest {

    private static final Map<String, Object> SOME_BODY = Map.of("name", "x");

    static Stream<Arguments> endpoints() {
        return Stream.of(
                Arguments.of(HttpMethod.GET, "/api/customers"),
                Arguments.of(HttpMethod.GET, "/api/customers/1"),
                Arguments.of(HttpMethod.POST, "/api/customers"),
                Arguments.of(HttpMethod.PUT, "/api/customers/1"),
                Arguments.of(HttpMethod.GET, "/api/complaints"),
                Arguments.of(HttpMethod.GET, "/api/complaints/1"),
                Arguments.of(HttpMethod.POST, "/api/complaints"),
                Arguments.of(HttpMethod.GET, "/api/tasks"),
                Arguments.of(HttpMethod.POST, "/api/tasks/1/claim"),
                Arguments.of(HttpMethod.POST, "/api/tasks/1/complete"),
                Arguments.of(HttpMethod.GET, "/engine-rest/task"),
                Arguments.of(HttpMethod.POST, "/engine-rest/task/1/complete"));
    }

    private static Object bodyFor(HttpMethod method) {
        return method == HttpMethod.GET ? null : SOME_BODY;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("endpoints")
    void aCallWithoutCredentialsIsAnswered401(HttpMethod method, String path) {
        Response response = anonymous().send(method, path, bodyFor(method), new HttpHeaders());

        assertThat(response.status()).as("%s %s: %s", method, path, response).isEqualTo(401);
        assertNoStackTrace(response);
        if (path.startsWith("/api/")) {
            assertThat(response.contentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).as("%s %s: %s", method, path, response).isTrue();
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("endpoints")
    void aCallWithAWrongPasswordIsAnswered401(HttpMethod method, String path) {
        Response response = withPassword(GUESSED_USER, "not-the-password").send(method, path, bodyFor(method),
                new HttpHeaders());

        assertThat(response.status()).as("%s %s: %s", method, path, response).isEqualTo(401);
        assertNoStackTrace(response);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("endpoints")
    void aCallAsAnUnknownUserIsAnswered401(HttpMethod method, String path) {
        Response response = withPassword("nobody-" + System.nanoTime(), "secret").send(method, path, bodyFor(method),
                new HttpHeaders());

        assertThat(response.status()).as("%s %s: %s", method, path, response).isEqualTo(401);
        assertNoStackTrace(response);
    }

    @Test
    void afterAWrongPasswordEvenTheRightOneIsRefusedForAWhile() {
        // Camunda's protection against guessing, for Kefu's API as for the engine REST API
        assertThat(withPassword(GUESSED_USER, "guess").get("/api/tasks").status()).isEqualTo(401);

        assertThat(as(GUESSED_USER).get("/api/tasks").status()).isEqualTo(401);
        assertThat(as(GUESSED_USER).get("/engine-rest/task").status()).isEqualTo(401);

        identityService.unlockUser(GUESSED_USER);
        assertThat(as(GUESSED_USER).get("/api/tasks").status()).isEqualTo(200);
        assertThat(as(GUESSED_USER).get("/engine-rest/task").status()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("endpoints")
    void theRightPasswordGetsPastTheLogin(HttpMethod method, String path) {
        // the same calls with agent's real password are not turned away at the door (they may still fail later)
        Response response = as("agent").send(method, path, bodyFor(method), new HttpHeaders());

        assertThat(response.status()).as("%s %s: %s", method, path, response).isNotEqualTo(401);
    }
}
