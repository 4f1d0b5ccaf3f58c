-- The demo shop's shipping, tax and one discount code (USD, like the demo catalog). Loaded once, into a shop with
-- no shipping zones yet; every id is fixed so the storefront and docs can name them.
insert into shipping_zone (id, name) values
    ('00000000-0000-4000-8000-00000000a001', 'United States'),
    ('00000000-0000-4000-8000-00000000a002', 'Europe and Canada');
insert into shipping_zone_area (zone_id, country) values
    ('00000000-0000-4000-8000-00000000a001', 'US'),
    ('00000000-0000-4000-8000-00000000a002', 'CA'), ('00000000-0000-4000-8000-00000000a002', 'GB'),
    ('00000000-0000-4000-8000-00000000a002', 'DE'), ('00000000-0000-4000-8000-00000000a002', 'FR'),
    ('00000000-0000-4000-8000-00000000a002', 'NL'), ('00000000-0000-4000-8000-00000000a002', 'ES'),
    ('00000000-0000-4000-8000-00000000a002', 'IT');
insert into shipping_method (id, zone_id, name, kind, currency, rate_minor, free_over_minor, min_days, max_days) values
    ('00000000-0000-4000-8000-00000000b001', '00000000-0000-4000-8000-00000000a001', 'Standard', 'FREE_OVER', 'USD',
        599, 7500, 3, 5),
    ('00000000-0000-4000-8000-00000000b002', '00000000-0000-4000-8000-00000000a001', 'Express', 'EXPRESS', 'USD',
        1999, null, 1, 2),
    ('00000000-0000-4000-8000-00000000b003', '00000000-0000-4000-8000-00000000a002', 'International', 'FLAT', 'USD',
        2499, null, 5, 10);
insert into tax_rate (id, country, region, name, rate_percent, shipping_taxable) values
    ('00000000-0000-4000-8000-00000000c001', 'US', 'CA', 'California sales tax', 7.25, false),
    ('00000000-0000-4000-8000-00000000c002', 'US', 'NY', 'New York sales tax', 8.875, true),
    ('00000000-0000-4000-8000-00000000c003', 'US', 'TX', 'Texas sales tax', 6.25, false);
insert into discount (id, code, kind, percent_off, min_subtotal_minor, per_customer_limit) values
    ('00000000-0000-4000-8000-00000000d001', 'WELCOME10', 'PERCENTAGE', 10, 2000, 1);
