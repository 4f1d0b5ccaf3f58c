package com.scalecommerce.web.storefront;

import com.scalecommerce.web.catalog.CatalogModels.CategoryRef;
import com.scalecommerce.web.catalog.CatalogModels.Image;
import com.scalecommerce.web.catalog.CatalogModels.ProductDetail;
import com.scalecommerce.web.catalog.CatalogModels.Review;
import com.scalecommerce.web.catalog.CatalogModels.ReviewPage;
import com.scalecommerce.web.catalog.CatalogModels.Variant;
import io.quarkus.qute.TemplateData;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A product page: the chosen variant (from {@code ?sku=}, else the first one in stock), its gallery, the picker and
 * the reviews when products could give them ({@code reviewsShown} false: the page renders without them).
 */
@TemplateData
public record ProductView(
        ProductDetail product,
        Variant selected,
        List<Image> gallery,
        List<VariantChoice> choices,
        List<CategoryRef> breadcrumb,
        boolean reviewsShown,
        BigDecimal ratingAvg,
        int ratingCount,
        List<HistogramRow> histogram,
        List<Review> reviews) {

    @TemplateData
    public record VariantChoice(String sku, String label, boolean available, boolean selected, String url) {}

    @TemplateData
    public record HistogramRow(int stars, int count, int total) {}

    static ProductView of(ProductDetail product, String sku, Optional<ReviewPage> reviewPage) {
        List<Variant> variants = product.variants() == null ? List.of() : product.variants();
        Variant selected = variants.stream()
                .filter(v -> v.sku().equals(sku))
                .findFirst()
                .or(() -> variants.stream().filter(Variant::available).findFirst())
                .or(() -> variants.stream().findFirst())
                .orElse(null);
        List<Image> images = product.images() == null ? List.of() : product.images();
        // The chosen variant's own pictures first, then the product's shared ones; a variant without its own
        // pictures shows the shared ones, and a product with only other variants' pictures shows all.
        List<Image> gallery = new ArrayList<>();
        if (selected != null) {
            images.stream().filter(i -> selected.id().equals(i.variantId())).forEach(gallery::add);
        }
        images.stream().filter(i -> i.variantId() == null).forEach(gallery::add);
        if (gallery.isEmpty()) {
            gallery.addAll(images);
        }
        List<VariantChoice> choices = variants.stream()
                .map(v -> new VariantChoice(
                        v.sku(),
                        label(v),
                        v.available(),
                        v == selected,
                        "/p/" + Urls.encodePath(product.slug()) + "?sku=" + Urls.encode(v.sku())))
                .toList();
        var summary = reviewPage.map(ReviewPage::summary);
        int count = summary.map(s -> s.ratingCount())
                .orElse(product.rating() == null ? 0 : product.rating().count());
        BigDecimal avg = summary.map(s -> s.ratingAvg())
                .orElse(product.rating() == null ? null : product.rating().average());
        List<HistogramRow> histogram = new ArrayList<>();
        summary.ifPresent(s -> {
            Map<Integer, Integer> bars = s.histogram() == null ? Map.of() : s.histogram();
            for (int stars = 5; stars >= 1; stars--) {
                histogram.add(new HistogramRow(stars, bars.getOrDefault(stars, 0), Math.max(s.ratingCount(), 1)));
            }
        });
        return new ProductView(
                product,
                selected,
                gallery,
                choices,
                product.categories() == null ? List.of() : product.categories(),
                reviewPage.isPresent(),
                avg,
                count,
                histogram,
                reviewPage
                        .map(p -> p.items() == null ? List.<Review>of() : p.items())
                        .orElse(List.of()));
    }

    private static String label(Variant v) {
        if (v.options() == null || v.options().isEmpty()) {
            return v.sku();
        }
        return v.options().entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
                .map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    public String imageAlt(Image image) {
        return image.alt() == null || image.alt().isBlank() ? product.name() : image.alt();
    }
}
