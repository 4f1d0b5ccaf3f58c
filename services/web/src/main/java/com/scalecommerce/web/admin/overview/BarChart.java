package com.scalecommerce.web.admin.overview;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;

/**
 * A vertical bar chart drawn by the template as inline SVG: geometry computed here, so the page needs no script,
 * and positioned with SVG attributes (x, y, width, height) and CSS classes only, since the content security
 * policy allows no inline style. Every bar carries its own {@code <title>} (a tooltip and a screen reader's
 * label); {@code rows} are the same figures for the table under the chart.
 */
record BarChart(
        String id,
        String title,
        String description,
        List<Bar> bars,
        List<Tick> ticks,
        List<AxisLabel> axis,
        List<Point> rows) {

    static final int WIDTH = 640;
    static final int HEIGHT = 240;
    static final int LEFT = 78;
    static final int RIGHT = 8;
    static final int TOP = 12;
    static final int BOTTOM = 28;
    static final int PLOT_WIDTH = WIDTH - LEFT - RIGHT;
    static final int PLOT_HEIGHT = HEIGHT - TOP - BOTTOM;

    /** One value: {@code label} names the bucket, {@code text} is the value as people read it. */
    record Point(String label, long value, String text) {}

    record Bar(String x, String y, String width, String height, String label) {}

    record Tick(String y, String labelY, String label) {}

    /** {@code anchor}: SVG text-anchor, so the first and last labels stay inside the chart. */
    record AxisLabel(String x, String text, String anchor) {}

    /** Negative values (a day of refunds only) are drawn as empty bars; the table still shows them. */
    static BarChart of(String id, String title, String description, List<Point> points, LongFunction<String> tick) {
        long max = points.stream().mapToLong(Point::value).max().orElse(0);
        int n = Math.max(points.size(), 1);
        double slot = (double) PLOT_WIDTH / n;
        double barWidth = Math.max(1, slot * 0.7);
        var bars = new ArrayList<Bar>();
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            double height = max <= 0 ? 0 : Math.max(0, p.value()) * (double) PLOT_HEIGHT / max;
            bars.add(new Bar(
                    n(LEFT + i * slot + (slot - barWidth) / 2),
                    n(TOP + PLOT_HEIGHT - height),
                    n(barWidth),
                    n(height),
                    p.label() + ": " + p.text()));
        }
        var ticks = new ArrayList<Tick>();
        for (long value : max <= 0 ? new long[] {0} : new long[] {0, max / 2, max}) {
            double y = TOP + PLOT_HEIGHT - (max <= 0 ? 0 : value * (double) PLOT_HEIGHT / max);
            ticks.add(new Tick(n(y), n(y + 4), tick.apply(value)));
        }
        var axis = new ArrayList<AxisLabel>();
        if (!points.isEmpty()) {
            axis.add(new AxisLabel(n(LEFT), points.getFirst().label(), "start"));
            if (points.size() > 2) {
                int middle = points.size() / 2;
                axis.add(new AxisLabel(
                        n(LEFT + (middle + 0.5) * slot), points.get(middle).label(), "middle"));
            }
            if (points.size() > 1) {
                axis.add(new AxisLabel(n(LEFT + PLOT_WIDTH), points.getLast().label(), "end"));
            }
        }
        return new BarChart(id, title, description, bars, ticks, axis, List.copyOf(points));
    }

    public int width() {
        return WIDTH;
    }

    public int height() {
        return HEIGHT;
    }

    public int left() {
        return LEFT;
    }

    public int right() {
        return WIDTH - RIGHT;
    }

    /** Where the y-axis labels end, just left of the plot. */
    public int tickX() {
        return LEFT - 6;
    }

    /** Where the x-axis labels sit, under the plot. */
    public int axisY() {
        return HEIGHT - 8;
    }

    private static String n(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
