package io.kefu.console;

import io.kefu.shared.InvalidInputException;
import io.kefu.shared.NotFoundException;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Errors of pages a browser opens (the console, {@code /login}, {@code /}) as a Chinese page in the console's layout
 * with a way back — never the problem details the API answers. Two doors lead here:
 * <ul>
 * <li>an exception thrown while handling a page request (a page controller's {@link NotFoundException}, an
 *     {@link AccessDeniedException}, an unknown {@code /console/...} address): this resolver runs before
 *     {@code ProblemHandler}'s and answers only page requests;</li>
 * <li>Spring Boot's error path ({@code /error}, e.g. Spring Security's 403 for a page): {@code ErrorProblems} asks
 *     this {@link ErrorViewResolver} first and writes problem details when it declines.</li>
 * </ul>
 * A page request is a GET or POST to a page address by a client that asks for HTML; {@code /api/**},
 * {@code /engine-rest/**}, {@code /v3/api-docs} and everything else keep their problem details, whatever they accept.
 */
@Component
class ConsoleErrorPages implements HandlerExceptionResolver, ErrorViewResolver, Ordered {

    private static final Logger log = LoggerFactory.getLogger(ConsoleErrorPages.class);
    static final String VIEW = "error/page";

    /** Whether this request is a browser's request for one of Kefu's pages. */
    static boolean isPageRequest(HttpServletRequest request) {
        Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String uri = original instanceof String s ? s : request.getRequestURI();
        String path = uri.substring(request.getContextPath().length());
        boolean page = path.equals("/") || path.equals("/login") || path.equals("/console")
                || path.startsWith("/console/");
        return page && acceptsHtml(request);
    }

    /** Asked for HTML by name (a browser's navigation), not merely accepting anything. */
    private static boolean acceptsHtml(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        if (accept == null) {
            return false;
        }
        try {
            return MediaType.parseMediaTypes(accept).stream()
                    .anyMatch(t -> t.getQualityValue() > 0 && (t.isCompatibleWith(MediaType.TEXT_HTML) && !t.isWildcardType()
                            || t.isCompatibleWith(MediaType.APPLICATION_XHTML_XML) && !t.isWildcardType()));
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public int getOrder() {
        // after Spring Boot's DefaultErrorAttributes (which only records the exception), before Spring MVC's resolvers
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception ex) {
        if (!isPageRequest(request) || answersData(handler)) {
            return null;
        }
        HttpStatus status = statusOf(ex);
        String detail = null;
        if (ex instanceof NotFoundException || ex instanceof InvalidInputException) {
            detail = ex.getMessage();
        }
        if (status.is5xxServerError()) {
            log.error("Unexpected error on page {}", request.getRequestURI(), ex);
        } else if (status == HttpStatus.FORBIDDEN) {
            log.info("Access denied to page {}: {}", request.getRequestURI(), ex.getMessage());
        }
        if (ex instanceof InvalidInputException invalid && !invalid.fieldErrors().isEmpty()) {
            detail = String.join(";", invalid.fieldErrors().entrySet().stream()
                    .map(e -> e.getKey() + ":" + e.getValue()).toList());
        }
        return page(status, detail);
    }

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        return isPageRequest(request) ? page(status, null) : null;
    }

    /** A handler method that answers data ({@code @ResponseBody}) keeps its problem details even on a page path. */
    private static boolean answersData(Object handler) {
        return handler instanceof HandlerMethod method
                && (AnnotatedElementUtils.hasAnnotation(method.getMethod(), ResponseBody.class)
                || AnnotatedElementUtils.hasAnnotation(method.getBeanType(), ResponseBody.class));
    }

    private static HttpStatus statusOf(Exception ex) {
        if (ex instanceof NotFoundException || ex instanceof NullValueException || ex instanceof NoResourceFoundException) {
            return HttpStatus.NOT_FOUND;
        }
        if (ex instanceof AccessDeniedException || ex instanceof AuthorizationException) {
            return HttpStatus.FORBIDDEN;
        }
        if (ex instanceof InvalidInputException || ex instanceof MissingServletRequestParameterException
                || ex instanceof MethodArgumentTypeMismatchException) {
            return HttpStatus.BAD_REQUEST;
        }
        if (ex instanceof HttpRequestMethodNotSupportedException) {
            return HttpStatus.METHOD_NOT_ALLOWED;
        }
        for (Throwable cause = ex.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof AuthorizationException) {
                return HttpStatus.FORBIDDEN;
            }
            if (cause instanceof InvalidInputException) {
                return HttpStatus.BAD_REQUEST;
            }
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }

    /** The error page: a title, what happened in words, where to go from here. */
    static ModelAndView page(HttpStatus status, String detail) {
        Map<String, Object> model = new HashMap<>();
        model.put("errorStatus", status.value());
        model.put("errorTitle", title(status));
        model.put("errorDetail", detail != null && !detail.isBlank() ? detail : explanation(status));
        model.put("libs", List.of());
        return new ModelAndView(VIEW, model, status);
    }

    static String title(HttpStatus status) {
        return switch (status.value()) {
            case 400 -> "输入有误";
            case 401 -> "请先登录";
            case 403 -> "无权访问";
            case 404 -> "未找到";
            case 405 -> "不支持此操作";
            default -> status.is5xxServerError() ? "系统错误" : "请求有误";
        };
    }

    private static String explanation(HttpStatus status) {
        return switch (status.value()) {
            case 400 -> "网址中的参数无法识别,请检查后重试。";
            case 401 -> "请登录后再打开此页面。";
            case 403 -> "您的账号没有打开此页面的权限。如需访问,请联系主管或管理员。";
            case 404 -> "您要找的页面或记录不存在,可能编号有误或已被删除。";
            case 405 -> "此页面不支持这种操作。";
            default -> status.is5xxServerError()
                    ? "处理请求时发生错误,请稍后重试;如问题持续,请联系管理员。"
                    : "请求无法处理,请检查后重试。";
        };
    }
}
