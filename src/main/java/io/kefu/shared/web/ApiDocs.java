package io.kefu.shared.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Pageable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * The OpenAPI description of Kefu's {@code /api} ({@code /v3/api-docs}, login required): springdoc reads the
 * controllers; this adds what it cannot see — the paging parameters as clients send them and their limits, HTTP Basic,
 * and the problem details every operation may answer.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocs {

    static final String PROBLEM = "Problem";
    private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;

    @Bean
    OpenAPI kefuOpenApi() {
        Schema<?> fieldProblem = new ObjectSchema()
                .addProperty("field", new StringSchema().description("出错的字段或参数"))
                .addProperty("message", new StringSchema().description("错误说明(中文)"));
        Schema<?> problem = new ObjectSchema()
                .description("RFC 7807 problem details; 输入错误时 errors 逐项列出字段")
                .addProperty("type", new StringSchema().format("uri"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri"))
                .addProperty("errors", new ArraySchema().items(fieldProblem));
        return new OpenAPI()
                .info(new Info().title("Kefu API").version("1")
                        .description("客服案件管理系统的 REST API。所有错误均以 application/problem+json 返回。"))
                .components(new Components()
                        .addSchemas(PROBLEM, problem)
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }

    @Bean
    OperationCustomizer pagingAndProblems(PagingParameters paging) {
        return (operation, handler) -> {
            boolean pageable = Arrays.stream(handler.getMethodParameters())
                    .anyMatch(p -> Pageable.class.isAssignableFrom(p.getParameterType()));
            if (pageable) {
                pageParameters(operation, paging.maxPageSize());
            }
            boolean hasPathVariable = Arrays.stream(handler.getMethodParameters())
                    .anyMatch(p -> p.hasParameterAnnotation(PathVariable.class));
            boolean hasBody = Arrays.stream(handler.getMethodParameters())
                    .anyMatch(p -> p.hasParameterAnnotation(RequestBody.class));
            ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
            responses.addApiResponse("400", problem("输入有误:参数、请求体或分页排序不正确(errors 列出字段)"));
            responses.addApiResponse("401", problem("未登录"));
            responses.addApiResponse("403", problem("无权操作"));
            if (hasPathVariable) {
                responses.addApiResponse("404", problem("记录不存在或无权查看"));
            }
            if (hasBody || !handler.hasMethodAnnotation(GetMapping.class)) {
                responses.addApiResponse("409", problem("与当前状态冲突(如已被他人处理)"));
            }
            responses.addApiResponse("500", problem("服务器内部错误(不含技术细节)"));
            operation.setResponses(responses);
            return operation;
        };
    }

    private static void pageParameters(Operation operation, int maxPageSize) {
        List<Parameter> parameters = operation.getParameters() == null ? new ArrayList<>()
                : new ArrayList<>(operation.getParameters());
        parameters.removeIf(p -> List.of("pageable", "page", "size", "sort").contains(p.getName()));
        parameters.add(new Parameter().in("query").name("page").description("页码,从 0 开始")
                .schema(new IntegerSchema().minimum(BigDecimal.ZERO)._default(0)));
        parameters.add(new Parameter().in("query").name("size").description("每页条数")
                .schema(new IntegerSchema().minimum(BigDecimal.ONE).maximum(BigDecimal.valueOf(maxPageSize))._default(20)));
        parameters.add(new Parameter().in("query").name("sort")
                .description("排序:属性[,asc|desc],可重复;未知属性答 400")
                .schema(new ArraySchema().items(new StringSchema())));
        operation.setParameters(parameters);
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(
                org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                new MediaType().schema(new Schema<>().$ref(PROBLEM_REF))));
    }
}
