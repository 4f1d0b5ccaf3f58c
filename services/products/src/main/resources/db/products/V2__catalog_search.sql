-- Catalog search and listing (catalog/search feature, V2-V9). The core schema has no search document, so it is
-- added here with "alter table".

-- unaccent() is only STABLE (its dictionary could change), so it cannot appear in an index; this wrapper pins the
-- dictionary, which makes it safe to declare IMMUTABLE. products_fold is the one normal form every comparison
-- uses: accents removed, lower case.
create or replace function products_unaccent(text) returns text
    language sql immutable strict parallel safe
    as $$ select public.unaccent('public.unaccent'::regdictionary, $1) $$;

create or replace function products_fold(text) returns text
    language sql immutable strict parallel safe
    as $$ select lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$;

-- Weighted document: name A, brand and category names B, description C. Stemmed with the English
-- configuration so "shoes" finds "shoe".
create or replace function product_search_vector(p_id uuid, p_name text, p_description text, p_brand uuid)
    returns tsvector
    language sql stable
    as $$
    select setweight(to_tsvector('english', products_unaccent(coalesce(p_name, ''))), 'A')
        || setweight(to_tsvector('english', products_unaccent(
               coalesce((select b.name from brand b where b.id = p_brand), '') || ' '
               || coalesce((select string_agg(c.name, ' ')
                              from product_category pc join category c on c.id = pc.category_id
                             where pc.product_id = p_id), ''))), 'B')
        || setweight(to_tsvector('english', products_unaccent(coalesce(p_description, ''))), 'C')
    $$;

alter table product add column search_vector tsvector not null default ''::tsvector;

-- Triggers rather than the write path: the demo generator, CSV import and any future writer keep the
-- document current without knowing it exists. Only the columns that feed it fire the product trigger, so
-- rating and sold-count updates by other features cost nothing here.
create or replace function product_search_vector_on_write() returns trigger
    language plpgsql
    as $$
begin
    new.search_vector := product_search_vector(new.id, new.name, new.description, new.brand_id);
    return new;
end
$$;

create trigger product_search_vector_on_write
    before insert or update of name, description, brand_id on product
    for each row execute function product_search_vector_on_write();

create or replace function product_search_vector_on_category_link() returns trigger
    language plpgsql
    as $$
declare
    affected uuid := case when tg_op = 'DELETE' then old.product_id else new.product_id end;
begin
    update product p
       set search_vector = product_search_vector(p.id, p.name, p.description, p.brand_id)
     where p.id = affected;
    return null;
end
$$;

create trigger product_search_vector_on_category_link
    after insert or delete on product_category
    for each row execute function product_search_vector_on_category_link();

create or replace function product_search_vector_on_brand_rename() returns trigger
    language plpgsql
    as $$
begin
    update product p
       set search_vector = product_search_vector(p.id, p.name, p.description, p.brand_id)
     where p.brand_id = new.id;
    return null;
end
$$;

create trigger product_search_vector_on_brand_rename
    after update of name on brand
    for each row when (old.name is distinct from new.name)
    execute function product_search_vector_on_brand_rename();

create or replace function product_search_vector_on_category_rename() returns trigger
    language plpgsql
    as $$
begin
    update product p
       set search_vector = product_search_vector(p.id, p.name, p.description, p.brand_id)
     where p.id in (select pc.product_id from product_category pc where pc.category_id = new.id);
    return null;
end
$$;

create trigger product_search_vector_on_category_rename
    after update of name on category
    for each row when (old.name is distinct from new.name)
    execute function product_search_vector_on_category_rename();

update product p set search_vector = product_search_vector(p.id, p.name, p.description, p.brand_id);

-- Shoppers only ever see ACTIVE products, so the search and listing indexes are partial: smaller, and they
-- skip drafts and the archive entirely.
create index product_search on product using gin (search_vector) where status = 'ACTIVE';
-- Typo tolerance (word_similarity, "<%") and prefix autocomplete (LIKE 'iph%') on names.
create index product_name_trgm on product using gin (products_fold(name) gin_trgm_ops) where status = 'ACTIVE';
create index brand_name_trgm on brand using gin (products_fold(name) gin_trgm_ops);
create index category_name_trgm on category using gin (products_fold(name) gin_trgm_ops);

-- One index per sort order, each ending in id so keyset pagination ("after this row") is one index range scan.
create index product_listing_newest on product (created_at desc, id desc) where status = 'ACTIVE';
create index product_listing_price on product (min_price_minor, id) where status = 'ACTIVE';
create index product_listing_rating on product (rating_avg desc, rating_count desc, id desc) where status = 'ACTIVE';
create index product_listing_best_selling on product (sold_count desc, id desc) where status = 'ACTIVE';
-- Admin listing of every status, newest first.
create index product_admin_newest on product (created_at desc, id desc);
