package org.agora.comments;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.agora.shared.ResourceRef;
import org.springframework.stereotype.Component;

/** The features' {@link CommentTarget}s by resource type. */
@Component
class CommentTargets {

    private final Map<String, CommentTarget> byType;

    CommentTargets(List<CommentTarget> targets) {
        this.byType = targets.stream().collect(Collectors.toMap(CommentTarget::type, Function.identity()));
    }

    /** The target and the resource's public path, or empty when the type is unknown or the resource is not shown. */
    Optional<Found> find(ResourceRef resource) {
        return Optional.ofNullable(byType.get(resource.type()))
                .flatMap(target -> target.path(resource.id()).map(path -> new Found(target, path)));
    }

    record Found(CommentTarget target, String path) {
    }
}
