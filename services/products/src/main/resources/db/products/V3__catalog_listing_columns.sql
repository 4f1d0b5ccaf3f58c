-- "In stock" as a product column (catalog feature; the core schema has none, hence "alter table").
-- Computing it per request means joining every variant with its stock row: ~250 ms over 100,000 products, on
-- every listing, facet and filter. Kept here by triggers instead, which write only when a SKU's availability
-- flips (on_hand > reserved changes truth value), so the inventory hot path (reservations) pays nothing unless it
-- sells the last unit or restocks an empty SKU.
alter table product add column in_stock boolean not null default false;

create or replace function product_refresh_in_stock(p_product uuid) returns void
    language sql
    as $$
    update product p
       set in_stock = x.available
      from (select exists (select 1 from variant v join stock s on s.variant_id = v.id
                            where v.product_id = p_product and v.active and s.on_hand > s.reserved) available) x
     where p.id = p_product and p.in_stock is distinct from x.available
    $$;

create or replace function product_in_stock_on_stock_change() returns trigger
    language plpgsql
    as $$
declare
    changed uuid := case when tg_op = 'DELETE' then old.variant_id else new.variant_id end;
begin
    perform product_refresh_in_stock(v.product_id) from variant v where v.id = changed;
    return null;
end
$$;

create trigger product_in_stock_on_stock_update
    after update of on_hand, reserved on stock
    for each row when ((old.on_hand > old.reserved) is distinct from (new.on_hand > new.reserved))
    execute function product_in_stock_on_stock_change();

create trigger product_in_stock_on_stock_insert
    after insert on stock
    for each row when (new.on_hand > new.reserved)
    execute function product_in_stock_on_stock_change();

create or replace function product_in_stock_on_variant_change() returns trigger
    language plpgsql
    as $$
begin
    perform product_refresh_in_stock(case when tg_op = 'DELETE' then old.product_id else new.product_id end);
    return null;
end
$$;

create trigger product_in_stock_on_variant_active
    after update of active on variant
    for each row when (old.active is distinct from new.active)
    execute function product_in_stock_on_variant_change();

-- A deleted variant takes its stock row with it (cascade), when the variant can no longer be looked up.
create trigger product_in_stock_on_variant_delete
    after delete on variant
    for each row execute function product_in_stock_on_variant_change();

update product p set in_stock = exists (select 1 from variant v join stock s on s.variant_id = v.id
                                         where v.product_id = p.id and v.active and s.on_hand > s.reserved);

-- Category subtree membership as a column: every category a product is in, and all their ancestors, once each.
-- The subtree filter becomes "category_ancestors @> {id}" on a GIN index, and category facets and tree counts a
-- group-by over unnest() instead of joining links to paths and de-duplicating (450 ms over 100,000 products).
alter table product add column category_ancestors uuid[] not null default '{}';

create or replace function product_category_ancestors(p_product uuid) returns uuid[]
    language sql stable
    as $$
    select coalesce(array_agg(distinct ancestor), '{}')
      from product_category pc
      join category c on c.id = pc.category_id
     cross join lateral unnest(string_to_array(trim(both '/' from c.path), '/')::uuid[]) ancestor
     where pc.product_id = p_product
    $$;

-- The link trigger of V2 now keeps both derived columns in one update.
create or replace function product_search_vector_on_category_link() returns trigger
    language plpgsql
    as $$
declare
    affected uuid := case when tg_op = 'DELETE' then old.product_id else new.product_id end;
begin
    update product p
       set search_vector = product_search_vector(p.id, p.name, p.description, p.brand_id),
           category_ancestors = product_category_ancestors(p.id)
     where p.id = affected;
    return null;
end
$$;

-- A moved branch changes the ancestors of every product filed anywhere below it; each moved category's path
-- update fires this for its own products.
create or replace function product_category_ancestors_on_move() returns trigger
    language plpgsql
    as $$
begin
    update product p
       set category_ancestors = product_category_ancestors(p.id)
     where p.id in (select pc.product_id from product_category pc where pc.category_id = new.id);
    return null;
end
$$;

create trigger product_category_ancestors_on_move
    after update of path on category
    for each row when (old.path is distinct from new.path)
    execute function product_category_ancestors_on_move();

update product p set category_ancestors = product_category_ancestors(p.id);

create index product_category_ancestors on product using gin (category_ancestors) where status = 'ACTIVE';

-- Attribute values as "name=value" texts (list attributes give one entry per element), derived from the jsonb:
-- attribute filters become "attribute_values && {...}" on a GIN index and attribute facets a group-by over
-- unnest(). Numbers and booleans appear as their JSON text ("5", "true").
create or replace function product_attribute_values(attributes jsonb) returns text[]
    language sql immutable parallel safe
    as $$
    select coalesce(array_agg(distinct e.key || '=' || coalesce(a.value, e.value #>> '{}')), '{}')
      from jsonb_each(attributes) e
      left join lateral jsonb_array_elements_text(case when jsonb_typeof(e.value) = 'array' then e.value end)
           a(value) on true
     where jsonb_typeof(e.value) not in ('object', 'null')
       and (jsonb_typeof(e.value) <> 'array' or a.value is not null)
    $$;

alter table product add column attribute_values text[]
    generated always as (product_attribute_values(attributes)) stored;

create index product_attribute_values on product using gin (attribute_values) where status = 'ACTIVE';
