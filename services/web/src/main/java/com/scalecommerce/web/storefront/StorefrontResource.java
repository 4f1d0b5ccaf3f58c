package com.scalecommerce.web.storefront;

import com.scalecommerce.platform.web.problem.ProblemException;
import com.scalecommerce.web.WebConfig;
import com.scalecommerce.web.catalog.Catalog;
import com.scalecommerce.web.catalog.CatalogModels.CategoryNode;
import com.scalecommerce.web.catalog.CatalogModels.ListingPage;
import com.scalecommerce.web.catalog.CatalogModels.ProductDetail;
import com.scalecommerce.web.catalog.CatalogModels.ReviewPage;
import com.scalecommerce.web.catalog.CatalogModels.Suggested;
import com.scalecommerce.web.catalog.CatalogModels.Suggestion;
import com.scalecommerce.web.catalog.Navigation;
import com.scalecommerce.web.events.BehaviourEvents;
import com.scalecommerce.web.events.ShopperKey;
import com.scalecommerce.web.session.Viewer;
import com.scalecommerce.web.storefront.ListingView.Link;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.virtual.threads.VirtualThreads;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.common.annotation.RunOnVirtualThread;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The browse pages. Each page asks products only what it shows, and independent calls run side by side on virtual
 * threads: the page costs its slowest call, not the sum. The navigation (category tree), the home page, listings,
 * products and their reviews are cached for every shopper in {@link Catalog}.
 *
 * <p>Home, category and product pages run on the event loop when everything they show is in those caches, which
 * under load is nearly always (ADR 0010): rendering is all that is left, and a virtual thread would only add two
 * thread switches. A page that must ask products first reads on a virtual thread, as search and autocomplete always
 * do.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class StorefrontResource {

    private static final ExecutorService PARALLEL = Executors.newVirtualThreadPerTaskExecutor();
    private static final int REVIEWS_SHOWN = 10;

    private final Catalog catalog;
    private final WebConfig config;
    private final Viewer viewer;
    private final BehaviourEvents events;
    private final SharedFragments fragments;
    private final Navigation navigation;
    private final ExecutorService virtualThreads;

    StorefrontResource(
            Catalog catalog,
            WebConfig config,
            Viewer viewer,
            BehaviourEvents events,
            SharedFragments fragments,
            Navigation navigation,
            @VirtualThreads ExecutorService virtualThreads) {
        this.catalog = catalog;
        this.navigation = navigation;
        this.config = config;
        this.viewer = viewer;
        this.events = events;
        this.fragments = fragments;
        this.virtualThreads = virtualThreads;
    }

    @GET
    @NonBlocking
    public Uni<TemplateInstance> home() {
        var nav = navigation.cached();
        var home = catalog.cachedHome();
        if (nav.isPresent() && home.isPresent()) {
            return Uni.createFrom().item(Pages.home(nav.get(), home.get()));
        }
        return reading(() -> {
            var tree = categories();
            var page = catalog.home();
            return Pages.home(join(tree), page);
        });
    }

    @GET
    @Path("c/{slug}")
    @NonBlocking
    public Uni<TemplateInstance> category(@PathParam("slug") String slug, @Context UriInfo uri) {
        var query = ListingQuery.from(uri.getQueryParameters());
        var filters = query.filters(slug, config.pageSize());
        String rawQuery = uri.getRequestUri().getRawQuery();
        var nav = navigation.cached();
        var listing = catalog.cachedProducts(filters);
        if (nav.isPresent() && listing.isPresent()) {
            CategoryNode category = category(nav.get(), slug);
            return Uni.createFrom().item(categoryPage(slug, rawQuery, query, nav.get(), category, listing.get()));
        }
        return reading(() -> {
            var page = async(() -> catalog.products(filters));
            // An unknown category is a 404 from the tree alone, without waiting for its listing.
            List<CategoryNode> tree = catalog.categories();
            CategoryNode category = category(tree, slug);
            return categoryPage(slug, rawQuery, query, tree, category, join(page));
        });
    }

    private TemplateInstance categoryPage(
            String slug,
            String rawQuery,
            ListingQuery query,
            List<CategoryNode> nav,
            CategoryNode category,
            ListingPage listing) {
        String action = "/c/" + Urls.encodePath(slug);
        String viewKey = action + "?" + rawQuery + "#" + category.name();
        var content = fragments.listingContent(
                listing, viewKey, () -> query.view(category.name(), action, listing, List.of()));
        return Pages.listing(nav, category.name(), null, content);
    }

    private static CategoryNode category(List<CategoryNode> nav, String slug) {
        return find(nav, slug)
                .orElseThrow(() -> ProblemException.notFound("CATEGORY_NOT_FOUND", "There is no such category."));
    }

    @GET
    @Path("search")
    @RunOnVirtualThread
    public TemplateInstance search(@Context UriInfo uri) {
        var query = ListingQuery.from(uri.getQueryParameters());
        var nav = categories();
        var filters = query.filters(null, config.pageSize());
        // A search (its first page) is asked for each time, with the shopper's key: products counts searches.
        var page = query.q() == null || filters.containsKey("cursor")
                ? catalog.products(filters)
                : catalog.search(
                        filters,
                        viewer.existing()
                                .map(s -> ShopperKey.of(s).asSearchSessionId())
                                .orElse(null));
        List<Link> didYouMean = List.of();
        if (query.q() != null && (page.items() == null || page.items().isEmpty())) {
            // Nothing matched, not even products' typo-tolerant fallback: offer what autocomplete would.
            didYouMean = didYouMean(catalog.suggest(query.q(), 3));
        }
        String heading = query.q() == null ? "All products" : "Results for “" + query.q() + "”";
        var view = query.view(heading, "/search", page, didYouMean);
        return Pages.listing(join(nav), heading, query.q(), fragments.listingContent(view));
    }

    @GET
    @Path("p/{slug}")
    @NonBlocking
    public Uni<TemplateInstance> product(@PathParam("slug") String slug, @QueryParam("sku") String sku) {
        var nav = navigation.cached();
        var product = catalog.cachedProduct(slug);
        var reviews = product.flatMap(p -> catalog.cachedReviews(p.id(), REVIEWS_SHOWN));
        if (nav.isPresent() && reviews.isPresent()) {
            return Uni.createFrom().item(productPage(nav.get(), product.get(), reviews, sku));
        }
        return reading(() -> {
            var tree = categories();
            var detail = catalog.product(slug);
            return productPage(join(tree), detail, catalog.reviews(detail.id(), REVIEWS_SHOWN), sku);
        });
    }

    private TemplateInstance productPage(
            List<CategoryNode> nav, ProductDetail product, Optional<ReviewPage> reviews, String sku) {
        // The "Add to cart" form needs a CSRF token bound to a session: a first visit gets its session here
        // (getCsrf starts one; SessionCookieFilter sends it).
        String csrf = viewer.getCsrf();
        events.productViewed(product.id(), viewer.session());
        String flash = viewer.takeFlash();
        boolean signedIn = viewer.isSignedIn();
        var content = flash == null
                ? fragments.productContent(
                        product,
                        new SharedFragments.ProductVariant(sku, signedIn, reviews),
                        () -> ProductView.of(product, sku, reviews),
                        csrf)
                : fragments.productContent(ProductView.of(product, sku, reviews), csrf, flash, signedIn);
        return Pages.product(nav, product.name(), content);
    }

    /** Autocomplete for app.js: a same-origin JSON proxy of products' suggestions, with the page URL of each. */
    @GET
    @Path("search/suggest")
    @RunOnVirtualThread
    @Produces(MediaType.APPLICATION_JSON)
    public Response suggest(@QueryParam("q") String q) {
        if (q == null || q.isBlank() || q.length() > 100) {
            return Response.ok(Map.of("suggestions", List.of())).build();
        }
        Suggested found = catalog.suggest(q.strip(), 6);
        List<Map<String, String>> suggestions = new ArrayList<>();
        found.products()
                .forEach(s -> suggestions.add(
                        Map.of("label", s.name(), "kind", "product", "url", "/p/" + Urls.encodePath(s.slug()))));
        found.categories()
                .forEach(s -> suggestions.add(
                        Map.of("label", s.name(), "kind", "category", "url", "/c/" + Urls.encodePath(s.slug()))));
        return Response.ok(Map.of("suggestions", suggestions))
                .header("Cache-Control", "private, max-age=30")
                .build();
    }

    private static List<Link> didYouMean(Suggested suggested) {
        return Stream.concat(suggested.products().stream(), suggested.categories().stream())
                .map(Suggestion::name)
                .distinct()
                .limit(3)
                .map(name -> new Link(name, "/search?q=" + Urls.encode(name)))
                .toList();
    }

    private static Optional<CategoryNode> find(List<CategoryNode> nodes, String slug) {
        for (CategoryNode node : nodes) {
            if (node.slug().equals(slug)) {
                return Optional.of(node);
            }
            var child = find(node.children() == null ? List.of() : node.children(), slug);
            if (child.isPresent()) {
                return child;
            }
        }
        return Optional.empty();
    }

    /**
     * The category tree alongside the page's other reads: from the cache when it holds it, without starting a
     * virtual thread (a start and a join are thread switches, for data already at hand).
     */
    private CompletableFuture<List<CategoryNode>> categories() {
        return navigation.cached().map(CompletableFuture::completedFuture).orElseGet(() -> async(catalog::categories));
    }

    /** A page that must ask products first: read and built on a virtual thread. */
    private Uni<TemplateInstance> reading(Supplier<TemplateInstance> page) {
        return Uni.createFrom().item(page).runSubscriptionOn(virtualThreads);
    }

    private static <T> CompletableFuture<T> async(Supplier<T> call) {
        return CompletableFuture.supplyAsync(call, PARALLEL);
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }
}
