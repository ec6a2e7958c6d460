package org.agora.opendata;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of {@code /api/v1} (served by springdoc at {@code /v3/api-docs}) and the rate limiter's
 * registration. Every operation documents its problem answers; the bearer scheme {@code personalAccessToken} is
 * declared for the write endpoints.
 */
@Configuration
class ApiConfiguration {

    static final String PROBLEM = "Problem";
    static final String BEARER = "personalAccessToken";

    @Bean
    OpenAPI agoraOpenApi(@Value("${agora.base-url}") String baseUrl) {
        Schema<?> problem = new ObjectSchema().description("RFC 9457 problem details.")
                .addProperty("type", new StringSchema().format("uri").example(baseUrl + "/api#problem-bad-parameter"))
                .addProperty("title", new StringSchema().example("Bad Request"))
                .addProperty("status", new IntegerSchema().example(400))
                .addProperty("detail", new StringSchema().example("Parameter 'size': must be between 1 and 100."))
                .addProperty("instance", new StringSchema().format("uri-reference").example("/api/v1/proposals"))
                .addProperty("parameter", new StringSchema().description("The parameter at fault (400 only).").example("size"));
        problem.setRequired(List.of("type", "title", "status", "detail", "instance"));
        return new OpenAPI()
                .info(new Info().title("Agora API").version("v1")
                        .description("Read-only public data of this Agora instance: participatory processes, proposals "
                                + "with their status, territory, counts and answers, comments, meetings, answers, work "
                                + "programmes and their progress, citizens' panels and territories. JSON, paged "
                                + "(page, size ≤ 100), errors as RFC 9457 problem details, rate-limited per IP address "
                                + "and per token. People appear only by their public name (a pseudonymous id unless "
                                + "they chose to show their pseudonym). The data are published under the Licence "
                                + "Ouverte / Open Licence 2.0 (Etalab); the software is under EUPL-1.2.")
                        .contact(new Contact().name("Agora").url(baseUrl + "/api"))
                        .license(new License().name("Licence Ouverte / Open Licence 2.0 (Etalab)")
                                .identifier("etalab-2.0")
                                .url("https://www.etalab.gouv.fr/licence-ouverte-open-licence/")))
                .servers(List.of(new Server().url(baseUrl).description("This instance")))
                .tags(List.of(
                        new Tag().name("Processes").description("Participatory processes (démarches)."),
                        new Tag().name("Proposals").description("Proposals, their answers and comments."),
                        new Tag().name("Answers").description("The public account: where each proposal went."),
                        new Tag().name("Meetings").description("Seminars, tour stops, Fabriks, webinars."),
                        new Tag().name("Work programmes").description("The strategy's work programmes and their progress."),
                        new Tag().name("Panels").description("Citizens' panels drawn by lot and their public draws."),
                        new Tag().name("Territories").description("The territory tree.")))
                .components(new Components()
                        .addSchemas(PROBLEM, problem)
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("A personal access token, created under « Mon compte », sent as "
                                        + "'Authorization: Bearer <token>'. Needed by the write endpoints; reading "
                                        + "needs none (a token only raises the rate limit).")));
    }

    /** Adds to every operation its problem answers (400, 404, 406, 429, 500) unless it declares its own. */
    @Bean
    OpenApiCustomizer apiProblemResponses() {
        return openApi -> {
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
                Map<String, String> problems = new LinkedHashMap<>();
                if (operation.getParameters() != null && !operation.getParameters().isEmpty()) {
                    problems.put("400", "A parameter is invalid: the problem names it.");
                }
                if (path.contains("{")) {
                    problems.put("404", "No such resource.");
                }
                problems.put("406", "The client does not accept JSON.");
                problems.put("429", "Too many requests: retry after the number of seconds in Retry-After.");
                problems.put("500", "An unexpected error (logged, no details given).");
                problems.forEach((status, description) -> addProblem(operation, status, description));
            }));
        };
    }

    private static void addProblem(Operation operation, String status, String description) {
        if (operation.getResponses().containsKey(status)) {
            return;
        }
        operation.getResponses().addApiResponse(status, new ApiResponse().description(description)
                .content(new Content().addMediaType(ApiProblemWriter.PROBLEM_JSON.toString(),
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
    }

    @Bean
    FilterRegistrationBean<ApiRateLimiter> apiRateLimiter(
            @Value("${agora.api.rate-limit.anonymous-per-minute}") int anonymousPerMinute,
            @Value("${agora.api.rate-limit.token-per-minute}") int tokenPerMinute,
            @Value("${agora.api.rate-limit.max-clients}") int maxClients, Clock clock, ApiProblemWriter problems) {
        FilterRegistrationBean<ApiRateLimiter> registration = new FilterRegistrationBean<>(
                new ApiRateLimiter(anonymousPerMinute, tokenPerMinute, maxClients, clock, problems));
        registration.addUrlPatterns("/api/*");
        // Before Spring Security: a flood is turned away before any authentication work.
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }
}
