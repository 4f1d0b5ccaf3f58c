-- Merchandising: what the home page shows besides the catalog itself.

-- The admin-managed, ordered list of featured products. Replaced as a whole by the admin API.
create table featured_product (
    product_id uuid primary key references product (id) on delete cascade,
    position   int         not null,
    created_at timestamptz not null default now()
);
create index featured_product_position on featured_product (position);

-- Promotional banners, shown in position order while now() is inside [starts_at, ends_at); an open end is
-- unbounded. The image is an absolute URL or a key in the image storage port (one of the two).
create table banner (
    id         uuid primary key,
    headline   text        not null check (char_length(headline) between 1 and 120),
    body       text        not null default '' check (char_length(body) <= 500),
    image_url  text check (char_length(image_url) <= 2048),
    image_key  text check (char_length(image_key) <= 128),
    link_url   text check (char_length(link_url) <= 2048),
    position   int         not null default 0,
    starts_at  timestamptz,
    ends_at    timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    check ((image_url is null) <> (image_key is null)),
    check (starts_at is null or ends_at is null or starts_at < ends_at)
);
create index banner_position on banner (position, id);
