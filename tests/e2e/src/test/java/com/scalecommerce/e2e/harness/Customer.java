package com.scalecommerce.e2e.harness;

import java.util.UUID;

/** A registered, e-mail-verified, signed-in customer. */
public record Customer(UUID id, String email, String password, String accessToken) implements Shopper {

    @Override
    public void identify(Api.Call call) {
        call.bearer(accessToken);
    }
}
