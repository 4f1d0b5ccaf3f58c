package com.scalecommerce.products.media;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "scalecommerce.products.media")
public interface MediaConfig {

    /** Where the local-directory storage keeps images (read by {@link LocalDirectoryImageStorage}). */
    @WithDefault("data/media")
    String directory();

    /** Largest accepted upload; product photos above this are not worth serving to shoppers. */
    @WithDefault("5242880")
    int maxUploadBytes();

    /** Width x height ceiling, so a tiny file cannot claim a decompression-bomb canvas. */
    @WithDefault("40000000")
    long maxPixels();
}
