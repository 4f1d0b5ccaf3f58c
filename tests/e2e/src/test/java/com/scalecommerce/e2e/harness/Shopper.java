package com.scalecommerce.e2e.harness;

/** Someone with a cart: a signed-in {@link Customer} or a {@link Guest} holding a cart token. */
public sealed interface Shopper permits Customer, Guest {

    /** Puts on the request what the orders service knows this shopper's cart by. */
    void identify(Api.Call call);
}
