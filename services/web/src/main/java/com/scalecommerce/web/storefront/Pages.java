package com.scalecommerce.web.storefront;

import com.scalecommerce.web.catalog.CatalogModels.CategoryNode;
import com.scalecommerce.web.catalog.CatalogModels.HomePage;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;
import java.util.List;

/** The storefront's pages (templates/Pages/*.html, each inside templates/layout.html). */
@CheckedTemplate(basePath = "Pages")
public class Pages {

    private Pages() {}

    static native TemplateInstance home(List<CategoryNode> nav, HomePage home);

    /** {@code content}: the grid, facets and pager, rendered by {@link SharedFragments#listingContent}. */
    static native TemplateInstance listing(List<CategoryNode> nav, String heading, String q, RawString content);

    /** {@code content}: the product, its options and reviews, rendered by {@link SharedFragments#productContent}. */
    static native TemplateInstance product(List<CategoryNode> nav, String title, RawString content);

    /** Any failure shown to a browser; {@code nav} is empty there, to render without calling products. */
    public static native TemplateInstance error(List<CategoryNode> nav, int status, String title, String message);
}
