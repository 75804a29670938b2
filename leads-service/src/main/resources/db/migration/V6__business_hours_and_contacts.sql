-- What the first-contact SLA counts on (opening hours, working hours, the federal state's holidays) and where lead
-- notifications go, from the shop and field-team events. Null until the next event of that shop or team: the default
-- week applies meanwhile.
alter table routing_shop
    add column state         varchar(8),
    add column opening_hours jsonb not null default '[]',
    add column email         varchar(254);
alter table routing_team
    add column working_hours jsonb not null default '[]',
    add column email         varchar(254);

-- A shop accepts a lead (ACCEPTED) or declines it: the assignment ends with its reason, and the next shop gets it.
alter table lead add column accepted_at timestamptz;
alter table lead_assignment
    add column decline_reason varchar(32),
    add column decline_note   varchar(500);
-- The first-contact SLA runs for NEW and ACCEPTED leads.
drop index lead_sla_due;
create index lead_sla_due on lead (sla_due_at) where status in ('NEW', 'ACCEPTED');
