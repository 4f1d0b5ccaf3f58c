package com.scalecommerce.products.review;

import java.util.List;

/** One page of a product's reviews; {@code nextCursor} is null on the last page. */
public record ReviewPage(List<Review> items, String nextCursor, RatingSummary summary) {}
