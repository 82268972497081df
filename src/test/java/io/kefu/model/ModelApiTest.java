package io.kefu.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kefu.support.HttpApiTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Base of the process-redesign tests. The suite shares one engine, so these tests never deploy a new version of a
 * process others start: they deploy copies of the complaint process under their own key ({@value #KEY}) and remove
 * every deployment of it after each test.
 */
abstract class ModelApiTest extends HttpApiTest {

    static final String KEY = "complaint-handling-redesign-test";
    static final String V1 = "models/complaint-handling-redesign-test.bpmn";
    static final String V2 = "models/complaint-handling-redesign-test-v2.bpmn";
    static final String FILE = "complaint-handling-redesign-test.bpmn";

    @Autowired
    RepositoryService repositoryService;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void removeTestDeployments() {
        List<String> deployments = new ArrayList<>();
        repositoryService.createProcessDefinitionQuery().processDefinitionKey(KEY).list()
                .forEach(definition -> deployments.add(definition.getDeploymentId()));
        repositoryService.createDeploymentQuery().list().stream()
                .filter(d -> d.getName() != null && d.getName().startsWith("redesign-test"))
                .map(Deployment::getId).forEach(deployments::add);
        deployments.stream().distinct().forEach(id -> repositoryService.deleteDeployment(id, true, true));
    }

    static String resource(String path) {
        try (InputStream in = ModelApiTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as("test resource %s", path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first copy of the complaint process with one text replaced, which must be there. */
    static String v1With(String text, String replacement) {
        String model = resource(V1);
        assertThat(model).as("the model to break").contains(text);
        return model.replaceFirst(java.util.regex.Pattern.quote(text), java.util.regex.Matcher.quoteReplacement(replacement));
    }

    /** Uploads files (name → content) as multipart form data, the way the console and Camunda Modeler do. */
    Response upload(String user, String path, Map<String, String> files, Map<String, String> fields) {
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        String part = path.startsWith("/engine-rest") ? null : "files";
        files.forEach((name, content) -> body.add(part == null ? name : part,
                new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
                    @Override
                    public String getFilename() {
                        return name;
                    }
                }));
        fields.forEach(body::add);
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, user, StandardCharsets.UTF_8);
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, PROBLEM_JSON));
        ResponseEntity<byte[]> response = rest.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers),
                byte[].class);
        byte[] bytes = response.getBody();
        return new Response(response.getStatusCode().value(), response.getHeaders(),
                bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8));
    }

    Response deploy(String user, Map<String, String> files) {
        return upload(user, "/api/models/deployments", files, Map.of("name", "redesign-test"));
    }

    Response deploy(String user, String fileName, String content) {
        return deploy(user, Map.of(fileName, content));
    }

    /** Deploys the model as manager through Kefu's API and returns the new version of the test process. */
    int deployVersion(String content) {
        Response response = deploy("manager", FILE, content);
        assertThat(response.status()).as("deploying: %s", response).isEqualTo(201);
        for (JsonNode definition : response.json().path("definitions")) {
            if (KEY.equals(definition.path("key").asText())) {
                return definition.path("version").asInt();
            }
        }
        throw new AssertionError("no new version of " + KEY + " in " + response);
    }

    /** Codes of the problems a refused deployment names, each with the element it is about. */
    static List<String> problemCodes(Response response) {
        List<String> codes = new ArrayList<>();
        response.json().path("problems").forEach(p -> codes.add(p.path("code").asText() + "@" + p.path("elementId").asText()));
        return codes;
    }

    /** A case of the test process, started as an agent starts one in Tasklist; it waits at the validity check. */
    String startCase(String definitionId) {
        return runtimeService.startProcessInstanceById(definitionId, startForm()).getId();
    }

    /** The Tasklist start form of a minor billing complaint by a new customer of its own. */
    Map<String, Object> startForm() {
        JsonNode customer = registerCustomer();
        return new HashMap<>(Map.of("initiator", "agent", "customerCode", customer.path("code").asText(),
                "complainantName", "王五", "complainantPhone", "13912345678", "channel", "HOTLINE",
                "category", "BILLING", "severity", "MINOR", "description", "发票开错", "customerRequest", "重开发票"));
    }

    String definitionId(int version) {
        return repositoryService.createProcessDefinitionQuery().processDefinitionKey(KEY)
                .processDefinitionVersion(version).singleResult().getId();
    }

    /** The latest audit rows of deployments by this user. */
    List<Map<String, Object>> deploymentRecords(String actor) {
        return jdbc.queryForList("select * from model_deployment where actor = ? order by id desc", actor);
    }

    long deploymentRecordCount() {
        return jdbc.queryForObject("select count(*) from model_deployment", Long.class);
    }

    static Map<String, String> files(String... nameAndContent) {
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = 0; i < nameAndContent.length; i += 2) {
            files.put(nameAndContent[i], nameAndContent[i + 1]);
        }
        return files;
    }

    ProcessInstance instance(String id) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult();
    }

    Task task(String processInstanceId, String key) {
        Task task = taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key)
                .singleResult();
        assertThat(task).as("open task %s", key).isNotNull();
        return task;
    }

    List<String> openTaskKeys(String processInstanceId) {
        return taskService.createTaskQuery().processInstanceId(processInstanceId).list().stream()
                .map(Task::getTaskDefinitionKey).toList();
    }

    static JsonNode find(JsonNode array, String key) {
        return find(array, key, "key");
    }

    static JsonNode find(JsonNode array, String value, String field) {
        for (JsonNode node : array) {
            if (value.equals(node.path(field).asText())) {
                return node;
            }
        }
        throw new AssertionError("no " + field + "=" + value + " in " + array);
    }

    static List<String> ids(JsonNode array) {
        return ids(array, "id");
    }

    static List<String> ids(JsonNode array, String field) {
        List<String> ids = new ArrayList<>();
        array.forEach(node -> ids.add(node.path(field).asText()));
        return ids;
    }
}
