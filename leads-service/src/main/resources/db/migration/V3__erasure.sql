-- GDPR: who asked to erase which lead's personal data, when and why (the lead's statistics stay).
create table lead_erasure (
    id           uuid primary key,
    lead_id      uuid         not null references lead (id),
    erased_at    timestamptz  not null,
    requested_by varchar(200) not null,
    reason       varchar(500) not null
);
create index lead_erasure_lead on lead_erasure (lead_id);
create index lead_closed_not_erased on lead (closed_at) where erased_at is null;
