-- The catalog's core shape, shared by the catalog, search, inventory, reviews and merchandising features.
-- Each feature adds its own tables in its own migrations: catalog/search V2-V9, inventory V10-V19,
-- reviews and merchandising V20-V29, demo data none (it writes through the tables).

-- Trusted extensions (PostgreSQL 13+): a database owner may create them.
create extension if not exists pg_trgm;
create extension if not exists unaccent;

-- Categories form a tree. "path" is the chain of ids from the root ('/root-id/child-id/'), so a subtree is
-- one prefix scan and a product listed in a child category also counts for its ancestors.
create table category (
    id          uuid primary key,
    parent_id   uuid references category (id),
    slug        text        not null unique,
    name        text        not null,
    description text,
    position    int         not null default 0,
    path        text        not null unique,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);
create index category_children on category (parent_id, position);
create index category_path_prefix on category (path text_pattern_ops);

create table brand (
    id         uuid primary key,
    slug       text        not null unique,
    name       text        not null unique,
    created_at timestamptz not null default now()
);

-- Money is integer minor units plus an ISO 4217 currency. Listing, sorting and facets read the denormalised
-- columns (price range, rating, sold count), which the features that own those facts keep current.
create table product (
    id                uuid primary key,
    slug              text        not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name              text        not null,
    description       text        not null default '',
    brand_id          uuid references brand (id),
    status            text        not null default 'DRAFT' check (status in ('DRAFT', 'ACTIVE', 'ARCHIVED')),
    attributes        jsonb       not null default '{}'::jsonb,
    seo_title         text,
    seo_description   text,
    currency          char(3)     not null default 'USD',
    min_price_minor   bigint,
    max_price_minor   bigint,
    rating_avg        numeric(3, 2) not null default 0,
    rating_count      int         not null default 0,
    sold_count        bigint      not null default 0,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    published_at      timestamptz
);
create index product_status_created on product (status, created_at desc, id);
create index product_brand on product (brand_id);
create index product_attributes on product using gin (attributes jsonb_path_ops);

create table product_category (
    product_id  uuid not null references product (id) on delete cascade,
    category_id uuid not null references category (id) on delete cascade,
    primary key (product_id, category_id)
);
create index product_category_by_category on product_category (category_id, product_id);

-- A variant is a SKU: its own options (size, colour, ...), price and stock.
create table variant (
    id                     uuid primary key,
    product_id             uuid        not null references product (id) on delete cascade,
    sku                    text        not null unique,
    options                jsonb       not null default '{}'::jsonb,
    price_minor            bigint      not null check (price_minor >= 0),
    compare_at_price_minor bigint check (compare_at_price_minor is null or compare_at_price_minor >= 0),
    weight_grams           int check (weight_grams is null or weight_grams >= 0),
    position               int         not null default 0,
    active                 boolean     not null default true,
    created_at             timestamptz not null default now(),
    updated_at             timestamptz not null default now()
);
create index variant_product on variant (product_id, position);

-- Images live in the storage port (a local directory by default); rows keep the key and what to show.
create table product_image (
    id          uuid primary key,
    product_id  uuid        not null references product (id) on delete cascade,
    variant_id  uuid references variant (id) on delete set null,
    storage_key text        not null,
    alt         text,
    position    int         not null default 0,
    width       int,
    height      int,
    created_at  timestamptz not null default now()
);
create index product_image_product on product_image (product_id, position);

-- Stock per SKU. Never negative and never more reserved than on hand: the CHECKs hold under any concurrency,
-- writers use conditional updates. Every change is also a row in the inventory ledger (inventory migrations).
create table stock (
    variant_id          uuid primary key references variant (id) on delete cascade,
    sku                 text        not null unique,
    on_hand             int         not null default 0 check (on_hand >= 0),
    reserved            int         not null default 0 check (reserved >= 0),
    low_stock_threshold int         not null default 5 check (low_stock_threshold >= 0),
    updated_at          timestamptz not null default now(),
    check (reserved <= on_hand)
);
-- Shoppers' "in stock" filter and the low-stock list read availability directly.
create index stock_available on stock (variant_id) where on_hand > reserved;
