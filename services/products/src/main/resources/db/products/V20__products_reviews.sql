-- Reviews: one per customer and product. Shoppers see VISIBLE reviews only; product.rating_avg and
-- product.rating_count count exactly those and are rewritten in the transaction of every review change.
create table review (
    id                uuid primary key,
    product_id        uuid        not null references product (id) on delete cascade,
    user_id           uuid        not null,
    author_name       text        not null default 'Customer' check (char_length(author_name) <= 60),
    rating            smallint    not null check (rating between 1 and 5),
    title             text        not null check (char_length(title) between 1 and 120),
    body              text        not null default '' check (char_length(body) <= 5000),
    status            text        not null default 'VISIBLE' check (status in ('VISIBLE', 'HIDDEN')),
    verified_purchase boolean     not null default false,
    helpful_count     int         not null default 0 check (helpful_count >= 0),
    hidden_at         timestamptz,
    hidden_by         uuid,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    unique (product_id, user_id)
);
-- Shoppers' sort orders (newest, by rating, by helpfulness) within one product, visible reviews only.
create index review_visible_newest on review (product_id, created_at desc, id desc) where status = 'VISIBLE';
create index review_visible_rating on review (product_id, rating, created_at desc, id desc) where status = 'VISIBLE';
create index review_visible_helpful on review (product_id, helpful_count desc, created_at desc, id desc)
    where status = 'VISIBLE';
-- Moderation queue, newest first; verified-purchase marking by customer.
create index review_moderation on review (created_at desc, id desc);
create index review_by_user on review (user_id);

-- "This review helped me": one vote per customer and review.
create table review_helpful_vote (
    review_id  uuid        not null references review (id) on delete cascade,
    user_id    uuid        not null,
    created_at timestamptz not null default now(),
    primary key (review_id, user_id)
);

-- Who bought what, from the orders service's order.paid events. No foreign key to product: an order may
-- name a product deleted since, and the fact that the customer bought it stays true.
create table review_purchase (
    user_id        uuid        not null,
    product_id     uuid        not null,
    first_order_id uuid,
    purchased_at   timestamptz not null default now(),
    primary key (user_id, product_id)
);
