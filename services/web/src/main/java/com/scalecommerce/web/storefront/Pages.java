package com.scalecommerce.web.storefront;

import com.scalecommerce.web.catalog.CatalogModels.CategoryNode;
import com.scalecommerce.web.catalog.CatalogModels.HomePage;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import java.util.List;

/** The storefront's pages (templates/Pages/*.html, each inside templates/layout.html). */
@CheckedTemplate(basePath = "Pages")
public class Pages {

    private Pages() {}

    static native TemplateInstance home(List<CategoryNode> nav, HomePage home);

    static native TemplateInstance listing(List<CategoryNode> nav, ListingView view);

    /**
     * {@code csrf}: the session's token for the "Add to cart" and review forms; {@code flash}: the outcome of the
     * last review posted from this page, shown once.
     */
    static native TemplateInstance product(List<CategoryNode> nav, ProductView view, String csrf, String flash);

    /** Any failure shown to a browser; {@code nav} is empty there, to render without calling products. */
    public static native TemplateInstance error(List<CategoryNode> nav, int status, String title, String message);
}
