package com.scalecommerce.products.inventory;

/** Why a stock number moved; the ledger's reason column allows exactly these. */
enum LedgerReason {
    RECEIVED,
    CORRECTION,
    RESERVED,
    RELEASED,
    EXPIRED,
    SOLD,
    /** The return of a cancelled order's committed quantities to on hand. */
    RESTOCKED
}
