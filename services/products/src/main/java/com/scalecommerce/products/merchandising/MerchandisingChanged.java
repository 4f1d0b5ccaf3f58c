package com.scalecommerce.products.merchandising;

/** Fired in the transaction of a merchandising write; the home page cache reacts once it commits. */
record MerchandisingChanged() {}
