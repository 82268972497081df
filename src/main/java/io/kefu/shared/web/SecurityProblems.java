package io.kefu.shared.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;

/** 401 and 403 from the security filters answered as problem details too, like every other API error. */
@Component
public class SecurityProblems {

    private static final AuthenticationTrustResolver LOGINS = new AuthenticationTrustResolverImpl();

    private final ObjectMapper json;

    SecurityProblems(ObjectMapper json) {
        this.json = json;
    }

    public AuthenticationEntryPoint unauthorized() {
        return (request, response, ex) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Kefu\"");
            write(response, HttpStatus.UNAUTHORIZED, "未登录", "请先登录(用户名和密码)");
        };
    }

    /**
     * 403, or 401 when the client sent no credentials and has no login: Spring Security checks a write's CSRF token
     * before the login, and a client that has not logged in must be told to log in, not that it is forbidden.
     */
    public AccessDeniedHandler forbidden() {
        return (request, response, ex) -> {
            boolean anonymous = request.getHeader(HttpHeaders.AUTHORIZATION) == null
                    && !LOGINS.isAuthenticated(SecurityContextHolder.getContext().getAuthentication());
            if (ex instanceof CsrfException && anonymous) {
                unauthorized().commence(request, response, new InsufficientAuthenticationException(ex.getMessage(), ex));
            } else if (ex instanceof CsrfException) {
                write(response, HttpStatus.FORBIDDEN, "缺少安全令牌",
                        "浏览器会话中的写操作须带 CSRF 令牌(_csrf):请刷新页面后重试;其他系统请用 HTTP Basic 调用");
            } else {
                write(response, HttpStatus.FORBIDDEN, "无权操作", "您没有执行此操作的权限");
            }
        };
    }

    private void write(HttpServletResponse response, HttpStatus status, String title, String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
