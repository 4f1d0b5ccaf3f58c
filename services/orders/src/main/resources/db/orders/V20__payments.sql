-- Payments as the gateway reports them. An order is referenced by its id alone: the order tables come later,
-- and the order id doubles as the gateway idempotency key, so one order can never hold two payments.
create table payment (
    id                 uuid primary key,
    order_id           uuid        not null unique,
    gateway            text        not null,
    gateway_payment_id text        unique,
    status             text        not null,
    amount             bigint      not null check (amount > 0),
    currency           char(3)     not null,
    decline_code       text,
    amount_refunded    bigint      not null default 0 check (amount_refunded >= 0 and amount_refunded <= amount),
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now()
);

-- One row per gateway refund, so replaying a refund (same idempotency key, same gateway refund) counts once.
create table payment_refund (
    gateway_refund_id text primary key,
    payment_id        uuid        not null references payment (id),
    idempotency_key   text        not null,
    amount            bigint      not null check (amount > 0),
    created_at        timestamptz not null default now()
);

-- Webhook events already applied: inserted in the same transaction as their effect, so a redelivery is a no-op.
create table payment_webhook_event (
    gateway     text        not null,
    event_id    text        not null,
    type        text        not null,
    received_at timestamptz not null default now(),
    primary key (gateway, event_id)
);

-- The sandbox gateway's own state, standing in for Stripe's side of the wire.
create table payment_sandbox_intent (
    id              text primary key,
    idempotency_key text        not null unique,
    amount          bigint      not null,
    currency        char(3)     not null,
    payment_method  text        not null,
    status          text        not null,
    decline_code    text,
    client_secret   text        not null,
    order_id        uuid,
    created_at      timestamptz not null default now()
);

create table payment_sandbox_refund (
    id              text primary key,
    intent_id       text        not null references payment_sandbox_intent (id),
    idempotency_key text        not null unique,
    amount          bigint      not null,
    created_at      timestamptz not null default now()
);
