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
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.form.FormData;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
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

    private final FormService formService;
    private final RepositoryService repositoryService;
    private final IdentityService identityService;
    private final ObjectMapper json;
    private final ProcessEngineConfigurationImpl engine;
    /** The fields of each deployed Camunda Form, by form definition id. */
    private final Map<String, Set<String>> byDefinition = new ConcurrentHashMap<>();

    DeclaredFormFields(FormService formService, RepositoryService repositoryService, IdentityService identityService,
            ObjectMapper json, ProcessEngineConfigurationImpl engine) {
        this.engine = engine;
        this.formService = formService;
        this.repositoryService = repositoryService;
        this.identityService = identityService;
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
        return withoutAuthentication(() -> {
            String definitionId = byKey.matches() ? latest(byKey.group(1)) : byId.matches() ? byId.group(1) : null;
            return definitionId == null ? Optional.empty()
                    : fieldsOf(() -> formService.getStartFormData(definitionId),
                            () -> formService.getDeployedStartForm(definitionId));
        });
    }

    /**
     * The fields the task's Camunda Form declares, for Kefu's own task API ({@code /api/tasks/{id}/complete}) to apply
     * the same rule; empty when the task has no deployed form.
     */
    Optional<Set<String>> ofTask(String taskId) {
        return withoutAuthentication(() -> fieldsOf(() -> formService.getTaskFormData(taskId),
                () -> formService.getDeployedTaskForm(taskId)));
    }

    /**
     * A Camunda Form (form reference) is read and parsed once per deployed form definition: a definition never changes
     * (a changed form is a new definition, which the reference's binding then finds), and its fields are the same for
     * every user. Only which definition a task or start event uses is looked up per request. Other forms are read
     * each time.
     */
    private Optional<Set<String>> fieldsOf(Supplier<FormData> data, Supplier<InputStream> deployed) {
        try {
            FormData form = data.get();
            CamundaFormRef reference = form.getCamundaFormRef();
            if (reference == null) {
                return parse(deployed);
            }
            CamundaFormDefinition definition = engine.getCommandExecutorTxRequired()
                    .execute(new GetCamundaFormDefinitionCmd(reference, form.getDeploymentId()));
            if (definition == null) {
                return Optional.empty();
            }
            Set<String> fields = byDefinition.get(definition.getId());
            if (fields == null) {
                Optional<Set<String>> parsed = parse(() -> repositoryService.getResourceAsStream(
                        definition.getDeploymentId(), definition.getResourceName()));
                if (parsed.isEmpty()) {
                    return parsed;
                }
                fields = parsed.get();
                byDefinition.putIfAbsent(definition.getId(), fields);
            }
            return Optional.of(fields);
        } catch (ProcessEngineException | IllegalArgumentException noForm) {
            return Optional.empty();
        }
    }

    private Optional<Set<String>> parse(Supplier<InputStream> deployed) {
        try (InputStream form = deployed.get()) {
            Set<String> keys = new TreeSet<>();
            collect(json.readTree(form), keys);
            return Optional.of(Collections.unmodifiableSet(keys));
        } catch (ProcessEngineException | IOException | IllegalArgumentException noForm) {
            return Optional.empty();
        }
    }

    private String latest(String key) {
        ProcessDefinition definition = repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(key).latestVersion().withoutTenantId().singleResult();
        return definition == null ? null : definition.getId();
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

    /** The form is looked up as the engine itself would see it; the engine checks the caller's rights afterwards. */
    private <T> T withoutAuthentication(Supplier<T> lookup) {
        var authentication = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            return lookup.get();
        } finally {
            if (authentication != null) {
                identityService.setAuthentication(authentication);
            }
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
