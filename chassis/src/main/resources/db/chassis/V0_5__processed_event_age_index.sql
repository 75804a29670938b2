-- The prune's query (ProcessedEvents.prune): the oldest ids first. A plain build: it holds the table's inserts while it
-- runs (about a second per million rows here; consumers wait, nothing fails). Concurrently it would wait forever for
-- the transaction Flyway's PostgreSQL lock keeps open.
create index processed_event_processed_at on processed_event (processed_at);
