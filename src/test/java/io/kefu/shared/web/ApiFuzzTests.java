package io.kefu.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kefu.support.HttpApiTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every {@code /api} operation of the OpenAPI description, sent a bounded, seeded set of bad requests — wrong types,
 * missing fields, huge and odd strings, bad paging and sort, malformed JSON, wrong content types, odd path ids — as a
 * supervisor and as an agent: never a 5xx, and every 4xx a problem detail. The description itself must list exactly
 * the {@code /api} mappings Spring MVC has, so no endpoint escapes.
 */
class ApiFuzzTests extends HttpApiTest {

    private static final long SEED = 20261207L;
    /** Bad requests per operation and user, drawn from all the candidates for that operation. */
    private static final int PER_OPERATION = 10;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MEGABYTE = "长".repeat(1024 * 1024 / 3 + 1);
    private static final List<String> ODD_STRINGS = List.of("", " ", "\u0000\u0007\u001b[2J", "😀👨‍👩‍👧", "' OR '1'='1",
            "\"; DROP TABLE customer; --", "../../etc/passwd", "x".repeat(5000), "%00", "\uD800");
    private static final List<String> ODD_IDS = List.of("abc", "-1", "0", "99999999999999999999", "1.5", "%00",
            "%F0%9F%98%80", "%27%20OR%201%3D1--", "x".repeat(3000), "%E2%80%AE", "%20");
    private static final List<String> BAD_PAGING = List.of("page=-1", "size=0", "size=100000", "page=abc",
            "size=abc", "page=2147483647&size=2000", "sort=bogus", "sort=id;drop", "sort=" + "a".repeat(500),
            "sort=id,sideways");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    @LocalServerPort
    private int port;

    record Call(String method, String path, String query, String contentType, String body, String what) {
    }

    @Test
    void theOpenApiDescriptionListsExactlyTheApisMappings() {
        JsonNode docs = apiDocs();
        Set<String> described = new TreeSet<>();
        docs.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
                .forEachRemaining(method -> described.add(method.toUpperCase() + " " + path.getKey())));

        Set<String> mapped = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream()
                .filter(p -> p.startsWith("/api/"))
                .forEach(pattern -> {
                    Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                    assertThat(methods).as("%s answers every method", pattern).isNotEmpty();
                    methods.forEach(m -> mapped.add(m.name() + " " + pattern));
                }));

        assertThat(mapped).isNotEmpty();
        assertThat(described).isEqualTo(mapped);
    }

    @Test
    void everyOperationDescribesItsProblemsAndPagingLimits() {
        JsonNode docs = apiDocs();
        docs.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            JsonNode responses = op.getValue().path("responses");
            assertThat(responses.path("400").path("content").has("application/problem+json"))
                    .as("%s %s describes its 400", op.getKey(), path.getKey()).isTrue();
            op.getValue().path("parameters").forEach(p -> {
                assertThat(p.path("name").asText()).as("%s %s", op.getKey(), path.getKey()).isNotEqualTo("pageable");
                if (p.path("name").asText().equals("size")) {
                    assertThat(p.path("schema").path("maximum").asInt()).isPositive();
                }
            });
        }));
        assertThat(docs.path("paths").path("/api/visits").path("get").toString()).contains("\"page\"", "\"size\"");
        assertThat(docs.path("components").path("schemas").path("CampaignRequest").path("properties").path("name")
                .path("maxLength").asInt()).isEqualTo(200);
    }

    @Test
    void noBadRequestToAnyOperationGetsA5xxAndEvery4xxIsAProblemDetail() {
        JsonNode docs = apiDocs();
        List<Call> calls = new ArrayList<>();
        docs.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            List<Call> candidates = candidates(docs, op.getKey().toUpperCase(), path.getKey(), op.getValue());
            Collections.shuffle(candidates, new Random(SEED ^ (op.getKey() + path.getKey()).hashCode()));
            calls.addAll(candidates.subList(0, Math.min(PER_OPERATION, candidates.size())));
        }));
        assertThat(calls).hasSizeGreaterThan(100);

        SoftAssertions softly = new SoftAssertions();
        for (String user : List.of("supervisor", "agent")) {
            for (Call call : calls) {
                Response response = send(user, call);
                softly.assertThat(response.status()).as("%s %s as %s: %s", call.what(), call.path(), user, response)
                        .isLessThan(500);
                if (response.status() >= 400) {
                    softly.assertThat(response.contentType() != null
                                    && response.contentType().isCompatibleWith(PROBLEM_JSON))
                            .as("problem details for %s %s as %s: %s", call.what(), call.path(), user, response)
                            .isTrue();
                    softly.assertThat(response.body()).as("%s %s", call.what(), call.path())
                            .doesNotContain("\tat ", ".java:", "Exception", "<html");
                }
            }
        }
        softly.assertAll();
    }

    @Test
    void requestsTomcatRefusesBeforeAnyServletAreProblemDetailsToo() throws IOException {
        String auth = "Authorization: Basic " + Base64.getEncoder()
                .encodeToString("supervisor:supervisor".getBytes(StandardCharsets.UTF_8)) + "\r\n";
        for (String request : List.of(
                "GET /api/customers/%zz HTTP/1.1\r\n",
                "GET /api/customers?name=" + "x".repeat(20_000) + " HTTP/1.1\r\n",
                "GET /api/complaints/%00 HTTP/1.1\r\n",
                "GET /api/cases/a%2Fb/timeline HTTP/1.1\r\n")) {
            String answer = raw(request + "Host: localhost\r\n" + auth + "Connection: close\r\n\r\n");
            String head = answer.split("\r\n\r\n", 2)[0];
            assertThat(head).as("%.80s -> %s", request, answer).matches("(?s)HTTP/1.1 4\\d\\d .*");
            assertThat(head.toLowerCase()).as("%.80s -> %s", request, answer)
                    .contains("content-type: application/problem+json");
            assertThat(answer).doesNotContain("<html", "Exception", ".java:");
        }
    }

    // ---- the bad requests ------------------------------------------------------------------------------------

    private List<Call> candidates(JsonNode docs, String method, String pathTemplate, JsonNode operation) {
        List<Call> calls = new ArrayList<>();
        String path = pathTemplate.replaceAll("\\{[^}]+}", "1");
        if (pathTemplate.contains("{")) {
            for (String id : ODD_IDS) {
                calls.add(new Call(method, pathTemplate.replaceAll("\\{[^}]+}", id), null, null,
                        bodyNeeded(operation) ? "{}" : null, "path id " + id.substring(0, Math.min(20, id.length()))));
            }
        }
        for (JsonNode parameter : operation.path("parameters")) {
            if (!parameter.path("in").asText().equals("query")) {
                continue;
            }
            String name = parameter.path("name").asText();
            for (String value : List.of("abc", "-1", "2147483648", "%00", "%F0%9F%98%80", "%27%22%3B--",
                    "x".repeat(2000), "%0D%0A")) {
                calls.add(new Call(method, path, name + "=" + value, null, null, "query " + name));
            }
            if (name.equals("page") || name.equals("size") || name.equals("sort")) {
                BAD_PAGING.forEach(q -> calls.add(new Call(method, path, q, null, null, "paging " + q)));
            }
        }
        JsonNode requestBody = operation.path("requestBody").path("content");
        if (requestBody.has("application/json")) {
            JsonNode schema = resolve(docs, requestBody.path("application/json").path("schema"));
            for (String body : List.of("{", "[]", "null", "42", "\"x\"", "{\"a\":", "{}", "{\"\u0000\":1}")) {
                calls.add(new Call(method, path, null, "application/json", body, "malformed " + body));
            }
            calls.add(new Call(method, path, null, "text/plain", "hello", "text/plain body"));
            calls.add(new Call(method, path, null, "application/xml", "<a/>", "xml body"));
            calls.add(new Call(method, path, null, "application/json", "{\"x\":" + MEGABYTE.length() + "}", "unknown field"));
            schema.path("properties").fields().forEachRemaining(property -> {
                String name = property.getKey();
                JsonNode type = resolve(docs, property.getValue());
                for (Object wrong : wrongValues(type)) {
                    ObjectNode body = JSON.createObjectNode();
                    body.set(name, JSON.valueToTree(wrong));
                    calls.add(new Call(method, path, null, "application/json", body.toString(),
                            "field " + name + " " + describe(wrong)));
                }
            });
        } else if (requestBody.has("multipart/form-data")) {
            calls.add(new Call(method, path, null, "application/json", "{}", "json to multipart"));
            calls.add(new Call(method, path, null, "multipart/form-data; boundary=x", "--x\r\nbroken", "broken multipart"));
            calls.add(new Call(method, path, null, "multipart/form-data; boundary=b", "--b\r\nContent-Disposition: "
                    + "form-data; name=\"files\"; filename=\"x.bpmn\"\r\nContent-Type: text/xml\r\n\r\n<not-xml\r\n--b--\r\n",
                    "junk model file"));
        } else if (!method.equals("GET")) {
            calls.add(new Call(method, path, null, "application/json", "{", "unexpected malformed body"));
        }
        calls.add(new Call(method, path, null, null, null, "accept html"));
        return calls;
    }

    private static boolean bodyNeeded(JsonNode operation) {
        return operation.path("requestBody").path("content").has("application/json");
    }

    private static List<Object> wrongValues(JsonNode type) {
        List<Object> values = new ArrayList<>();
        String kind = type.path("type").asText();
        if (kind.equals("string") || kind.isEmpty()) {
            values.add(MEGABYTE);
            values.addAll(ODD_STRINGS);
            values.add(Map.of("nested", true));
            values.add(List.of(1, 2));
        } else if (kind.equals("integer") || kind.equals("number")) {
            values.addAll(List.of("abc", -1, Long.MAX_VALUE, 1e308, "1e999", List.of(1)));
        } else if (kind.equals("boolean")) {
            values.addAll(List.of("maybe", 2));
        } else if (kind.equals("array")) {
            values.addAll(List.of("x", List.of(Map.of("a", 1)), Collections.nCopies(20_000, "x")));
        } else {
            values.addAll(List.of("x", 1, List.of()));
        }
        return values;
    }

    private static String describe(Object value) {
        String text = String.valueOf(value);
        return text.length() > 30 ? text.substring(0, 30) + "…(" + text.length() + ")" : text;
    }

    private static JsonNode resolve(JsonNode docs, JsonNode schema) {
        JsonNode current = schema;
        for (int depth = 0; depth < 5 && current.has("$ref"); depth++) {
            String ref = current.path("$ref").asText().replace("#/components/schemas/", "");
            current = docs.path("components").path("schemas").path(ref);
        }
        return current;
    }

    // ---- HTTP --------------------------------------------------------------------------------------------------

    private JsonNode apiDocs() {
        Response docs = as("supervisor").get("/v3/api-docs");
        assertThat(docs.status()).as("%s", docs).isEqualTo(200);
        Response anonymous = anonymous().get("/v3/api-docs");
        assertThat(anonymous.status() == 200 && anonymous.body().contains("\"openapi\"")).as("%s", anonymous).isFalse();
        return docs.json();
    }

    /** Sent exactly as written (no re-encoding of the odd path ids and values). */
    private Response send(String user, Call call) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, user, StandardCharsets.UTF_8);
        if (call.what().equals("accept html")) {
            headers.setAccept(List.of(MediaType.TEXT_HTML));
        } else {
            headers.setAccept(List.of(MediaType.APPLICATION_JSON, PROBLEM_JSON));
        }
        if (call.contentType() != null) {
            headers.set(HttpHeaders.CONTENT_TYPE, call.contentType());
        }
        URI uri = URI.create("http://localhost:" + port + call.path()
                + (call.query() == null ? "" : "?" + call.query()));
        byte[] body = call.body() == null ? null : call.body().getBytes(StandardCharsets.UTF_8);
        ResponseEntity<byte[]> response = rest.getRestTemplate().exchange(uri, HttpMethod.valueOf(call.method()),
                new HttpEntity<>(body, headers), byte[].class);
        byte[] bytes = response.getBody();
        return new Response(response.getStatusCode().value(), response.getHeaders(),
                bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8));
    }

    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
