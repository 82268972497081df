package io.kefu.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kefu.customer.CustomerService;
import io.kefu.identity.CurrentUser;
import io.kefu.identity.StaffDirectory;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.function.Function;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Lookups on start forms, the Camunda-Forms way: a select of a start form whose {@code properties} say
 * {@code "kefuOptions": "customers"} (客户) or {@code "staff"} (员工) gets its options from Kefu, for the user who opens
 * the form, when Tasklist loads the deployed start form. A task form could read a variable ({@code valuesKey}); a
 * start form has no process yet, so Tasklist fetches no variables for it, and options belong in the form itself.
 * <p>
 * The options are what the lookup APIs answer this user ({@link CustomerService#lookup}: member customers' names
 * masked unless the reader may read them; {@link StaffDirectory#lookup}), bounded; the value a select submits is the
 * customer number or login id alone, which the start's delegate reads and removes from the process.
 */
@Component
class StartFormOptions extends OncePerRequestFilter {

    static final String PROPERTY = "kefuOptions";
    /** A select lists at most this many; a larger registry is searched by number in the select's search box. */
    static final int LIMIT = 500;

    private final CustomerService customers;
    private final StaffDirectory staff;
    private final ObjectMapper json;

    StartFormOptions(CustomerService customers, StaffDirectory staff, ObjectMapper json) {
        this.customers = customers;
        this.staff = staff;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod()) || !request.getRequestURI().endsWith("/deployed-start-form");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, wrapper);
        byte[] body = wrapper.getContentAsByteArray();
        byte[] filled = wrapper.getStatus() == 200 ? filled(body) : null;
        if (filled != null) {
            wrapper.resetBuffer();
            wrapper.getResponse().setContentLength(filled.length);
            response.getOutputStream().write(filled);
            response.flushBuffer();
        } else {
            wrapper.copyBodyToResponse();
        }
    }

    /** The form with its Kefu selects filled, or null when it has none (or is no Camunda Form, or nobody is logged in). */
    private byte[] filled(byte[] body) {
        if (SecurityContextHolder.getContext().getAuthentication() == null || body.length == 0 || body[0] != '{') {
            return null;
        }
        try {
            JsonNode form = json.readTree(body);
            if (!form.has("components") || !fill(form.get("components"), CurrentUser.get())) {
                return null;
            }
            return json.writeValueAsBytes(form);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private boolean fill(JsonNode components, CurrentUser user) {
        boolean changed = false;
        for (JsonNode component : components) {
            if (component.has("components")) {
                changed |= fill(component.get("components"), user);
            }
            String kind = component.path("properties").path(PROPERTY).asText("");
            List<String[]> options = switch (kind) {
                case "customers" -> options(customers.lookup(null, user, LIMIT),
                        o -> new String[] {o.code(), o.label()});
                case "staff" -> options(staff.lookup(null, LIMIT), o -> new String[] {o.id(), o.label()});
                default -> null;
            };
            if (options != null && component instanceof ObjectNode select) {
                ArrayNode values = select.putArray("values");
                options.forEach(o -> values.addObject().put("label", o[1]).put("value", o[0]));
                select.remove("valuesKey");
                changed = true;
            }
        }
        return changed;
    }

    private static <T> List<String[]> options(List<T> found, Function<T, String[]> option) {
        return found.stream().map(option).toList();
    }
}
