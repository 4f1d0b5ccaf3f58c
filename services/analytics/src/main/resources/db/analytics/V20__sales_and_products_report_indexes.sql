-- "Most abandoned in carts" asks, for every cart add, whether a checkout of that cart (session) led to a paid
-- order: without this index that is a scan of every behaviour row per cart add.
create index fact_behaviour_checkout_session on fact_behaviour (session_key, order_id) where kind = 'CHECKOUT';
