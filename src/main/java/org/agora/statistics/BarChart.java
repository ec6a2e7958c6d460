package org.agora.statistics;

import java.util.List;

import org.springframework.web.util.HtmlUtils;

/**
 * A horizontal bar chart drawn on the server as SVG: each bar has its label written above it and its value written
 * after it, so nothing is told by colour or length alone. The SVG is an image ({@code role="img"}) named by its
 * {@code <title>} and described by its {@code <desc>}; the data table that follows it is the accessible equivalent.
 * No style attribute (the CSP forbids inline styles): the stylesheet colours the bars by class. It scales with the
 * page (viewBox, width 100 %), so it stays readable at 200 % zoom.
 */
final class BarChart {

    static final int WIDTH = 640;
    private static final int ROW = 46;
    private static final int LABEL_HEIGHT = 18;
    private static final int BAR_HEIGHT = 18;
    private static final int VALUE_ROOM = 90;

    record Bar(String label, long value) {
    }

    private BarChart() {
    }

    /** The SVG markup, every text escaped; {@code id} makes the ids of its title and description unique in the page. */
    static String svg(String id, String title, String description, List<Bar> bars) {
        long max = bars.stream().mapToLong(Bar::value).max().orElse(0);
        int height = Math.max(ROW, bars.size() * ROW + 4);
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(height).append("\" aria-labelledby=\"").append(id).append("-title ")
                .append(id).append("-desc\" id=\"").append(id).append("\">");
        svg.append("<title id=\"").append(id).append("-title\">").append(escape(title)).append("</title>");
        svg.append("<desc id=\"").append(id).append("-desc\">").append(escape(description)).append("</desc>");
        int room = WIDTH - VALUE_ROOM;
        for (int index = 0; index < bars.size(); index++) {
            Bar bar = bars.get(index);
            int top = index * ROW;
            int length = max == 0 ? 0 : (int) Math.round((double) bar.value() * room / max);
            if (bar.value() > 0 && length < 2) {
                length = 2;
            }
            svg.append("<g>");
            svg.append("<text x=\"0\" y=\"").append(top + LABEL_HEIGHT - 4).append("\">").append(escape(bar.label())).append("</text>");
            svg.append("<rect class=\"chart-track\" x=\"0\" y=\"").append(top + LABEL_HEIGHT).append("\" width=\"").append(room)
                    .append("\" height=\"").append(BAR_HEIGHT).append("\"/>");
            svg.append("<rect class=\"chart-bar\" x=\"0\" y=\"").append(top + LABEL_HEIGHT).append("\" width=\"").append(length)
                    .append("\" height=\"").append(BAR_HEIGHT).append("\"/>");
            svg.append("<text class=\"chart-value\" x=\"").append(room + 8).append("\" y=\"").append(top + LABEL_HEIGHT + BAR_HEIGHT - 4)
                    .append("\">").append(bar.value()).append("</text>");
            svg.append("</g>");
        }
        return svg.append("</svg>").toString();
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text == null ? "" : text, "UTF-8");
    }
}
