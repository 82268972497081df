package io.kefu.task;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * When Kefu refuses a submitted form (a rule of the domain, e.g. a visit time in the customer's rest hours), the
 * engine's REST API wraps the Chinese message in English engine text ("Cannot submit task form …: ENGINE-03051 There
 * was an exception while invoking the TaskListener …") and Tasklist shows all of it. This filter leaves only Kefu's
 * message, without the form's field keys. Engine errors without a Kefu message stay as they are.
 */
@Component
public class TasklistErrorMessages extends OncePerRequestFilter {

    private static final String LISTENER_MARK = "Listener: ";
    private static final Pattern ENGINE_PREFIX = Pattern.compile("^Cannot [^:]*: ");
    private static final Pattern FIELD_KEY = Pattern.compile(" [A-Za-z][A-Za-z0-9_.\\[\\]]* — ");
    private static final Pattern CHINESE = Pattern.compile("[\\u4e00-\\u9fff]");

    private final ObjectMapper json;

    public TasklistErrorMessages(ObjectMapper json) {
        this.json = json;
    }

    /** Kefu's part of an engine error message, or the message itself when it holds none. */
    static String readable(String message) {
        if (message == null) {
            return null;
        }
        String text = message;
        int listener = text.lastIndexOf(LISTENER_MARK);
        text = listener >= 0 ? text.substring(listener + LISTENER_MARK.length())
                : ENGINE_PREFIX.matcher(text).replaceFirst("");
        text = FIELD_KEY.matcher(text.strip()).replaceAll(" ");
        while (text.endsWith("'") || text.endsWith(";")) {
            text = text.substring(0, text.length() - 1);
        }
        return CHINESE.matcher(text).find() ? text.strip() : message;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !"POST".equals(request.getMethod())
                || !(path.startsWith("/camunda/api/engine/") || path.startsWith("/engine-rest/"))
                || !(path.endsWith("/submit-form") || path.endsWith("/complete") || path.endsWith("/start"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, wrapper);
        byte[] body = wrapper.getContentAsByteArray();
        if (wrapper.getStatus() >= 400 && body.length > 0 && body[0] == '{') {
            try {
                var node = json.readTree(body);
                if (node instanceof ObjectNode error && error.path("message").isTextual()) {
                    String message = error.path("message").asText();
                    String readable = readable(message);
                    if (!readable.equals(message)) {
                        error.put("message", readable);
                        wrapper.resetBuffer();
                        wrapper.getOutputStream().write(json.writeValueAsBytes(error));
                    }
                }
            } catch (IOException notJson) {
                // not ours to change: the body goes out as it was
            }
        }
        wrapper.copyBodyToResponse();
    }
}
