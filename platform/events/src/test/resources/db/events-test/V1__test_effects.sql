-- The observable effect of the test handler: how many times each event was applied.
create table test_effect (
    event_id uuid primary key,
    applied  int not null
);
