package com.scalecommerce.products.search;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "scalecommerce.products.search")
public interface SearchConfig {

    /**
     * When full-text search finds fewer active products than this, name similarity (pg_trgm) joins in, so a typo
     * such as "iphnoe" still finds "iPhone". Above it, similarity would only add noise ("shirt" finding skirts).
     */
    @WithDefault("3")
    int fuzzyFallbackBelow();

    /** pg_trgm word_similarity a name needs to count as a fuzzy match. */
    @WithDefault("0.3")
    double wordSimilarityThreshold();

    @WithDefault("8")
    int suggestLimit();

    /** Queries longer than this are cut: nobody types them, and they only cost CPU. */
    @WithDefault("200")
    int maxQueryLength();

    /** search.performed events waiting to be written; beyond this, events are dropped (analytics, not orders). */
    @WithDefault("10000")
    int eventQueueCapacity();

    /** Events written per outbox transaction. */
    @WithDefault("500")
    int eventBatchSize();
}
