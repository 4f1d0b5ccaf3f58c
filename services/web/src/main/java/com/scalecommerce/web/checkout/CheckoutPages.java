package com.scalecommerce.web.checkout;

import com.scalecommerce.web.catalog.CatalogModels.CategoryNode;
import com.scalecommerce.web.checkout.CheckoutViews.AddressStep;
import com.scalecommerce.web.checkout.CheckoutViews.AuthenticateStep;
import com.scalecommerce.web.checkout.CheckoutViews.Confirmation;
import com.scalecommerce.web.checkout.CheckoutViews.PaymentStep;
import com.scalecommerce.web.checkout.CheckoutViews.PendingPage;
import com.scalecommerce.web.checkout.CheckoutViews.ReviewStep;
import com.scalecommerce.web.checkout.CheckoutViews.ShippingStep;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import java.util.List;

/** The checkout's pages (templates/Checkout/*.html, each inside templates/layout.html). */
@CheckedTemplate(basePath = "Checkout")
class CheckoutPages {

    private CheckoutPages() {}

    static native TemplateInstance address(List<CategoryNode> nav, AddressStep step);

    static native TemplateInstance shipping(List<CategoryNode> nav, ShippingStep step);

    static native TemplateInstance payment(List<CategoryNode> nav, PaymentStep step);

    static native TemplateInstance review(List<CategoryNode> nav, ReviewStep step);

    static native TemplateInstance authenticate(List<CategoryNode> nav, AuthenticateStep step);

    static native TemplateInstance pending(List<CategoryNode> nav, PendingPage page);

    static native TemplateInstance confirmation(List<CategoryNode> nav, Confirmation page);
}
