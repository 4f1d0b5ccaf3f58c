-- "Most abandoned in carts" asks, for every cart add, whether a checkout of that cart (session) led to a paid
-- order: without this index that is a scan of every behaviour row per cart add.
create index fact_behaviour_checkout_session on fact_behaviour (session_key, order_id) where kind = 'CHECKOUT';

-- Sales per bucket look up the lines of every order paid in the range; with the figures they need in the index
-- that is an index-only lookup per order rather than a heap visit, or a scan of every line ever sold.
create index fact_order_line_order_figures on fact_order_line (order_id) include (quantity, unit_price_minor, product_id);
