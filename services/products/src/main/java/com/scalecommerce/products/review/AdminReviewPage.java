package com.scalecommerce.products.review;

import java.util.List;

public record AdminReviewPage(List<AdminReview> items, String nextCursor) {}
