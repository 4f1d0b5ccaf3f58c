-- Scratch 100,000-product catalog for EXPLAIN ANALYZE and wrk runs of the catalog/search queries (not the demo
-- generator). Apply to a database the service has migrated: psql -d products_bench -f catalog-100k.sql
select setseed(0.42);
insert into brand (id, slug, name)
select gen_random_uuid(), 'brand-' || i, (array['Apple','Samsung','Google','Sony','Nike','Adidas','Bosch','Philips','Lego','Ikea'])[1 + i % 10] || ' ' || i
from generate_series(1, 300) i;
-- 8 roots x 6 children x 3 grandchildren
do $$
declare r uuid; c uuid; g uuid; i int; j int; k int;
begin
  for i in 1..8 loop
    r := gen_random_uuid();
    insert into category (id, slug, name, position, path) values (r, 'root-' || i, (array['Electronics','Fashion','Home','Garden','Sports','Toys','Kitchen','Books'])[i], i, '/' || r || '/');
    for j in 1..6 loop
      c := gen_random_uuid();
      insert into category (id, parent_id, slug, name, position, path) values (c, r, 'cat-' || i || '-' || j, (array['Phones','Laptops','Audio','Shoes','Lamps','Outdoor'])[j] || ' ' || i, j, '/' || r || '/' || c || '/');
      for k in 1..3 loop
        g := gen_random_uuid();
        insert into category (id, parent_id, slug, name, position, path) values (g, c, 'cat-' || i || '-' || j || '-' || k, (array['Premium','Budget','Pro'])[k] || ' ' || (array['Phones','Laptops','Audio','Shoes','Lamps','Outdoor'])[j] || ' ' || i, k, '/' || r || '/' || c || '/' || g || '/');
      end loop;
    end loop;
  end loop;
end $$;
create temp table nouns as select unnest(array['iPhone','Galaxy','Pixel','Laptop','Headphones','Speaker','Sneaker','Boot','Jacket','Lamp','Kettle','Toaster','Blender','Drill','Tent','Backpack','Watch','Camera','Monitor','Keyboard','Mouse','Chair','Desk','Sofa','Rug','Mug','Knife','Pan','Bicycle','Helmet','Ball','Puzzle','Novel','Cookbook','Guitar','Piano','Tablet','Charger','Cable','Router']) noun;
create temp table adjectives as select unnest(array['Classic','Modern','Smart','Wireless','Leather','Wooden','Compact','Deluxe','Ultra','Mini','Pro','Eco','Vintage','Rugged','Silent','Portable','Premium','Essential','Crème','Café']) adj;
create temp table colors as select unnest(array['black','white','red','blue','green','grey','brown','pink']) color;
insert into product (id, slug, name, description, brand_id, status, attributes, currency, rating_avg, rating_count, sold_count, created_at, published_at)
select id, 'p-' || n, name, 'A ' || lower(name) || ' made for everyday use, with ' || (select adj from adjectives offset (n*7) % 20 limit 1) || ' details.',
  (select id from brand order by slug offset (n % 300) limit 1), case when n % 50 = 0 then 'DRAFT' when n % 50 = 1 then 'ARCHIVED' else 'ACTIVE' end,
  jsonb_build_object('color', (select color from colors offset n % 8 limit 1), 'size', (array['S','M','L','XL'])[1 + n % 4], 'material', (array['cotton','steel','plastic','wood','leather'])[1 + n % 5]),
  'USD', round((random() * 5)::numeric, 2), (random() * 500)::int, (random() * 10000)::int, now() - (n || ' minutes')::interval, now()
from (select n, gen_random_uuid() id,
        (select adj from adjectives offset (n * 13) % 20 limit 1) || ' ' || (select noun from nouns offset (n * 7) % 40 limit 1) || ' ' || (n % 997) as name
      from generate_series(1, 100000) n) s;
analyze product; analyze category;
insert into product_category (product_id, category_id)
select p.id, c.id from (select id, row_number() over (order by slug) rn from product) p
join (select id, row_number() over (order by slug) - 1 rn from category where path ~ '^(/[^/]+){3}/$') c on c.rn = p.rn % 144;
insert into variant (id, product_id, sku, options, price_minor, position)
select gen_random_uuid(), p.id, p.slug || '-' || v, jsonb_build_object('size', (array['S','M','L'])[v]), 500 + (random() * 200000)::bigint, v
from product p cross join generate_series(1, 3) v;
insert into stock (variant_id, sku, on_hand) select id, sku, case when random() < 0.3 then 0 else (random() * 100)::int end from variant;
update product p set min_price_minor = r.mn, max_price_minor = r.mx from (select product_id, min(price_minor) mn, max(price_minor) mx from variant group by product_id) r where r.product_id = p.id;
vacuum analyze;
select status, count(*) from product group by status;
