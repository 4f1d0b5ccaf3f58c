package com.scalecommerce.products.review;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A CDI event fired in the transaction that changed a product's rating. Observe it with
 * {@code @Observes(during = TransactionPhase.AFTER_SUCCESS)} to drop cached copies of the product once the new
 * figures are committed.
 */
public record ProductRatingChanged(UUID productId, BigDecimal ratingAvg, int ratingCount) {}
