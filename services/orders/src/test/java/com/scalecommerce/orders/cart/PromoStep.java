package com.scalecommerce.orders.cart;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** A stand-in pricing rule, to prove the extension point: 1.00 off any cart holding the SKU "PROMO". */
@ApplicationScoped
class PromoStep implements CartPricingStep {

    @Override
    public int order() {
        return 100;
    }

    @Override
    public List<CartAdjustment> adjust(PricedCart cart, List<CartAdjustment> earlier) {
        boolean promo = cart.lines().stream().anyMatch(l -> l.sku().equals("PROMO") && l.available());
        return promo
                ? List.of(new CartAdjustment(CartAdjustment.Kind.DISCOUNT, "TEST_PROMO", "Test promo", -100))
                : List.of();
    }
}
