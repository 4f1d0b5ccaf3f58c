package com.scalecommerce.orders.pricing;

import java.util.List;

/** One page of an admin list; {@code nextCursor} is null on the last page. */
public record Page<T>(List<T> items, String nextCursor) {}
