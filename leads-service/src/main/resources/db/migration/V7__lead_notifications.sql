-- When a lead awaiting its first contact has 2 business hours left (its shop is reminded then).
alter table lead add column sla_reminder_at timestamptz;
create index lead_sla_reminder on lead (sla_reminder_at) where status in ('NEW', 'ACCEPTED');

-- Mails to shops (and field teams) about their leads, written in the transaction that caused them and sent after it
-- committed; one per cause and assignment (the assignment is the lead's assigned_at), whatever retries or instances do.
create table lead_notification (
    id              uuid         primary key,
    lead_id         uuid         not null references lead (id),
    cause           varchar(16)  not null check (cause in ('ASSIGNED', 'REASSIGNED', 'DUE_SOON', 'BREACHED')),
    assigned_at     timestamptz  not null,
    shop_id         uuid,
    team_id         uuid,
    recipient       varchar(254) not null,
    created_at      timestamptz  not null,
    attempts        integer      not null default 0,
    next_attempt_at timestamptz  not null,
    sent_at         timestamptz,
    given_up_at     timestamptz,
    -- A mail no longer worth sending (the lead moved on before it went out).
    dropped_at      timestamptz,
    last_error      varchar(500),
    unique (lead_id, cause, assigned_at)
);
create index lead_notification_due on lead_notification (next_attempt_at)
    where sent_at is null and given_up_at is null and dropped_at is null;
