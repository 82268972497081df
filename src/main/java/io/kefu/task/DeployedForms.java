package io.kefu.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kefu.shared.AuthorizationChecks;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.form.FormData;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

/**
 * The Camunda Form a task or a start event shows, found as the engine finds it — its {@code camunda:formRef} with the
 * binding {@code latest}, {@code deployment} or {@code version}, or a {@code camunda:formKey} naming a deployed
 * resource — for the checks of what a submission may carry ({@link DeclaredFormFields}) and the step binder.
 *
 * <p>Which form definition a step uses is looked up for every request (a manager's new form is used from the moment it
 * is deployed), and once only: the submission check and the binding of one request use the same form
 * ({@link #remembering()}). A form definition's content never changes (a changed form is a new definition), so each
 * is read from the database and parsed once, then kept by its id; the same for every user. A form named by a form key
 * (no form definition) is read each time. The JSON handed out is shared: callers read it and never change it.
 */
@Component
public class DeployedForms {

    /**
     * A deployed form.
     *
     * @param definitionId the Camunda Form definition's id; null for a resource named by a form key
     * @param json         the form's JSON (shared: read only)
     */
    public record DeployedForm(String definitionId, JsonNode json) {
    }

    private final ProcessEngineConfigurationImpl engine;
    private final ObjectMapper json;
    private final Map<String, JsonNode> byDefinition = new ConcurrentHashMap<>();
    /** The task forms found on this thread while {@link #remembering()} is open, by task id. */
    private final ThreadLocal<Map<String, Optional<DeployedForm>>> remembered = new ThreadLocal<>();

    DeployedForms(ProcessEngineConfigurationImpl engine, ObjectMapper json) {
        this.engine = engine;
        this.json = json;
    }

    /**
     * The form of a task the running engine command works on (a task listener): looked up in that command, without
     * the caller's rights — the engine has already checked that the caller may work the task.
     */
    public Optional<DeployedForm> ofTask(TaskEntity task) {
        CommandContext commandContext = Context.getCommandContext();
        if (commandContext == null || task.getId() == null || task.getProcessDefinitionId() == null) {
            return Optional.empty();
        }
        Map<String, Optional<DeployedForm>> known = remembered.get();
        if (known == null) {
            return lookUp(commandContext, task);
        }
        return known.computeIfAbsent(task.getId(), id -> lookUp(commandContext, task));
    }

    /**
     * Until the returned handle is closed, a task's form found on this thread is not looked up again: a request whose
     * submission is checked against the task's form ({@link DeclaredFormFields}) is then bound by that same form.
     */
    public Remembering remembering() {
        if (remembered.get() != null) {
            return () -> { };
        }
        remembered.set(new HashMap<>());
        return remembered::remove;
    }

    /** See {@link #remembering()}. */
    public interface Remembering extends AutoCloseable {
        @Override
        void close();
    }

    private Optional<DeployedForm> lookUp(CommandContext commandContext, TaskEntity task) {
        return unchecked(commandContext, () -> {
            task.initializeFormKey();
            CamundaFormRef reference = task.getCamundaFormRef();
            if (reference != null) {
                return definition(commandContext, reference, processDefinition(commandContext,
                        task.getProcessDefinitionId()).getDeploymentId());
            }
            return task.getFormKey() == null ? Optional.empty() : resource(() -> commandContext
                    .getProcessEngineConfiguration().getFormService().getDeployedTaskForm(task.getId()));
        });
    }

    /** The form of a task, from outside the engine: one command, the caller's rights not checked. */
    public Optional<DeployedForm> ofTask(String taskId) {
        return execute(commandContext -> {
            TaskEntity task = commandContext.getTaskManager().findTaskById(taskId);
            return task == null ? Optional.<DeployedForm>empty() : ofTask(task);
        });
    }

    /** The start form of a process definition, from outside the engine, the caller's rights not checked. */
    public Optional<DeployedForm> ofStart(String processDefinitionId) {
        return execute(commandContext -> startForm(commandContext, processDefinitionId));
    }

    /** The start form of the latest version without a tenant of a process (as a start by key finds it). */
    public Optional<DeployedForm> ofLatestStart(String processDefinitionKey) {
        return execute(commandContext -> {
            ProcessDefinition latest = AuthorizationChecks.withoutAuthorizationCheck(commandContext,
                    () -> commandContext.getProcessEngineConfiguration().getRepositoryService()
                            .createProcessDefinitionQuery().processDefinitionKey(processDefinitionKey)
                            .latestVersion().withoutTenantId().singleResult());
            return latest == null ? Optional.<DeployedForm>empty() : startForm(commandContext, latest.getId());
        });
    }

    private Optional<DeployedForm> startForm(CommandContext commandContext, String processDefinitionId) {
        return unchecked(commandContext, () -> {
            var formService = commandContext.getProcessEngineConfiguration().getFormService();
            FormData form = formService.getStartFormData(processDefinitionId);
            if (form.getCamundaFormRef() != null) {
                return definition(commandContext, form.getCamundaFormRef(), form.getDeploymentId());
            }
            return form.getFormKey() == null ? Optional.empty()
                    : resource(() -> formService.getDeployedStartForm(processDefinitionId));
        });
    }

    private Optional<DeployedForm> definition(CommandContext commandContext, CamundaFormRef reference,
            String deploymentId) {
        CamundaFormDefinition definition = new GetCamundaFormDefinitionCmd(reference, deploymentId)
                .execute(commandContext);
        if (definition == null) {
            return Optional.empty();
        }
        JsonNode form = byDefinition.get(definition.getId());
        if (form == null) {
            ResourceEntity resource = commandContext.getResourceManager()
                    .findResourceByDeploymentIdAndResourceName(definition.getDeploymentId(),
                            definition.getResourceName());
            Optional<JsonNode> parsed = resource == null ? Optional.empty() : parse(resource.getBytes());
            if (parsed.isEmpty()) {
                return Optional.empty();
            }
            form = parsed.get();
            byDefinition.putIfAbsent(definition.getId(), form);
        }
        return Optional.of(new DeployedForm(definition.getId(), form));
    }

    private Optional<DeployedForm> resource(Supplier<InputStream> deployed) {
        try (InputStream form = deployed.get()) {
            return parse(form.readAllBytes()).map(json -> new DeployedForm(null, json));
        } catch (IOException | ProcessEngineException | IllegalArgumentException noForm) {
            return Optional.empty();
        }
    }

    private Optional<JsonNode> parse(byte[] content) {
        try {
            return Optional.of(json.readTree(content));
        } catch (IOException | RuntimeException notJson) {
            return Optional.empty();
        }
    }

    private static ProcessDefinitionEntity processDefinition(CommandContext commandContext, String id) {
        return commandContext.getProcessEngineConfiguration().getDeploymentCache()
                .findDeployedProcessDefinitionById(id);
    }

    /** No task, no definition, no form: empty; the engine answers the request as it would without Kefu. */
    private static Optional<DeployedForm> unchecked(CommandContext commandContext,
            Supplier<Optional<DeployedForm>> lookup) {
        return AuthorizationChecks.withoutAuthorizationCheck(commandContext, () -> {
            try {
                return lookup.get();
            } catch (ProcessEngineException | IllegalArgumentException noForm) {
                return Optional.empty();
            }
        });
    }

    private <T> T execute(Command<T> command) {
        return engine.getCommandExecutorTxRequired().execute(command);
    }
}
