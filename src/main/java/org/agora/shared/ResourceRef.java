package org.agora.shared;

import java.util.regex.Pattern;

/**
 * Points at any resource of any module (a proposal, a meeting...) without depending on it: capabilities such as
 * comments, moderation or follows attach to a {@code ResourceRef}. {@code type} is a short lower-case name owned by
 * the module that defines the resource, e.g. "proposal".
 */
public record ResourceRef(String type, long id) {

    private static final Pattern TYPE = Pattern.compile("[a-z][a-z-]{0,29}");

    public ResourceRef {
        if (type == null || !TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("A resource type is 1 to 30 lower-case letters or hyphens: " + type);
        }
        if (id <= 0) {
            throw new IllegalArgumentException("A resource id is positive");
        }
    }

    @Override
    public String toString() {
        return type + ":" + id;
    }
}
