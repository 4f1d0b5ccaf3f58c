-- Nothing reads the raw log by type: the projections are built as events arrive, and a replay reads the log in seq
-- order. The index cost an entry per ingested event on the service's busiest write path.
drop index if exists event_log_type;
