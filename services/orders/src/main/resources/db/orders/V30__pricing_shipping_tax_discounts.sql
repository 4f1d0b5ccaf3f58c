-- Shipping, tax and discount rules (package com.scalecommerce.orders.pricing).
-- Orders are referenced by uuid without a foreign key: the order tables arrive in a later migration.

create table shipping_zone (
    id         uuid primary key,
    name       text        not null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
);

-- One area belongs to one zone, so an address always resolves to a single zone; a region-specific area
-- wins over the country-wide one.
create table shipping_zone_area (
    zone_id uuid    not null references shipping_zone (id) on delete cascade,
    country char(2) not null,
    region  text    not null default ''
);
create unique index shipping_zone_area_unique on shipping_zone_area (country, region);
create index shipping_zone_area_zone on shipping_zone_area (zone_id);

create table shipping_method (
    id              uuid primary key,
    zone_id         uuid        not null references shipping_zone (id) on delete cascade,
    name            text        not null,
    kind            text        not null check (kind in ('FLAT', 'WEIGHT', 'FREE_OVER', 'EXPRESS')),
    currency        char(3)     not null,
    rate_minor      bigint check (rate_minor >= 0),
    free_over_minor bigint check (free_over_minor >= 0),
    -- Weight bands: band i costs band_rates[i] for a parcel up to band_up_to_grams[i] grams (ascending).
    band_up_to_grams bigint[],
    band_rates       bigint[],
    min_days        int         not null check (min_days >= 0),
    max_days        int         not null check (max_days >= min_days),
    active          boolean     not null default true,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now()
);
create index shipping_method_zone on shipping_method (zone_id);

create table tax_rate (
    id               uuid primary key,
    country          char(2)      not null,
    region           text         not null default '',
    name             text         not null,
    rate_percent     numeric(7, 4) not null check (rate_percent >= 0 and rate_percent <= 100),
    shipping_taxable boolean      not null default true,
    created_at       timestamptz  not null default now(),
    updated_at       timestamptz  not null default now()
);
create unique index tax_rate_area_unique on tax_rate (country, region);

create table discount (
    id                 uuid primary key,
    code               text         not null,
    kind               text         not null check (kind in ('PERCENTAGE', 'FIXED')),
    percent_off        numeric(5, 2) check (percent_off > 0 and percent_off <= 100),
    amount_off_minor   bigint check (amount_off_minor > 0),
    currency           char(3),
    min_subtotal_minor bigint check (min_subtotal_minor >= 0),
    starts_at          timestamptz,
    ends_at            timestamptz,
    usage_limit        int check (usage_limit > 0),
    per_customer_limit int check (per_customer_limit > 0),
    used               int          not null default 0 check (used >= 0),
    active             boolean      not null default true,
    created_at         timestamptz  not null default now(),
    updated_at         timestamptz  not null default now(),
    check (usage_limit is null or used <= usage_limit),
    check (kind <> 'FIXED' or (amount_off_minor is not null and currency is not null)),
    check (kind <> 'PERCENTAGE' or percent_off is not null)
);
-- Codes are case-insensitive: SUMMER10 and summer10 are one code.
create unique index discount_code_unique on discount (lower(code));

create table discount_redemption (
    discount_id  uuid        not null references discount (id),
    order_id     uuid        not null,
    -- the customer's uuid, or "guest:" + the lower-cased e-mail for a guest checkout
    customer_key text        not null,
    amount_minor bigint      not null,
    currency     char(3)     not null,
    redeemed_at  timestamptz not null default now(),
    primary key (discount_id, order_id)
);
create index discount_redemption_customer on discount_redemption (discount_id, customer_key);
create index discount_redemption_order on discount_redemption (order_id);
