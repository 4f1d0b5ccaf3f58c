-- The raw event log: every event analytics was given, once (event id), exactly as received. It is the source of
-- truth here: every table below is a projection of it and is rebuilt from it by a replay.
create table event_log (
    seq          bigint      generated always as identity primary key,
    event_id     text        not null unique,
    type         text        not null,
    source       text        not null,
    subject      text,
    occurred_at  timestamptz not null,
    data         jsonb       not null,
    received_at  timestamptz not null default now()
);
create index event_log_type on event_log (type, occurred_at);

-- Orders as analytics sees them: one row per order, filled in by whichever of its events arrives (events may
-- come out of order). Revenue counts when an order is paid; refunds (partial, full, or a paid order cancelled)
-- are deducted when they happen.
create table fact_order (
    order_id        uuid        primary key,
    number          bigint,
    user_id         uuid,
    currency        char(3),
    total_minor     bigint,
    placed_at       timestamptz,
    paid_at         timestamptz,
    cancelled_at    timestamptz,
    refunded_minor  bigint      not null default 0,
    status          text,
    status_at       timestamptz
);
create index fact_order_paid on fact_order (paid_at) where paid_at is not null;
create index fact_order_user on fact_order (user_id, paid_at);

create table fact_order_line (
    order_id          uuid   not null,
    sku               text   not null,
    product_id        uuid,
    quantity          int    not null,
    unit_price_minor  bigint not null,
    primary key (order_id, sku)
);
create index fact_order_line_product on fact_order_line (product_id);

-- One row per refund (its event id), so a refund counts once and in the period it happened.
create table fact_refund (
    event_id      text        primary key,
    order_id      uuid        not null,
    currency      char(3)     not null,
    amount_minor  bigint      not null,
    refunded_at   timestamptz not null
);
create index fact_refund_at on fact_refund (refunded_at);

-- Storefront behaviour: product views, cart adds, checkout starts. session_key is the anonymous session (or the
-- guest cart) and user_id the customer when known.
create table fact_behaviour (
    event_id     text        primary key,
    kind         text        not null check (kind in ('VIEW', 'CART_ADD', 'CHECKOUT')),
    session_key  text,
    user_id      uuid,
    product_id   uuid,
    sku          text,
    quantity     int,
    order_id     uuid,
    at           timestamptz not null
);
create index fact_behaviour_kind_at on fact_behaviour (kind, at);
create index fact_behaviour_product on fact_behaviour (product_id, kind);
create index fact_behaviour_order on fact_behaviour (order_id) where order_id is not null;

create table fact_search (
    event_id      text        primary key,
    query         text        not null,   -- normalised: trimmed, lower case, single spaces
    result_count  bigint      not null,
    session_key   text,
    at            timestamptz not null
);
create index fact_search_at on fact_search (at);

-- The latest known stock per SKU (from inventory.adjusted / inventory.low), with the event time that set it so
-- an older event arriving late never overwrites a newer level.
create table fact_stock (
    sku                  text        primary key,
    product_id           uuid,
    on_hand              int         not null,
    reserved             int         not null,
    available            int         not null,
    low_stock_threshold  int,
    as_of                timestamptz not null
);

-- Products and their prices (product.created / product.updated), for names, categories and stock value.
create table dim_product (
    product_id     uuid        primary key,
    name           text,
    currency       char(3),
    category_ids   uuid[]      not null default '{}',
    status         text,
    as_of          timestamptz not null
);
create table dim_variant (
    sku          text        primary key,
    product_id   uuid        not null,
    price_minor  bigint      not null,
    as_of        timestamptz not null
);

create table dim_customer (
    user_id        uuid        primary key,
    registered_at  timestamptz
);
