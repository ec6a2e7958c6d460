package org.agora.shared;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a public list as a module's read-only query returns it: the items from {@code offset}, and how many
 * items the whole list holds. {@code exact} is false when counting stopped at a cap (a very long list): the list then
 * holds at least {@code totalItems} items.
 */
public record ResultPage<T>(List<T> items, long totalItems, boolean exact) {

    public ResultPage {
        items = List.copyOf(items);
    }

    public static <T> ResultPage<T> of(List<T> all, int offset, int limit) {
        int from = Math.min(all.size(), Math.max(0, offset));
        return new ResultPage<>(all.subList(from, Math.min(all.size(), from + limit)), all.size(), true);
    }

    public <R> ResultPage<R> map(Function<? super T, ? extends R> mapper) {
        return new ResultPage<>(items.stream().<R>map(mapper).toList(), totalItems, exact);
    }
}
