package org.agora.panels;

import java.util.Objects;

/**
 * How many panel members may have one value of one feature: at least {@code min}, at most {@code max}. The flex bounds
 * (null when the file gives none) say how far the quota may be relaxed when the quotas cannot hold together:
 * down to {@code minFlex}, up to {@code maxFlex}.
 */
public record Quota(String feature, String value, int min, int max, Integer minFlex, Integer maxFlex) {

    public Quota {
        Objects.requireNonNull(feature, "feature");
        Objects.requireNonNull(value, "value");
        if (min < 0 || max < min) {
            throw new IllegalArgumentException("quota " + feature + "=" + value + ": need 0 <= min <= max, got " + min + ".." + max);
        }
    }

    public Quota(String feature, String value, int min, int max) {
        this(feature, value, min, max, null, null);
    }

    /** The lowest minimum a relaxation may use: min_flex when given, otherwise 0. */
    int lowestMin() {
        return minFlex == null ? 0 : minFlex;
    }

    /** The highest maximum a relaxation may use: max_flex when given, otherwise the panel size. */
    int highestMax(int k) {
        return maxFlex == null ? Math.max(k, max) : maxFlex;
    }

    /** Whether the flex bounds leave room around the quota (min_flex <= min and max <= max_flex). */
    boolean flexConsistent(int k) {
        return lowestMin() <= min && highestMax(k) >= max;
    }

    @Override
    public String toString() {
        return feature + "=" + value + " [" + min + ".." + max + "]";
    }
}
