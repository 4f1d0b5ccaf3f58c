package com.scalecommerce.web.admin.overview;

import com.scalecommerce.web.admin.analytics.AnalyticsModels.FunnelStep;
import java.util.List;
import java.util.Locale;

/**
 * The funnel as horizontal bars, one per step, each as long as its share of the widest step; drawn as inline SVG
 * by the template (attributes and classes only: no inline style under the CSP). {@code steps} double as the
 * table under the chart.
 */
record FunnelChart(String description, List<Step> steps) {

    static final int WIDTH = 640;
    static final int LABEL_WIDTH = 150;
    static final int BAR_SPACE = 380;
    static final int ROW = 40;

    /** {@code fromPrevious}: the share of the step before that reached this one, as text; empty for the first. */
    record Step(String name, long sessions, String fromPrevious, String y, String textY, String width) {}

    static FunnelChart of(FunnelStep total) {
        long widest = Math.max(
                1,
                Math.max(
                        Math.max(total.viewed(), total.addedToCart()),
                        Math.max(total.startedCheckout(), total.paid())));
        var steps = List.of(
                step(0, "Viewed a product", total.viewed(), null, widest),
                step(1, "Added to cart", total.addedToCart(), total.viewToCartRate(), widest),
                step(2, "Started checkout", total.startedCheckout(), total.cartToCheckoutRate(), widest),
                step(3, "Paid", total.paid(), total.checkoutToPaidRate(), widest));
        String description = String.format(
                Locale.ROOT,
                "%d sessions viewed a product, %d added to cart, %d started checkout and %d paid.",
                total.viewed(),
                total.addedToCart(),
                total.startedCheckout(),
                total.paid());
        return new FunnelChart(description, steps);
    }

    public int width() {
        return WIDTH;
    }

    public int height() {
        return ROW * 4;
    }

    public int barX() {
        return LABEL_WIDTH;
    }

    /** Where each step's count is written, after the longest possible bar. */
    public int countX() {
        return LABEL_WIDTH + BAR_SPACE + 8;
    }

    private static Step step(int index, String name, long sessions, Double rate, long widest) {
        double width = sessions * (double) BAR_SPACE / widest;
        String share = index == 0 || rate == null ? "" : String.format(Locale.ROOT, "%.1f%%", rate * 100);
        return new Step(
                name,
                sessions,
                share,
                Integer.toString(index * ROW + 6),
                Integer.toString(index * ROW + 26),
                String.format(Locale.ROOT, "%.1f", Math.max(width, sessions > 0 ? 1 : 0)));
    }
}
