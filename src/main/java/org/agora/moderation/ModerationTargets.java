package org.agora.moderation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.agora.shared.ResourceRef;
import org.springframework.stereotype.Component;

/** The features' {@link ModerationTarget}s by resource type. */
@Component
class ModerationTargets {

    private final Map<String, ModerationTarget> byType;

    ModerationTargets(List<ModerationTarget> targets) {
        this.byType = targets.stream().collect(Collectors.toMap(ModerationTarget::type, Function.identity()));
    }

    Optional<ModerationTarget> of(String type) {
        return Optional.ofNullable(byType.get(type));
    }

    /** The content as moderators see it, or empty when its type is unknown or it does not exist (any more). */
    Optional<ModeratedContent> find(ResourceRef resource) {
        return of(resource.type()).flatMap(target -> target.find(resource.id()));
    }

    boolean knows(String type) {
        return byType.containsKey(type);
    }
}
