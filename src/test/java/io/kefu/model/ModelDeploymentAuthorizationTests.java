package io.kefu.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Only managers (and administrators) deploy, in the console and through the engine REST API that Camunda Modeler
 * uses; everyone else is refused, and the attempt is recorded.
 */
class ModelDeploymentAuthorizationTests extends ModelApiTest {

    static final String ENGINE_DEPLOY = "/engine-rest/deployment/create";

    Map<String, String> modelerFields() {
        return Map.of("deployment-name", "redesign-test-modeler", "deployment-source", "Camunda Modeler",
                "enable-duplicate-filtering", "true", "deploy-changed-only", "true");
    }

    @Test
    void anAgentMayNotDeployInTheConsoleAndTheAttemptIsRecorded() {
        Response response = deploy("agent", FILE, resource(V1));
        assertProblem(response, 403);
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(KEY).count()).isZero();
        var record = deploymentRecords("agent").get(0);
        assertThat(record.get("OUTCOME")).isEqualTo("REFUSED");
        assertThat((String) record.get("SUMMARY")).contains("无权部署");
    }

    @Test
    void supervisorsAndAuditorsMayNotDeployEither() {
        assertProblem(deploy("supervisor", FILE, resource(V1)), 403);
        assertProblem(deploy("auditor", FILE, resource(V1)), 403);
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(KEY).count()).isZero();
    }

    @Test
    void aManagerDeploysInTheConsole() {
        Response response = deploy("manager", FILE, resource(V1));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.json().path("definitions").get(0).path("key").asText()).isEqualTo(KEY);
        var deployment = repositoryService.createDeploymentQuery()
                .deploymentId(response.json().path("deploymentId").asText()).singleResult();
        assertThat(deployment.getSource()).isEqualTo("kefu-console");
        var record = deploymentRecords("manager").get(0);
        assertThat(record.get("OUTCOME")).isEqualTo("DEPLOYED");
        assertThat(record.get("DEPLOYMENT_ID")).isEqualTo(deployment.getId());
    }

    @Test
    void anAgentIsRefusedByTheEngineRestApiAndTheAttemptIsRecorded() {
        long before = deploymentRecordCount();
        Response response = upload("agent", ENGINE_DEPLOY, Map.of(FILE, resource(V1)), modelerFields());
        assertThat(response.status()).as(response.toString()).isEqualTo(403);
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(KEY).count()).isZero();
        assertThat(deploymentRecordCount()).isEqualTo(before + 1);
        var record = deploymentRecords("agent").get(0);
        assertThat(record.get("OUTCOME")).isEqualTo("REFUSED");
        assertThat(record.get("SOURCE")).isEqualTo("engine-rest");
    }

    @Test
    void aManagerDeploysFromCamundaModelerThroughTheEngineRestApi() {
        Response response = upload("manager", ENGINE_DEPLOY, Map.of(FILE, resource(V1)), modelerFields());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(KEY).count()).isEqualTo(1);
        var record = deploymentRecords("manager").get(0);
        assertThat(record.get("OUTCOME")).isEqualTo("DEPLOYED");
        assertThat(record.get("SOURCE")).isEqualTo("Camunda Modeler");
        assertThat(record.get("DEPLOYMENT_ID")).isEqualTo(response.json().path("id").asText());
    }

    @Test
    void anInvalidModelFromCamundaModelerIsRefusedWithThePlainWordReasons() {
        String broken = v1With("${recordBreachDelegate}", "${sendFaxDelegate}");
        Response response = upload("manager", ENGINE_DEPLOY, Map.of(FILE, broken), modelerFields());
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().path("message").asText())
                .contains("部署被拒绝", "sendFaxDelegate", "DELEGATE_UNKNOWN", "Task_RecordResponseBreach");
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(KEY).count()).isZero();
        var record = deploymentRecords("manager").get(0);
        assertThat(record.get("OUTCOME")).isEqualTo("REFUSED");
        assertThat(record.get("SOURCE")).isEqualTo("Camunda Modeler");
    }
}
