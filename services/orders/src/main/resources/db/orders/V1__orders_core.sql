-- The order record and its timeline. Prices, totals and addresses are snapshots taken at checkout: later catalog
-- or address-book changes must never rewrite what a customer bought.
create sequence customer_order_number start with 100001;

create table customer_order (
    id                uuid        primary key,
    -- Human-friendly and unique; the uuid stays the only id in URLs so numbers cannot be enumerated.
    number            bigint      not null unique default nextval('customer_order_number'),
    user_id           uuid,
    email             text        not null,
    status            text        not null,
    currency          char(3)     not null,
    subtotal_minor    bigint      not null,
    discount_minor    bigint      not null default 0,
    shipping_minor    bigint      not null default 0,
    tax_minor         bigint      not null default 0,
    total_minor       bigint      not null,
    refunded_minor    bigint      not null default 0,
    shipping_address  jsonb       not null,
    billing_address   jsonb       not null,
    shipping_method   text        not null,
    carrier           text,
    tracking_number   text,
    idempotency_key   text        not null unique,
    request_hash      text        not null,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    constraint customer_order_status check (status in ('PENDING_PAYMENT', 'PAID', 'PAYMENT_FAILED', 'REJECTED',
        'CANCELLED', 'FULFILLING', 'SHIPPED', 'DELIVERED', 'PARTIALLY_REFUNDED', 'REFUNDED')),
    constraint customer_order_money check (subtotal_minor >= 0 and discount_minor >= 0 and shipping_minor >= 0
        and tax_minor >= 0 and total_minor >= 0 and refunded_minor >= 0 and refunded_minor <= total_minor),
    constraint customer_order_currency check (currency ~ '^[A-Z]{3}$')
);
-- Customer history and the admin list, both newest first.
create index customer_order_user on customer_order (user_id, created_at desc, id desc);
create index customer_order_created on customer_order (created_at desc, id desc);
-- The admin's work queues ("everything PAID, oldest to fulfil").
create index customer_order_status on customer_order (status, created_at desc, id desc);
create index customer_order_email on customer_order (lower(email));

create table order_line (
    id                uuid        primary key,
    order_id          uuid        not null references customer_order (id),
    position          int         not null,
    sku               text        not null,
    product_id        uuid        not null,
    name              text        not null,
    options           jsonb       not null default '{}',
    unit_price_minor  bigint      not null check (unit_price_minor >= 0),
    quantity          int         not null check (quantity > 0),
    line_total_minor  bigint      not null check (line_total_minor >= 0),
    tax_minor         bigint      not null default 0 check (tax_minor >= 0),
    discount_minor    bigint      not null default 0 check (discount_minor >= 0),
    unique (order_id, position)
);

create table order_event (
    id           bigint      generated always as identity primary key,
    order_id     uuid        not null references customer_order (id),
    at           timestamptz not null default clock_timestamp(),
    actor        text        not null check (actor = 'system' or actor ~ '^(customer|admin):[0-9a-f-]{36}$'),
    from_status  text,
    to_status    text,
    note         text,
    data         jsonb       not null default '{}'
);
create index order_event_order on order_event (order_id, id);

-- The timeline is evidence (who cancelled, who refunded how much): rows are never changed or removed.
create function order_event_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'order_event is append-only' using errcode = '55000';
end;
$$;
create trigger order_event_append_only before update or delete on order_event
    for each row execute function order_event_append_only();
