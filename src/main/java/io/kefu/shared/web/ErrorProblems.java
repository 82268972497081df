package io.kefu.shared.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors that never reach a controller answered as problem details too, never as an HTML page or a stack trace:
 * Spring Boot's error page ({@code /error}: a path the firewall refused, a filter's {@code sendError}, an exception
 * outside Spring MVC) and Tomcat's own error report (a request it could not even parse: a malformed URL, headers
 * too large). A browser's page request is answered by an {@link ErrorViewResolver} instead, when one offers a page
 * for it (the console's error pages).
 */
@Controller
class ErrorProblems implements ErrorController {

    private final ObjectMapper json;
    private final List<ErrorViewResolver> pages;

    ErrorProblems(ObjectMapper json, List<ErrorViewResolver> pages) {
        this.json = json;
        this.pages = pages;
    }

    @RequestMapping("${server.error.path:${error.path:/error}}")
    ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer c && c >= 400 ? c : response.getStatus() >= 400 ? response.getStatus() : 500;
        HttpStatus httpStatus = HttpStatus.resolve(status);
        for (ErrorViewResolver resolver : pages) {
            ModelAndView page = httpStatus == null ? null : resolver.resolveErrorView(request, httpStatus, Map.of());
            if (page != null) {
                response.resetBuffer();
                return page;
            }
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), detail(status));
        problem.setTitle(title(status));
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
        return null;
    }

    static String title(int status) {
        return switch (status) {
            case 400 -> "请求有误";
            case 401 -> "未登录";
            case 403 -> "无权操作";
            case 404 -> "未找到";
            case 405 -> "不支持此请求方法";
            case 406 -> "无法提供所要求的格式";
            case 408 -> "请求超时";
            case 413 -> "请求内容过大";
            case 414 -> "网址过长";
            case 415 -> "不支持此内容类型";
            case 431 -> "请求头过大";
            default -> status >= 500 ? "服务器内部错误" : "请求有误";
        };
    }

    static String detail(int status) {
        return switch (status) {
            case 400 -> "请求格式不正确(网址、参数或内容无法识别)";
            case 404 -> "请求的地址或记录不存在";
            case 413, 414, 431 -> "请求超出允许的大小";
            default -> status >= 500 ? "处理请求时发生错误,请稍后重试或联系管理员" : title(status);
        };
    }

    /** Tomcat's error report for requests it answers itself, before any servlet sees them. */
    @Bean
    static WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReport() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }

    /** Writes a problem detail where Tomcat would write its HTML error page. */
    public static class ProblemErrorReportValve extends ErrorReportValve {

        private static final ObjectMapper PLAIN = new ObjectMapper();

        public ProblemErrorReportValve() {
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", "about:blank");
            problem.put("title", title(status));
            problem.put("status", status);
            problem.put("detail", detail(status));
            try {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                response.getOutputStream().write(PLAIN.writeValueAsBytes(problem));
                response.finishResponse();
            } catch (IOException | IllegalStateException ignored) {
                // the client is gone or the response already committed: nothing more to tell it
            }
        }
    }
}
