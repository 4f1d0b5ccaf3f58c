-- Platform event backbone, shipped inside platform-events and applied to every service's own database.
-- Versions below 1 keep platform migrations out of the way of each service's V1, V2...

-- Events written in the same transaction as the business change; the relay publishes them afterwards.
-- id orders the relay's work; event_id is the CloudEvent id consumers dedupe on.
create table outbox_event (
    id           bigint generated always as identity primary key,
    event_id     uuid        not null unique,
    type         text        not null,
    subject      text,
    envelope     jsonb       not null,
    created_at   timestamptz not null default now(),
    published_at timestamptz
);

-- The relay only ever looks for unpublished rows in id order; the partial index stays as small as the backlog.
create index outbox_event_unpublished on outbox_event (id) where published_at is null;
-- Purging published rows past their retention.
create index outbox_event_published_at on outbox_event (published_at) where published_at is not null;

-- One row per event a consumer group has applied, inserted in the transaction that applies it, so a
-- redelivered event is recognised and skipped: at-least-once delivery, exactly-once effect.
create table processed_event (
    consumer_group text        not null,
    event_id       uuid        not null,
    processed_at   timestamptz not null default now(),
    primary key (consumer_group, event_id)
);

create index processed_event_processed_at on processed_event (processed_at);
