package io.kefu.shared.web;

import io.kefu.shared.ConflictException;
import io.kefu.shared.InvalidInputException;
import io.kefu.shared.NotFoundException;
import io.kefu.shared.TooLargeException;
import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.data.mapping.PropertyReferenceException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every error of Kefu's API as RFC 7807 problem details: field names for bad input, never a stack trace. */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    private static final URI VALIDATION = URI.create("urn:kefu:problem:validation");

    record FieldProblem(String field, String message) {
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        ex.getBindingResult().getFieldErrors()
                // a query parameter that does not convert (an unknown enum value, a malformed date) names its value,
                // never the converter's Java message
                .forEach(e -> errors.add(new FieldProblem(e.getField(),
                        e.isBindingFailure() ? "无法识别的值: " + e.getRejectedValue() : e.getDefaultMessage())));
        ex.getBindingResult().getGlobalErrors()
                .forEach(e -> errors.add(new FieldProblem(e.getObjectName(), e.getDefaultMessage())));
        return ResponseEntity.badRequest().body(validationProblem(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = "body";
        if (ex.getCause() instanceof com.fasterxml.jackson.databind.JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("body");
        }
        return ResponseEntity.badRequest()
                .body(validationProblem(List.of(new FieldProblem(field, "无法识别的值或格式错误的 JSON"))));
    }

    /** Constraints on a path variable or query parameter ({@code @Positive int version}) name the parameter. */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error ->
                errors.add(new FieldProblem(result.getMethodParameter().getParameterName(),
                        error.getDefaultMessage()))));
        return ResponseEntity.badRequest().body(validationProblem(errors));
    }

    /** A multipart body that cannot be parsed (too large is 413, {@link #handleMaxUploadSizeExceededException}). */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> brokenMultipart(MultipartException ex) {
        return ResponseEntity.badRequest()
                .body(validationProblem(List.of(new FieldProblem("body", "无法解析上传的文件(multipart 格式错误)"))));
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInputException ex) {
        List<FieldProblem> errors = ex.fieldErrors().entrySet().stream()
                .map(e -> new FieldProblem(e.getKey(), e.getValue())).toList();
        return ex instanceof TooLargeException ? tooLarge(errors) : ResponseEntity.badRequest().body(validationProblem(errors));
    }

    /** An upload over the multipart limit (spring.servlet.multipart, which follows kefu.attachments.max-size). */
    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                .body(tooLarge(List.of(new FieldProblem("file", "文件过大,超出允许的上传大小"))).getBody());
    }

    private static ResponseEntity<ProblemDetail> tooLarge(List<FieldProblem> errors) {
        ProblemDetail problem = validationProblem(errors);
        problem.setStatus(HttpStatus.PAYLOAD_TOO_LARGE);
        problem.setTitle("内容过大");
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(problem);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException ex) {
        List<FieldProblem> errors = ex.getConstraintViolations().stream()
                .map(v -> new FieldProblem(lastNode(v.getPropertyPath().toString()), v.getMessage())).toList();
        return ResponseEntity.badRequest().body(validationProblem(errors));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
        return ResponseEntity.badRequest()
                .body(validationProblem(List.of(new FieldProblem(ex.getName(), "无法识别的值: " + ex.getValue()))));
    }

    /**
     * A list sorted by a property its records do not have: Spring Data names it ({@link PropertyReferenceException}),
     * a criteria query reports the unknown path (Hibernate's {@code PathElementException}, wrapped by Spring).
     */
    @ExceptionHandler({PropertyReferenceException.class, InvalidDataAccessApiUsageException.class})
    ResponseEntity<ProblemDetail> unknownProperty(RuntimeException ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof PropertyReferenceException
                    || cause instanceof org.hibernate.query.sqm.PathElementException
                    || cause instanceof org.hibernate.query.sqm.UnknownPathException) {
                return ResponseEntity.badRequest()
                        .body(validationProblem(List.of(new FieldProblem("sort", "无法按此字段排序"))));
            }
        }
        return ResponseEntity.internalServerError().body(unexpected(ex));
    }

    @ExceptionHandler({NotFoundException.class, NullValueException.class})
    ProblemDetail notFound(RuntimeException ex) {
        return problem(HttpStatus.NOT_FOUND, "未找到", ex.getMessage());
    }

    @ExceptionHandler({ConflictException.class, TaskAlreadyClaimedException.class, OptimisticLockingException.class,
            OptimisticLockingFailureException.class})
    ProblemDetail conflict(RuntimeException ex) {
        String detail = ex instanceof ConflictException ? ex.getMessage() : "该记录刚被其他用户修改或处理,请刷新后重试";
        return problem(HttpStatus.CONFLICT, "冲突", detail);
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationException.class})
    ProblemDetail forbidden(RuntimeException ex) {
        log.info("Access denied: {}", ex.getMessage());
        return problem(HttpStatus.FORBIDDEN, "无权操作", "您没有执行此操作的权限");
    }

    /** A rule broken inside a process step (e.g. a task's complete listener) reaches us wrapped by the engine. */
    @ExceptionHandler(ProcessEngineException.class)
    ResponseEntity<ProblemDetail> engine(ProcessEngineException ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidInputException invalid) {
                return invalid(invalid);
            }
            if (cause instanceof AuthorizationException) {
                return ResponseEntity.status(HttpStatus.FORBIDDEN).body(forbidden(ex));
            }
        }
        return dataTheDatabaseRefused(ex);
    }

    /**
     * Values the database cannot store (SQL state class 22: a text longer than its column, a number out of range)
     * are the client's to correct, e.g. an over-long process variable; anything else is Kefu's fault.
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> dataTheDatabaseRefused(RuntimeException ex) {
        for (Throwable cause = ex; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
                log.info("Value refused by the database: {}", sql.getMessage());
                return ResponseEntity.badRequest()
                        .body(validationProblem(List.of(new FieldProblem("body", "内容过长或超出允许的范围"))));
            }
        }
        return ResponseEntity.internalServerError().body(unexpected(ex));
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception ex) {
        log.error("Unexpected error", ex);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "服务器内部错误", "处理请求时发生错误,请稍后重试或联系管理员");
    }

    static ProblemDetail validationProblem(List<FieldProblem> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "请求中有 " + errors.size() + " 处输入错误: " + String.join("; ",
                        errors.stream().map(e -> e.field() + " " + e.message()).toList()));
        problem.setType(VALIDATION);
        problem.setTitle("输入有误");
        problem.setProperty("errors", errors);
        return problem;
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
