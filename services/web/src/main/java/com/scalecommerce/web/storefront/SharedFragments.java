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
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The parts of pages that are the same for every shopper (the category navigation on every page, the home page's
 * banners and product rows), rendered once per version of their data instead of once per request: template
 * rendering was the largest share of the storefront's CPU under the browse journey.
 *
 * <p>A version is the data object itself. {@code Catalog}'s caches hand out the same instance until their entry
 * expires, so "the same instance as last time" means "the same data"; a new instance (products answered again) is
 * rendered afresh. Only the latest version is kept: while an entry is replaced, a request still holding the older
 * instance renders it once more, which is correct, merely not saved. The templates use {@code inject:fragments}.
 *
 * <p>Category pages: the grid, facets and pager are a function of the listing products answered (one instance per
 * filter set while {@code Catalog} caches it) and of the page's own address and heading; they are kept beside that
 * instance (weak keys: when the listing cache lets it go, the markup goes with it).
 *
 * <p>Product pages likewise, beside the product instance, per option chosen, reviews shown and signed in or not.
 * The one thing of the viewer's own in them, the session's CSRF token in the forms, is rendered as a placeholder
 * and put in per request; a page with a flash message (after posting a review, rare) is rendered whole.
 */
@ApplicationScoped
@Named("fragments")
public class SharedFragments {

    private record Rendered(Object data, RawString html) {}

    private final Template categoryNav;
    private final Template homeContent;
    private final Template listingContent;
    private final Template productContent;
    private final Cache<ListingPage, ConcurrentMap<String, RawString>> listings =
            Caffeine.newBuilder().weakKeys().maximumSize(5_000).build();
    private final Cache<ProductDetail, ConcurrentMap<ProductVariant, String>> products =
            Caffeine.newBuilder().weakKeys().maximumSize(10_000).build();

    /** What a product page's content depends on besides the product; the reviews are compared by value. */
    public record ProductVariant(String sku, boolean signedIn, Optional<ReviewPage> reviews) {}

    /** Cannot occur in a CSRF token (base64url) nor be changed by HTML escaping. */
    private static final String CSRF_PLACEHOLDER = "csrf-placeholder-5d1c0b";

    /** Sort orders, facet choices and options of one listing or product: a few dozen in real use. */
    static final int VARIANTS_KEPT = 64;

    private final AtomicReference<Rendered> lastNav = new AtomicReference<>();
    private final AtomicReference<Rendered> lastHome = new AtomicReference<>();

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
        return renderedOnce(lastNav, nav, () -> categoryNav.data("nav", nav).render());
    }

    /** The home page below the header: banners, featured, new arrivals, best sellers. */
    public RawString homeContent(HomePage home) {
        return renderedOnce(lastHome, home, () -> homeContent.data("home", home).render());
    }

    /**
     * A category page's content for the listing {@code page} as {@code view} shows it; {@code viewKey} names everything
     * else the view is made of (the page's address with its query, the heading), so equal keys give equal markup.
     */
    public RawString listingContent(ListingPage page, String viewKey, Supplier<ListingView> view) {
        return kept(listings.get(page, p -> new ConcurrentHashMap<>()), viewKey, key -> listingContent(view.get()));
    }

    /** A listing rendered for this request only (a search: its page is asked of products each time). */
    public RawString listingContent(ListingView view) {
        return new RawString(listingContent.data("view", view).render());
    }

    /** A product page's content for a viewer with this session's {@code csrf} token. */
    public RawString productContent(
            ProductDetail product, ProductVariant variant, Supplier<ProductView> view, String csrf) {
        String shared = kept(
                products.get(product, p -> new ConcurrentHashMap<>()),
                variant,
                key -> render(view.get(), CSRF_PLACEHOLDER, null, key.signedIn()));
        return new RawString(shared.replace(CSRF_PLACEHOLDER, csrf));
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
     * The markup for {@code key}, rendered now if it is not kept yet. At most {@link #VARIANTS_KEPT} per version of
     * the data: the keys come from request addresses (any query parameter, any sku), so a client inventing them must
     * not grow the heap; what is past the bound is rendered for its request only.
     */
    private static <K, V> V kept(ConcurrentMap<K, V> variants, K key, Function<K, V> render) {
        V markup = variants.get(key);
        if (markup == null) {
            markup = render.apply(key);
            if (variants.size() < VARIANTS_KEPT) {
                variants.putIfAbsent(key, markup);
            }
        }
        return markup;
    }

    private static RawString renderedOnce(AtomicReference<Rendered> last, Object data, Supplier<String> render) {
        Rendered seen = last.get();
        if (seen != null && seen.data() == data) {
            return seen.html();
        }
        var fresh = new Rendered(data, new RawString(render.get()));
        last.set(fresh);
        return fresh.html();
    }
}
