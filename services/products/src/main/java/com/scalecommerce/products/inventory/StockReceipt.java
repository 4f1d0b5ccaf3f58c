package com.scalecommerce.products.inventory;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Goods arrived: on hand goes up by {@code quantity}. */
public record StockReceipt(
        @NotNull @Min(1) @Max(1_000_000) Integer quantity,
        @Size(max = 500) String reason,
        @Size(max = 200) String reference) {}
