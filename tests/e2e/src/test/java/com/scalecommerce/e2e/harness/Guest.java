package com.scalecommerce.e2e.harness;

/** A shopper without an account, known by the cart token the first add to cart returned. */
public record Guest(String cartToken) implements Shopper {

    public static final String CART_TOKEN_HEADER = "X-Cart-Token";

    @Override
    public void identify(Api.Call call) {
        call.header(CART_TOKEN_HEADER, cartToken);
    }
}
