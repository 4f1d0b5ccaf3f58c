package com.scalecommerce.web.storefront;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.scalecommerce.web.catalog.CatalogModels.CategoryNode;
import com.scalecommerce.web.catalog.CatalogModels.HomePage;
import com.scalecommerce.web.catalog.CatalogModels.ListingPage;
import com.scalecommerce.web.catalog.CatalogModels.ProductDetail;
import com.scalecommerce.web.catalog.CatalogModels.ReviewPage;
import io.quarkus.qute.Location;
import io.quarkus.qute.RawString;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The parts of pages that are the same for every shopper (the category bar on every page, the home page, category
 * grids, product pages), rendered once per version of their data instead of once per request: template rendering
 * was the largest share of the storefront's CPU under the browse journey.
 *
 * <p>A version is the data object itself. {@code Catalog}'s caches hand out the same instance until their entry
 * expires, so "the same instance as before" means "the same data"; a new instance (products answered again) is
 * rendered afresh. The markup is kept beside that instance (weak keys, compared by identity): when the catalog
 * cache lets the instance go, its markup goes with it. Per version there may be variants: a category grid per
 * address (sort, facets chosen), a product page per option chosen, reviews shown and signed in or not.
 *
 * <p>The one thing of the viewer's own in a product page, the session's CSRF token in its forms, is rendered as a
 * placeholder and put in per request; a page with a flash message (after posting a review, rare) is rendered whole.
 * The layout reaches the category bar through {@code inject:fragments}.
 */
@ApplicationScoped
@Named("fragments")
public class SharedFragments {

    /** What a product page's content depends on besides the product; the reviews are compared by value. */
    public record ProductVariant(String sku, boolean signedIn, Optional<ReviewPage> reviews) {}

    /** Sort orders, facet choices and options of one listing or product: a few dozen in real use. */
    static final int VARIANTS_KEPT = 64;

    /** Cannot occur in a CSRF token (base64url) nor be changed by HTML escaping. */
    private static final String CSRF_PLACEHOLDER = "csrf-placeholder-5d1c0b";

    private final Template categoryNav;
    private final Template homeContent;
    private final Template listingContent;
    private final Template productContent;
    private final Cache<Object, Map<Object, RawString>> rendered = Caffeine.newBuilder()
            .executor(Runnable::run)
            .weakKeys()
            .maximumSize(20_000)
            .build();

    SharedFragments(
            @Location("fragments/categoryNav.html") Template categoryNav,
            @Location("fragments/homeContent.html") Template homeContent,
            @Location("fragments/listingContent.html") Template listingContent,
            @Location("fragments/productContent.html") Template productContent) {
        this.categoryNav = categoryNav;
        this.homeContent = homeContent;
        this.listingContent = listingContent;
        this.productContent = productContent;
    }

    /** The category bar under the header. */
    public RawString categoryNav(List<CategoryNode> nav) {
        return kept(nav, "", () -> categoryNav.data("nav", nav).render());
    }

    /** The home page below the header: banners, featured, new arrivals, best sellers. */
    public RawString homeContent(HomePage home) {
        return kept(home, "", () -> homeContent.data("home", home).render());
    }

    /**
     * A category page's content for the listing {@code page} as {@code view} shows it; {@code viewKey} names
     * everything else the view is made of (the page's address with its query, the heading), so equal keys give
     * equal markup.
     */
    public RawString listingContent(ListingPage page, String viewKey, Supplier<ListingView> view) {
        return kept(page, viewKey, () -> listingContent(view.get()).toString());
    }

    /** A listing rendered for this request only (a search: its page is asked of products each time). */
    public RawString listingContent(ListingView view) {
        return new RawString(listingContent.data("view", view).render());
    }

    /** A product page's content for a viewer with this session's {@code csrf} token. */
    public RawString productContent(
            ProductDetail product, ProductVariant variant, Supplier<ProductView> view, String csrf) {
        RawString shared = kept(product, variant, () -> render(view.get(), CSRF_PLACEHOLDER, null, variant.signedIn()));
        return new RawString(shared.getValue().replace(CSRF_PLACEHOLDER, csrf));
    }

    /** A product page's content rendered for this request only (it shows a flash message). */
    public RawString productContent(ProductView view, String csrf, String flash, boolean signedIn) {
        return new RawString(render(view, csrf, flash, signedIn));
    }

    private String render(ProductView view, String csrf, String flash, boolean signedIn) {
        return productContent
                .data("view", view)
                .data("csrf", csrf)
                .data("flash", flash)
                .data("signedIn", signedIn)
                .render();
    }

    /**
     * The markup of {@code variant} of this version of the data, rendered now if it is not kept yet. At most
     * {@link #VARIANTS_KEPT} per version: variants come from request addresses (any query parameter, any sku), so a
     * client inventing them must not grow the heap; what is past the bound is rendered for its request only.
     */
    RawString kept(Object version, Object variant, Supplier<String> render) {
        Map<Object, RawString> variants = rendered.get(version, v -> new ConcurrentHashMap<>());
        RawString markup = variants.get(variant);
        if (markup == null) {
            markup = new RawString(render.get());
            if (variants.size() < VARIANTS_KEPT) {
                variants.putIfAbsent(variant, markup);
            }
        }
        return markup;
    }
}
