-- The routing directory learns what routing needs: what a shop sells to whom, where it serves, how many leads a week.
-- Sets are kept as comma-separated text (see StringSetConverter); the directory is rebuilt from partners.shop-events.
alter table routing_shop
    add column format               varchar(32),
    add column segments             varchar(200)  not null default '',
    add column product_lines        varchar(200)  not null default '',
    add column catchment            varchar(4000) not null default '',
    add column weekly_lead_capacity integer       not null default 0;

-- The direct sales partner's field teams, from FieldTeam events on partners.shop-events.
create table routing_team (
    team_id              uuid primary key,
    partner_id           uuid          not null,
    name                 varchar(255)  not null,
    city                 varchar(255)  not null,
    live_from            date          not null,
    postal_coverage      varchar(4000) not null,
    product_focus        varchar(200)  not null,
    weekly_lead_capacity integer       not null,
    status               varchar(32)   not null,
    team_version         bigint        not null,
    updated_at           timestamptz   not null
);

-- Social-media campaigns that send leads; code is what marketing systems put in a lead's "campaign" field.
create table campaign (
    id                  uuid primary key,
    code                varchar(100) not null unique,
    name                varchar(200) not null,
    channel             varchar(32)  not null check (channel in ('FACEBOOK', 'INSTAGRAM', 'TIKTOK', 'YOUTUBE', 'LINKEDIN', 'OTHER')),
    targeting_model     varchar(100),
    targeting_version   varchar(50),
    product_focus       varchar(200) not null,
    segment             varchar(32)  not null check (segment in ('CONSUMER', 'BUSINESS')),
    starts_on           date         not null,
    ends_on             date,
    status              varchar(32)  not null check (status in ('PILOT', 'ROLLED_OUT', 'STOPPED')),
    named_shop_id       uuid,
    created_at          timestamptz  not null,
    updated_at          timestamptz  not null,
    version             bigint       not null,
    check (ends_on is null or ends_on >= starts_on)
);

-- The pilot's participating shops and the control group of comparable shops.
create table campaign_shop (
    campaign_id uuid        not null references campaign (id) on delete cascade,
    shop_id     uuid        not null,
    grp         varchar(16) not null check (grp in ('PILOT', 'CONTROL')),
    primary key (campaign_id, shop_id)
);

alter table lead
    add column campaign_id        uuid references campaign (id),
    add column segment            varchar(32)  not null default 'CONSUMER',
    add column named_shop_id      uuid,
    add column team_id            uuid,
    add column message            varchar(2000),
    add column email_normalized   varchar(254),
    add column phone_e164         varchar(20),
    add column duplicate_of       uuid references lead (id),
    add column assigned_at        timestamptz,
    add column first_contact_at   timestamptz,
    add column sla_due_at         timestamptz,
    add column reassignments      integer      not null default 0,
    add column lost_reason        varchar(32),
    add column closed_at          timestamptz,
    add column erased_at          timestamptz;
alter table lead alter column routing_reason type varchar(1000);
create index lead_person_email on lead (email_normalized, product_line, received_at) where email_normalized is not null;
create index lead_person_phone on lead (phone_e164, product_line, received_at) where phone_e164 is not null;
create index lead_sla_due on lead (sla_due_at) where status = 'NEW';
create index lead_status_received on lead (status, received_at);
create index lead_campaign on lead (campaign_id);
create index lead_team on lead (team_id) where team_id is not null;

-- Consent per purpose and recipient: "may be contacted by the assigned partner shop about product line X".
create table lead_consent (
    id           uuid primary key,
    lead_id      uuid         not null references lead (id),
    purpose      varchar(64)  not null,
    recipient    varchar(64)  not null,
    product_line varchar(32)  not null,
    granted      boolean      not null,
    granted_at   timestamptz,
    source       varchar(100) not null,
    expires_at   timestamptz,
    recorded_at  timestamptz  not null
);
create index lead_consent_lead on lead_consent (lead_id);

-- Every routing decision with its trail: which step chose what, and why each candidate was skipped.
create table routing_decision (
    id         uuid primary key,
    lead_id    uuid          not null references lead (id),
    decided_at timestamptz   not null,
    cause      varchar(32)   not null,
    outcome    varchar(32)   not null,
    shop_id    uuid,
    team_id    uuid,
    reason     varchar(1000) not null,
    trail      jsonb         not null
);
create index routing_decision_lead on routing_decision (lead_id, decided_at);

-- Every assignment of a lead to a shop or team: a shop's weekly load, and who let an SLA lapse.
create table lead_assignment (
    id          uuid primary key,
    lead_id     uuid        not null references lead (id),
    shop_id     uuid,
    team_id     uuid,
    assigned_at timestamptz not null,
    ended_at    timestamptz,
    end_reason  varchar(32)
);
create index lead_assignment_shop_week on lead_assignment (shop_id, assigned_at) where shop_id is not null;
create index lead_assignment_team_week on lead_assignment (team_id, assigned_at) where team_id is not null;
create index lead_assignment_lead on lead_assignment (lead_id);
