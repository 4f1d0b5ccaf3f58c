-- Inventory: reservations held by service callers, and the append-only ledger that explains every stock number.
-- The stock table itself is part of the core schema (V1); this migration adds no column to it.

-- Every change to stock.on_hand or stock.reserved is one row here, so that per variant
--   on_hand  = sum(delta_on_hand)   (received - sold +- corrections)
--   reserved = sum(delta_reserved)  = the quantities of its OPEN reservations.
-- Keyed by variant_id (a SKU can be renamed, a deleted variant's SKU reused); sku is kept as it was at the time.
-- No foreign key: the history outlives a deleted variant.
create table inventory_ledger (
    id             bigint generated always as identity primary key,
    variant_id     uuid        not null,
    sku            text        not null,
    delta_on_hand  int         not null default 0,
    delta_reserved int         not null default 0,
    reason         text        not null
        check (reason in ('RECEIVED', 'CORRECTION', 'RESERVED', 'RELEASED', 'EXPIRED', 'SOLD')),
    actor          text        not null,
    reference      text,
    note           text,
    at             timestamptz not null default now()
);
create index inventory_ledger_by_variant on inventory_ledger (variant_id, id);

-- Append-only: history that can be rewritten proves nothing.
create function inventory_ledger_is_append_only() returns trigger
    language plpgsql as
$$
begin
    raise exception 'inventory_ledger is append-only: % refused', tg_op using errcode = 'restrict_violation';
end;
$$;
create trigger inventory_ledger_no_update_or_delete
    before update or delete on inventory_ledger
    for each row execute function inventory_ledger_is_append_only();
create trigger inventory_ledger_no_truncate
    before truncate on inventory_ledger
    for each statement execute function inventory_ledger_is_append_only();

-- Stock rows are born elsewhere (the catalog creates one per variant, the demo generator writes them directly),
-- possibly with stock on hand. Recording that opening balance here keeps the ledger whole whoever inserts the row.
create function inventory_ledger_opening_balance() returns trigger
    language plpgsql as
$$
begin
    if new.on_hand <> 0 or new.reserved <> 0 then
        insert into inventory_ledger (variant_id, sku, delta_on_hand, delta_reserved, reason, actor, note)
        values (new.variant_id, new.sku, new.on_hand, new.reserved, 'RECEIVED', 'system:stock-created',
                'opening balance');
    end if;
    return new;
end;
$$;
create trigger stock_opening_balance
    after insert on stock
    for each row execute function inventory_ledger_opening_balance();

-- A reservation is identified by the id its caller chose (the idempotency key), owned by that caller.
create table reservation (
    id           text        primary key check (id ~ '^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$'),
    client_id    text        not null,
    reference    text,
    status       text        not null default 'OPEN'
        check (status in ('OPEN', 'COMMITTED', 'RELEASED', 'EXPIRED')),
    ttl_seconds  int         not null check (ttl_seconds > 0),
    created_at   timestamptz not null default now(),
    expires_at   timestamptz not null,
    closed_at    timestamptz,
    check ((status = 'OPEN') = (closed_at is null))
);
-- The sweeper's queue: only open reservations, oldest expiry first.
create index reservation_open_by_expiry on reservation (expires_at) where status = 'OPEN';

-- No foreign key to stock either: a variant may be deleted while its reservation is still open.
create table reservation_line (
    reservation_id text not null references reservation (id),
    sku            text not null,
    variant_id     uuid not null,
    quantity       int  not null check (quantity > 0),
    primary key (reservation_id, sku)
);
create index reservation_line_by_variant on reservation_line (variant_id);

-- Admin lists: the low-stock and out-of-stock SKUs stay a small part of the catalog, so their partial indexes do too.
create index stock_low_by_sku on stock (sku) where on_hand - reserved <= low_stock_threshold;
create index stock_out_by_sku on stock (sku) where on_hand = reserved;

-- Rows that break the ledger's promise. Empty in a healthy database; GET /api/admin/inventory/reconciliation reads it.
create view inventory_discrepancy as
select s.variant_id,
       s.sku,
       s.on_hand,
       coalesce(l.on_hand, 0)::bigint  as ledger_on_hand,
       s.reserved,
       coalesce(l.reserved, 0)::bigint as ledger_reserved,
       coalesce(o.reserved, 0)::bigint as open_reserved
from stock s
left join (select variant_id, sum(delta_on_hand) as on_hand, sum(delta_reserved) as reserved
           from inventory_ledger
           group by variant_id) l on l.variant_id = s.variant_id
left join (select rl.variant_id, sum(rl.quantity) as reserved
           from reservation_line rl
           join reservation r on r.id = rl.reservation_id
           where r.status = 'OPEN'
           group by rl.variant_id) o on o.variant_id = s.variant_id
where s.on_hand <> coalesce(l.on_hand, 0)
   or s.reserved <> coalesce(l.reserved, 0)
   or s.reserved <> coalesce(o.reserved, 0);
