package org.agora.statistics;

import java.util.List;

/**
 * One block of the figures page: a heading, a chart and its table of figures. {@code key} names the block (and its
 * message keys {@code statistics.block.<key>} and {@code statistics.caption.<key>}); each figure's label is a message
 * key, with arguments, and its value. The chart shows the figures marked {@code charted} (counts of the same unit;
 * rates and amounts stay in the table only).
 */
record FigureBlock(String key, List<Figure> figures) {

    List<Figure> charted() {
        return figures.stream().filter(Figure::charted).toList();
    }

    record Figure(String label, Object[] arguments, String value, boolean charted) {

        static Figure of(String label, long value) {
            return new Figure(label, new Object[0], Long.toString(value), true);
        }

        /** A figure the chart leaves out: a rate, an amount, a figure of another unit than the block's counts. */
        static Figure tableOnly(String label, long value) {
            return new Figure(label, new Object[0], Long.toString(value), false);
        }

        long number() {
            return Long.parseLong(value);
        }
    }
}
