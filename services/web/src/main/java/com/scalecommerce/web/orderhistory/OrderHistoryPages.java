package com.scalecommerce.web.orderhistory;

import com.scalecommerce.web.catalog.CatalogModels.CategoryNode;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import java.util.List;

/** The customer's order pages (templates/Account/orders.html and order.html, inside templates/layout.html). */
@CheckedTemplate(basePath = "Account")
class OrderHistoryPages {

    private OrderHistoryPages() {}

    /** {@code nextHref}: the link to older orders, null on the last page. */
    static native TemplateInstance orders(
            List<CategoryNode> nav, List<OrderView> orders, String nextHref, boolean firstPage, String notice);

    static native TemplateInstance order(List<CategoryNode> nav, OrderView view, String csrf, String notice);
}
