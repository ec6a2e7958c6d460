package org.agora.opendata;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.agora.accounts.AccessTokens;
import org.agora.accounts.TokenHolder;
import org.agora.accounts.TokenScope;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Gives a write endpoint the {@link TokenHolder} of the personal access token sent as {@code Authorization: Bearer},
 * once it has checked the scope the parameter declares with {@link RequiresScope}. Only the bearer token counts: a
 * session cookie is never looked at, so that a page of another site cannot make a signed-in browser write.
 */
@Component
class ApiTokenResolver implements HandlerMethodArgumentResolver {

    /** The scope a write needs; the annotated {@link TokenHolder} parameter is the token's holder. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.PARAMETER)
    @interface RequiresScope {
        TokenScope value();
    }

    private static final String BEARER = "Bearer ";

    private final AccessTokens tokens;

    ApiTokenResolver(AccessTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.hasParameterAnnotation(RequiresScope.class) && parameter.getParameterType() == TokenHolder.class;
    }

    @Override
    public TokenHolder resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
                                       WebDataBinderFactory binderFactory) {
        TokenScope needed = parameter.getParameterAnnotation(RequiresScope.class).value();
        HttpServletRequest http = request.getNativeRequest(HttpServletRequest.class);
        String header = http == null ? null : http.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            throw new ApiTokenRejected(ApiTokenRejected.Reason.MISSING, needed);
        }
        if (header.length() <= BEARER.length() || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new ApiTokenRejected(ApiTokenRejected.Reason.INVALID, needed);
        }
        Optional<TokenHolder> holder = tokens.authenticate(header.substring(BEARER.length()).strip());
        if (holder.isEmpty()) {
            throw new ApiTokenRejected(ApiTokenRejected.Reason.INVALID, needed);
        }
        if (!holder.get().allows(needed)) {
            throw new ApiTokenRejected(ApiTokenRejected.Reason.INSUFFICIENT_SCOPE, needed);
        }
        return holder.get();
    }
}
