package com.scalecommerce.products.catalog;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

@ConfigMapping(prefix = "scalecommerce.products.catalog")
public interface CatalogConfig {

    @WithDefault("24")
    int defaultPageSize();

    @WithDefault("100")
    int maxPageSize();

    /** Boundaries of the price facet's ranges, in minor units: 0-9.99, 10-24.99, ... 1000 and up. */
    @WithDefault("1000,2500,5000,10000,25000,50000,100000")
    List<Long> priceFacetBoundaries();

    /** Values shown per attribute facet, most frequent first. */
    @WithDefault("30")
    int attributeFacetValues();

    /** Rows a CSV import may hold; larger catalogs are imported in several files. */
    @WithDefault("50000")
    int csvMaxRows();
}
