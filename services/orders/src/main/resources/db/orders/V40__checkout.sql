-- The checkout saga's own records.

-- One row per (caller, Idempotency-Key). The first request claims the key; repeats wait for its answer and then
-- replay it byte for byte. Only answers given after an order existed are kept (like Stripe: a request refused
-- before it started doing anything may simply be sent again).
create table checkout_request (
    scope            text        not null,   -- 'u:<user id>' or 'g:<sha-256 of the guest cart token>'
    idempotency_key  text        not null,
    request_hash     text        not null,   -- sha-256 of the canonical request body
    order_id         uuid        references customer_order (id),
    response_status  int,                    -- null while the first request is still running
    response_body    jsonb,
    created_at       timestamptz not null default now(),
    completed_at     timestamptz,
    primary key (scope, idempotency_key)
);
create index checkout_request_created on checkout_request (created_at);

-- What the saga holds outside this database for an order: the stock reservation in products and the cart to clear.
-- stock_state is what products last confirmed; the reconciler drives it to what the order's status needs
-- (PAID and later: COMMITTED; failed or cancelled before payment: RELEASED; cancelled after payment: RESTOCKED).
create table order_saga (
    order_id        uuid        primary key references customer_order (id),
    cart_id         text        not null,
    reservation_id  text        not null unique,
    stock_state     text        not null default 'PENDING',
    attempts        int         not null default 0,
    last_error      text,
    updated_at      timestamptz not null default now(),
    constraint order_saga_stock_state check (stock_state in ('PENDING', 'OPEN', 'COMMITTED', 'RELEASED', 'RESTOCKED'))
);
create index order_saga_unsettled on order_saga (updated_at) where stock_state in ('PENDING', 'OPEN', 'COMMITTED');

-- Money owed back to a customer: written in the transaction that records the refund (or the cancellation of a paid
-- order), sent to the gateway after commit and retried by the reconciler until the gateway confirms it.
create table refund_request (
    idempotency_key  text        primary key,
    order_id         uuid        not null references customer_order (id),
    amount_minor     bigint      check (amount_minor is null or amount_minor > 0), -- null: all that is left
    reason           text        not null,
    state            text        not null default 'PENDING',
    attempts         int         not null default 0,
    last_error       text,
    created_at       timestamptz not null default now(),
    completed_at     timestamptz,
    constraint refund_request_state check (state in ('PENDING', 'DONE', 'FAILED'))
);
create index refund_request_pending on refund_request (created_at) where state = 'PENDING';

-- Guests check out too; their actions appear in the timeline as 'guest' (the order's e-mail says who).
alter table order_event drop constraint order_event_actor_check;
alter table order_event add constraint order_event_actor_check
    check (actor in ('system', 'guest') or actor ~ '^(customer|admin):[0-9a-f-]{36}$');
