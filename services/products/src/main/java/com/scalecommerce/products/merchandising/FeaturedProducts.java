package com.scalecommerce.products.merchandising;

import java.util.List;
import java.util.UUID;

/** The featured products in the order the home page shows them. */
public record FeaturedProducts(List<UUID> productIds) {}
