package com.scalecommerce.web.catalog;

import com.scalecommerce.web.catalog.CatalogModels.CategoryNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The category bar for pages that are not about the catalog (cart, account, checkout): a nicety, so those pages
 * render without it when products is down.
 */
@ApplicationScoped
public class Navigation {

    private final Catalog catalog;

    Navigation(Catalog catalog) {
        this.catalog = catalog;
    }

    public List<CategoryNode> orEmpty() {
        try {
            return catalog.categories();
        } catch (RuntimeException e) {
            return List.of();
        }
    }
}
