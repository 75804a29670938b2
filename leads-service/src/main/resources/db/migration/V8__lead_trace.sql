-- The trace a lead arrived in (W3C traceparent): its later events continue it (Lead.traceParent).
alter table lead add column trace_parent varchar(55);
