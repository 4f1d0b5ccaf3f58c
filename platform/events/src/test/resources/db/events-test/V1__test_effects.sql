-- The observable effect of the test handler: how many times each event was applied.
create table test_effect (
    event_id uuid primary key,
    applied  int not null
);

-- The effect of the test handler that keeps event ids itself: a log with one row per event id, and how many times
-- the handler was handed each event (duplicates included).
create table test_keyed_log (
    event_id uuid primary key,
    type     text not null
);
