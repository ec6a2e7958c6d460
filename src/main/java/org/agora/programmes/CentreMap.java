package org.agora.programmes;

import java.util.List;

/**
 * A map drawn on the server as SVG (no tiles or scripts fetched at run time): the located centres placed by their
 * coordinates in an equirectangular projection fitted to them, each point a link to the centre's page. The list next
 * to it is its text alternative.
 */
record CentreMap(int width, int height, List<Point> points) {

    static final int WIDTH = 640;
    static final int MARGIN = 40;

    /** A centre's dot; its label starts at ({@code labelX}, {@code labelY}), anchored at its end when {@code labelLeft}. */
    record Point(long id, double x, double y, String name, boolean labelLeft, double labelX, double labelY) {
    }

    /** Roughly how wide a label of 14 px is drawn, to keep labels from running over each other. */
    private static double labelWidth(String name) {
        return name.length() * 7.2;
    }

    public boolean empty() {
        return points.isEmpty();
    }

    static CentreMap of(List<CentreView> centres) {
        List<CentreView> located = centres.stream().filter(CentreView::located).toList();
        if (located.isEmpty()) {
            return new CentreMap(WIDTH, 200, List.of());
        }
        double minLat = located.stream().mapToDouble(c -> c.latitude().doubleValue()).min().orElseThrow();
        double maxLat = located.stream().mapToDouble(c -> c.latitude().doubleValue()).max().orElseThrow();
        double minLon = located.stream().mapToDouble(c -> c.longitude().doubleValue()).min().orElseThrow();
        double maxLon = located.stream().mapToDouble(c -> c.longitude().doubleValue()).max().orElseThrow();
        double shrink = Math.cos(Math.toRadians((minLat + maxLat) / 2));
        // At least half a degree each way, so that one centre, or two close ones, sit in the middle of a sensible area.
        double spanLon = Math.max((maxLon - minLon) * shrink, 0.5);
        double spanLat = Math.max(maxLat - minLat, 0.5);
        double midLon = (minLon + maxLon) / 2;
        double midLat = (minLat + maxLat) / 2;
        double scale = (WIDTH - 2.0 * MARGIN) / spanLon;
        int height = (int) Math.round(Math.min(spanLat * scale, 900) + 2.0 * MARGIN);
        scale = Math.min(scale, (height - 2.0 * MARGIN) / spanLat);
        double finalScale = scale;
        List<double[]> placed = new java.util.ArrayList<>();
        List<Point> points = new java.util.ArrayList<>();
        located.stream().sorted(java.util.Comparator.comparing((CentreView centre) -> -centre.latitude().doubleValue()))
                .forEach(centre -> {
                    double x = WIDTH / 2.0 + (centre.longitude().doubleValue() - midLon) * shrink * finalScale;
                    double y = height / 2.0 - (centre.latitude().doubleValue() - midLat) * finalScale;
                    double width = labelWidth(centre.name());
                    boolean left = x + 12 + width > WIDTH && x - 12 - width >= 0;
                    double from = left ? x - 12 - width : x + 12;
                    double labelY = y + 5;
                    for (double shift : new double[] {0, 18, -18, 36, -36}) {
                        double candidate = y + 5 + shift;
                        boolean clear = placed.stream().noneMatch(box -> Math.abs(box[2] - candidate) < 15
                                && from < box[1] && box[0] < from + width);
                        if (clear) {
                            labelY = candidate;
                            break;
                        }
                    }
                    placed.add(new double[] {from, from + width, labelY});
                    points.add(new Point(centre.id(), round(x), round(y), centre.name(), left,
                            round(left ? x - 12 : x + 12), round(labelY)));
                });
        return new CentreMap(WIDTH, height, points);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
