package com.scalecommerce.products.review;

import java.math.BigDecimal;
import java.util.Map;

/** The product's rating over its visible reviews; {@code histogram} maps each star count 1-5 to its reviews. */
public record RatingSummary(BigDecimal ratingAvg, int ratingCount, Map<Integer, Integer> histogram) {}
