package io.kefu.shared.web;

import io.kefu.shared.ConflictException;
import io.kefu.shared.InvalidInputException;
import io.kefu.shared.NotFoundException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kefu's errors through the engine REST API ({@code /engine-rest} and Tasklist's {@code /camunda/api/engine}): a rule
 * Kefu enforces while a process starts or a task completes (a listener or delegate throwing
 * {@link InvalidInputException}) reaches Camunda's REST resources wrapped in a {@link ProcessEngineException}, which
 * they wrap again in a {@link RestException} ("Cannot submit task form …") answered 500. These mappers sit beside
 * Camunda's own in its Jersey configuration, take precedence at the same exception type ({@link Priority}), and answer
 * with Camunda's error shape ({@code type}, {@code message}) — 400 for bad input (with the fields in {@code errors}),
 * 409 for a conflict, 404 for an unknown record — and Kefu's Chinese message alone, which Tasklist shows. An engine
 * refusal ({@link AuthorizationException}) that a resource wrapped in a 400 is answered 403, as Camunda answers it
 * unwrapped. Errors without a Kefu exception inside are left to Camunda ({@link ExceptionHandlerHelper}).
 */
public final class EngineRestProblems {

    /** Ahead of Camunda's mappers, which carry no priority (that is, {@link Priorities#USER}). */
    static final int AHEAD_OF_CAMUNDA = Priorities.USER - 1000;

    private static final Logger log = LoggerFactory.getLogger(EngineRestProblems.class);

    private EngineRestProblems() {
    }

    static Response toResponse(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidInputException invalid) {
                List<Map<String, String>> errors = invalid.fieldErrors().entrySet().stream()
                        .map(e -> Map.of("field", e.getKey(), "message", e.getValue())).toList();
                return answer(Response.Status.BAD_REQUEST, invalid,
                        "输入有误: " + String.join("; ", invalid.fieldErrors().values()), errors);
            }
            if (cause instanceof ConflictException conflict) {
                return answer(Response.Status.CONFLICT, conflict, conflict.getMessage(), null);
            }
            if (cause instanceof NotFoundException notFound) {
                return answer(Response.Status.NOT_FOUND, notFound, notFound.getMessage(), null);
            }
            if (cause instanceof AuthorizationException denied) {
                // Camunda's comment and attachment resources wrap every engine refusal in a 400 (InvalidRequestException
                // "Not enough parameters submitted", "Task id is null"): a refusal is a 403, in Camunda's own shape
                return ExceptionHandlerHelper.getInstance().getResponse(denied);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return ExceptionHandlerHelper.getInstance().getResponse(ex);
    }

    private static Response answer(Response.Status status, RuntimeException kefu, String message,
            List<Map<String, String>> errors) {
        log.debug("Engine REST request refused ({}): {}", status.getStatusCode(), kefu.getMessage());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", kefu.getClass().getSimpleName());
        body.put("message", message);
        if (errors != null) {
            body.put("errors", errors);
        }
        return Response.status(status).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** What Camunda's REST resources throw when the engine refused a form, a start or a completion. */
    @Priority(AHEAD_OF_CAMUNDA)
    public static final class RestExceptions implements ExceptionMapper<RestException> {
        @Override
        public Response toResponse(RestException ex) {
            return EngineRestProblems.toResponse(ex);
        }
    }

    /** The engine's own exception, where a resource lets it through unwrapped. */
    @Priority(AHEAD_OF_CAMUNDA)
    public static final class EngineExceptions implements ExceptionMapper<ProcessEngineException> {
        @Override
        public Response toResponse(ProcessEngineException ex) {
            return EngineRestProblems.toResponse(ex);
        }
    }

    @Priority(AHEAD_OF_CAMUNDA)
    public static final class InvalidInput implements ExceptionMapper<InvalidInputException> {
        @Override
        public Response toResponse(InvalidInputException ex) {
            return EngineRestProblems.toResponse(ex);
        }
    }

    @Priority(AHEAD_OF_CAMUNDA)
    public static final class Conflicts implements ExceptionMapper<ConflictException> {
        @Override
        public Response toResponse(ConflictException ex) {
            return EngineRestProblems.toResponse(ex);
        }
    }

    @Priority(AHEAD_OF_CAMUNDA)
    public static final class NotFound implements ExceptionMapper<NotFoundException> {
        @Override
        public Response toResponse(NotFoundException ex) {
            return EngineRestProblems.toResponse(ex);
        }
    }

    /**
     * Adds the mappers to every Jersey application that carries Camunda's engine REST configuration
     * ({@code CamundaRestResources.getConfigurationClasses()}): the starter's {@code /engine-rest} and the webapp's
     * {@code /camunda/api/engine}. Registered in {@code META-INF/services}; Jersey runs it for each application.
     */
    public static final class Registration implements ForcedAutoDiscoverable {
        @Override
        public void configure(FeatureContext context) {
            if (context.getConfiguration().isRegistered(RestExceptionHandler.class)
                    && !context.getConfiguration().isRegistered(RestExceptions.class)) {
                context.register(RestExceptions.class);
                context.register(EngineExceptions.class);
                context.register(InvalidInput.class);
                context.register(Conflicts.class);
                context.register(NotFound.class);
            }
        }
    }
}
