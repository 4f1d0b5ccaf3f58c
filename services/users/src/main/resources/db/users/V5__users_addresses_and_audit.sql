-- The address book: any number of addresses per account (bounded by the service), at most one default
-- shipping and one default billing address, which the partial unique indexes guarantee under concurrency.
create table address (
    id                  uuid primary key,
    account_id          uuid        not null references account (id) on delete cascade,
    label               text,
    recipient_name      text        not null,
    company             text,
    line1               text        not null,
    line2               text,
    city                text        not null,
    region              text,
    postal_code         text        not null,
    country             char(2)     not null check (country = upper(country)),
    phone               text,
    is_default_shipping boolean     not null default false,
    is_default_billing  boolean     not null default false,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now()
);
create index address_account on address (account_id, created_at);
create unique index address_one_default_shipping on address (account_id) where is_default_shipping;
create unique index address_one_default_billing on address (account_id) where is_default_billing;

-- What administrators did, to whom, and when. Append-only: the trigger refuses updates and deletes, so a
-- compromised admin session cannot rewrite history through the application.
create table audit_log (
    id         bigserial primary key,
    at         timestamptz not null default now(),
    actor_id   uuid        not null,
    action     text        not null,
    target_id  uuid,
    details    jsonb       not null default '{}'::jsonb
);
create index audit_log_target on audit_log (target_id, id desc);
create index audit_log_recent on audit_log (id desc);

create function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only';
end;
$$;
create trigger audit_log_append_only before update or delete on audit_log
    for each row execute function audit_log_is_append_only();
