package com.scalecommerce.web.cart;

/**
 * Whose cart a call is about: a signed-in customer's ({@code bearer}, their access token) or a guest's
 * ({@code token}, orders' cart token from the session). Before sign-in merges them, both may be set.
 */
record CartOwner(String bearer, String token) {}
