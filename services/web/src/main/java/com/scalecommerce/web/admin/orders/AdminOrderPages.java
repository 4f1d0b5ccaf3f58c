package com.scalecommerce.web.admin.orders;

import com.scalecommerce.web.admin.orders.AdminOrderModels.Order;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import java.util.List;
import java.util.Set;

/** The admin's order pages (templates/admin/orders/*.html, inside templates/admin/layout.html). */
@CheckedTemplate(basePath = "admin/orders")
class AdminOrderPages {

    private AdminOrderPages() {}

    /** {@code nextPage}: the link to the next page, null on the last; {@code problem}: why the filters failed. */
    static native TemplateInstance list(
            OrderFilters filters,
            List<String> statuses,
            List<Order> orders,
            String nextPage,
            boolean paged,
            String problem);

    /** {@code actions}: the moves offered (see OrderActions); {@code flash}: the last move's outcome. */
    static native TemplateInstance detail(Order order, Set<String> actions, String csrf, String flash, String problem);
}
