package com.scalecommerce.users.account;

/** What a token may do. SERVICE is only ever given to client_credentials tokens, never to an account. */
public enum Role {
    CUSTOMER,
    ADMIN,
    SERVICE
}
