package org.agora.opendata;

import java.util.List;

import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

import org.agora.accounts.TokenHolder;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Registers the bearer-token resolver and declares the {@value #SCHEME} security scheme in the OpenAPI document. */
@Configuration
@SecurityScheme(name = ApiTokenConfiguration.SCHEME, type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "agora_pat_…",
        description = "A personal access token created by a person under Mon compte → Jetons d’accès personnels "
                + "(/account/tokens), sent as `Authorization: Bearer agora_pat_…`. Each write operation needs one scope: "
                + "proposals:write, supports:write, comments:write or registrations:write.")
class ApiTokenConfiguration implements WebMvcConfigurer {

    static final String SCHEME = "personalAccessToken";

    static {
        // The token's holder is resolved from the Authorization header, not a parameter the client sends.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(TokenHolder.class);
    }

    private final ApiTokenResolver resolver;

    ApiTokenConfiguration(ApiTokenResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(resolver);
    }
}
