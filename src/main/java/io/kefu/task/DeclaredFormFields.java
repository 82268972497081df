package io.kefu.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A form submission carries only the fields its form declares. Through the engine REST API — {@code /engine-rest} and
 * the one Tasklist uses, {@code /camunda/api/engine} — a client could otherwise send any variable with a task's
 * {@code complete}/{@code submit-form} or a process's {@code start}/{@code submit-form}: a case id, an owner, a
 * recused user. A body with variables the task's or start event's Camunda Form does not declare is refused with 400
 * naming them, before the engine sees it, so nothing is written. Kefu's own Java code calling the engine is unaffected.
 */
@Component
public class DeclaredFormFields extends OncePerRequestFilter {

    static final int MAX_BODY_BYTES = 2 * 1024 * 1024;

    private static final Pattern TASK = Pattern.compile(".*/task/([^/]+)/(?:complete|submit-form|resolve)$");
    private static final Pattern START_BY_KEY = Pattern.compile(
            ".*/process-definition/key/([^/]+)(?:/tenant-id/[^/]+)?/(?:start|submit-form)$");
    private static final Pattern START_BY_ID = Pattern.compile(".*/process-definition/([^/]+)/(?:start|submit-form)$");

    private final DeployedForms forms;
    private final ObjectMapper json;

    DeclaredFormFields(DeployedForms forms, ObjectMapper json) {
        this.forms = forms;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = path(request);
        return !"POST".equals(request.getMethod())
                || !(path.startsWith("/engine-rest/") || path.startsWith("/camunda/api/engine/"))
                || !(TASK.matcher(path).matches() || START_BY_KEY.matcher(path).matches()
                        || START_BY_ID.matcher(path).matches());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            refuse(response, 413, "提交的内容过大", Set.of());
            return;
        }
        try (var sameForm = forms.remembering()) {
            Set<String> submitted = submittedVariables(body);
            if (!submitted.isEmpty()) {
                Optional<Set<String>> declared = declaredFields(path(request));
                if (declared.isPresent()) {
                    Set<String> unknown = new TreeSet<>(submitted);
                    unknown.removeAll(declared.get());
                    if (!unknown.isEmpty()) {
                        refuse(response, 400, "表单未声明的字段不能提交: " + String.join(", ", unknown), unknown);
                        return;
                    }
                }
            }
            chain.doFilter(new CachedBody(request, body), response);
        }
    }

    private Set<String> submittedVariables(byte[] body) {
        Set<String> names = new TreeSet<>();
        try {
            JsonNode variables = json.readTree(body).path("variables");
            variables.fieldNames().forEachRemaining(names::add);
        } catch (IOException | RuntimeException notJson) {
            // not JSON: the engine answers it (400) as it would without Kefu
        }
        return names;
    }

    /** The fields of the form behind the path; empty when there is no such task or process (the engine says so). */
    private Optional<Set<String>> declaredFields(String path) {
        Matcher task = TASK.matcher(path);
        Matcher byKey = START_BY_KEY.matcher(path);
        Matcher byId = START_BY_ID.matcher(path);
        if (task.matches()) {
            return ofTask(task.group(1));
        }
        Optional<DeployedForms.DeployedForm> form = byKey.matches() ? forms.ofLatestStart(byKey.group(1))
                : byId.matches() ? forms.ofStart(byId.group(1)) : Optional.empty();
        return form.map(DeclaredFormFields::fieldsOf);
    }

    /**
     * The fields the task's Camunda Form declares, for Kefu's own task API ({@code /api/tasks/{id}/complete}) to apply
     * the same rule; empty when the task has no deployed form.
     */
    Optional<Set<String>> ofTask(String taskId) {
        return forms.ofTask(taskId).map(DeclaredFormFields::fieldsOf);
    }

    /** While open, the task form checked here is the one the completion binds ({@link DeployedForms#remembering()}). */
    DeployedForms.Remembering remembering() {
        return forms.remembering();
    }

    private static Set<String> fieldsOf(DeployedForms.DeployedForm form) {
        Set<String> keys = new TreeSet<>();
        collect(form.json(), keys);
        return Collections.unmodifiableSet(keys);
    }

    /** Every field key of a Camunda Form, nested groups and lists included (a group with a path submits its path). */
    static void collect(JsonNode node, Set<String> keys) {
        for (String name : new String[] {"key", "path"}) {
            if (node.path(name).isTextual() && !node.path(name).asText().isBlank()) {
                keys.add(node.path(name).asText().split("\\.")[0]);
            }
        }
        for (Iterator<JsonNode> children = node.path("components").elements(); children.hasNext(); ) {
            collect(children.next(), keys);
        }
    }

    private void refuse(HttpServletResponse response, int status, String message, Set<String> fields)
            throws IOException {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("type", "InvalidRequestException");
        error.put("message", message);
        error.put("errors", fields.stream().map(f -> Map.of("field", f, "message", "表单未声明此字段")).toList());
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(json.writeValueAsBytes(error));
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    /** The request with its body read once here and again by the engine. */
    private static final class CachedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
