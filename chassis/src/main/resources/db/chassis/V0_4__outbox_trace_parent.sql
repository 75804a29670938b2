-- The trace an event was published in (a W3C traceparent, 55 characters): the relay sends it on in that trace.
alter table outbox_event add column trace_parent varchar(55);
