package org.agora.statistics;

import java.util.List;

/**
 * One block of the figures page: a heading and a small table of figures. {@code key} names the block (and its message
 * key {@code statistics.block.<key>}); each figure's label is a message key, with arguments, and its value.
 */
record FigureBlock(String key, List<Figure> figures) {

    record Figure(String label, Object[] arguments, String value) {

        static Figure of(String label, long value) {
            return new Figure(label, new Object[0], Long.toString(value));
        }
    }
}
