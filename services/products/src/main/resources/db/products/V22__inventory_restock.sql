-- Restock: the orders service cancels a paid order before it ships, and the sold goods go back on the shelf.
-- A COMMITTED reservation becomes RESTOCKED; each of its lines adds its quantity back to on_hand with a RESTOCKED
-- ledger row (delta_on_hand = +quantity). The reconciliation view sums delta_on_hand whatever the reason, so it
-- needs no change: per variant on_hand = received - sold + restocked +- corrections still holds.
-- Both lists only grow, so every existing row passes the new checks.

alter table inventory_ledger drop constraint inventory_ledger_reason_check;
alter table inventory_ledger add constraint inventory_ledger_reason_check
    check (reason in ('RECEIVED', 'CORRECTION', 'RESERVED', 'RELEASED', 'EXPIRED', 'SOLD', 'RESTOCKED'));

-- A restocked reservation stays closed (closed_at keeps the moment its hold ended); the ledger dates the return.
alter table reservation drop constraint reservation_status_check;
alter table reservation add constraint reservation_status_check
    check (status in ('OPEN', 'COMMITTED', 'RELEASED', 'EXPIRED', 'RESTOCKED'));
