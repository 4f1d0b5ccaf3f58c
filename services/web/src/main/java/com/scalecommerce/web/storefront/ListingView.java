package com.scalecommerce.web.storefront;

import com.scalecommerce.web.catalog.CatalogModels.CategoryCount;
import com.scalecommerce.web.catalog.CatalogModels.Item;
import io.quarkus.qute.TemplateData;
import java.util.List;

/** A category or search page: the grid, the facet form, sort and the next-page link, ready to print. */
@TemplateData
public record ListingView(
        String heading,
        String action,
        String clearUrl,
        String q,
        List<Item> items,
        Long total,
        List<FacetGroup> facets,
        List<CategoryCount> subcategories,
        List<Option> sorts,
        String nextUrl,
        boolean approximate,
        List<Link> didYouMean) {

    @TemplateData
    public record FacetGroup(String title, String name, String type, List<Option> options) {}

    /** One choice in a form: a facet value or a sort order. */
    @TemplateData
    public record Option(String value, String label, long count, boolean selected) {}

    @TemplateData
    public record Link(String label, String url) {}

    public boolean empty() {
        return items.isEmpty();
    }
}
