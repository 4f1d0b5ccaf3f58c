package com.scalecommerce.web.cart;

import com.scalecommerce.web.catalog.CatalogModels.CategoryNode;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import java.util.List;

/** The cart page (templates/Cart/cart.html, inside templates/layout.html). */
@CheckedTemplate(basePath = "Cart")
class CartPages {

    private CartPages() {}

    static native TemplateInstance cart(List<CategoryNode> nav, CartPage page);
}
