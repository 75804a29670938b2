-- Outbox ids from a plain sequence, one value per row as before: Hibernate then sends a transaction's outbox rows in
-- its JDBC batches, where an identity column made it insert each row at once (and everything queued before it).
-- The sequence continues after the highest id the identity column ever gave.
create sequence outbox_event_seq;
select setval('outbox_event_seq', greatest(
    coalesce((select max(id) from outbox_event), 0),
    coalesce((select last_value from pg_sequences where schemaname = current_schema() and sequencename = 'outbox_event_id_seq'), 0)) + 1,
    false);
alter table outbox_event alter column id drop identity;
alter table outbox_event alter column id set default nextval('outbox_event_seq');
alter sequence outbox_event_seq owned by outbox_event.id;
