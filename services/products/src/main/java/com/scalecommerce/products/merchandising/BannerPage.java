package com.scalecommerce.products.merchandising;

import java.util.List;

public record BannerPage(List<Banner> items, String nextCursor) {}
