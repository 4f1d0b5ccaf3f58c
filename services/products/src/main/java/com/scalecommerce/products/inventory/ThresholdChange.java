package com.scalecommerce.products.inventory;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** At or below this many available units a SKU counts as low on stock. */
public record ThresholdChange(
        @NotNull @Min(0) @Max(1_000_000_000) Integer lowStockThreshold) {}
