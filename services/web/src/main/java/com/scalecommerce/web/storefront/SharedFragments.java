package com.scalecommerce.web.storefront;

import com.scalecommerce.web.catalog.CatalogModels.CategoryNode;
import com.scalecommerce.web.catalog.CatalogModels.HomePage;
import io.quarkus.qute.Location;
import io.quarkus.qute.RawString;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
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
 */
@ApplicationScoped
@Named("fragments")
public class SharedFragments {

    private record Rendered(Object data, RawString html) {}

    private final Template categoryNav;
    private final Template homeContent;
    private final AtomicReference<Rendered> lastNav = new AtomicReference<>();
    private final AtomicReference<Rendered> lastHome = new AtomicReference<>();

    SharedFragments(
            @Location("fragments/categoryNav.html") Template categoryNav,
            @Location("fragments/homeContent.html") Template homeContent) {
        this.categoryNav = categoryNav;
        this.homeContent = homeContent;
    }

    /** The category bar under the header. */
    public RawString categoryNav(List<CategoryNode> nav) {
        return renderedOnce(lastNav, nav, () -> categoryNav.data("nav", nav).render());
    }

    /** The home page below the header: banners, featured, new arrivals, best sellers. */
    public RawString homeContent(HomePage home) {
        return renderedOnce(lastHome, home, () -> homeContent.data("home", home).render());
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
