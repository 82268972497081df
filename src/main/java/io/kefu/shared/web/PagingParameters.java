package io.kefu.shared.web;

import static io.kefu.shared.FieldErrors.failOn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.data.web.SpringDataWebProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Pageable;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Paging a list is the client's to get right: Spring Data quietly turns {@code page=-1}, {@code size=0},
 * {@code size=100000} or {@code page=abc} into some other page; Kefu answers 400 naming the parameter instead.
 */
@Configuration(proxyBeanMethods = false)
class PagingParameters implements WebMvcConfigurer, HandlerInterceptor {

    private final String pageParameter;
    private final String sizeParameter;
    private final int maxPageSize;

    /** Spring Data's own settings when its auto-configuration made them, else its defaults (as its resolver has). */
    PagingParameters(ObjectProvider<SpringDataWebProperties> properties) {
        SpringDataWebProperties.Pageable pageable = properties.getIfAvailable(SpringDataWebProperties::new).getPageable();
        this.pageParameter = pageable.getPrefix() + pageable.getPageParameter();
        this.sizeParameter = pageable.getPrefix() + pageable.getSizeParameter();
        this.maxPageSize = pageable.getMaxPageSize();
    }

    int maxPageSize() {
        return maxPageSize;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method && Arrays.stream(method.getMethodParameters())
                .anyMatch(p -> Pageable.class.isAssignableFrom(p.getParameterType()))) {
            check(request.getParameter(pageParameter), request.getParameter(sizeParameter));
        }
        return true;
    }

    private void check(String page, String size) {
        Map<String, String> errors = new LinkedHashMap<>();
        Long pageNumber = page == null ? Long.valueOf(0) : number(page);
        Long pageSize = size == null ? Long.valueOf(1) : number(size);
        if (pageNumber == null || pageNumber < 0) {
            errors.put(pageParameter, "页码须为不小于 0 的整数");
        }
        if (pageSize == null || pageSize < 1 || pageSize > maxPageSize) {
            errors.put(sizeParameter, "每页条数须为 1 到 " + maxPageSize + " 之间的整数");
        }
        // the first row of the page must stay countable (a database offset is an int)
        if (errors.isEmpty() && pageNumber * Math.max(pageSize, 1) > Integer.MAX_VALUE) {
            errors.put(pageParameter, "页码过大");
        }
        failOn(errors);
    }

    private static Long number(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
