-- Targets per partner, or broken down per shop; every change kept with who, when and why.
alter table target add column shop_id uuid;
alter table target drop constraint target_per_partner_year_line;
create unique index target_per_partner_year_line on target (partner_id, target_year, product_line) where shop_id is null;
create unique index target_per_shop_year_line on target (shop_id, target_year, product_line) where shop_id is not null;

create table target_change (
    id           uuid primary key,
    target_id    uuid         not null references target (id),
    changed_at   timestamptz  not null,
    changed_by   varchar(200) not null,
    reason       varchar(500),
    units_before integer,
    units_after  integer      not null
);
create index target_change_target on target_change (target_id, changed_at);

-- Effective-dated period rules: WAIVE a range, or SCALE it to a share of the annual target.
create table period_rule (
    id           uuid primary key,
    scope        varchar(16)   not null check (scope in ('NETWORK', 'PARTNER', 'SHOP')),
    partner_id   uuid,
    shop_id      uuid,
    product_line varchar(32),
    type         varchar(16)   not null check (type in ('WAIVE', 'SCALE')),
    from_day     date          not null,
    to_day       date          not null,
    percent      numeric(7, 3),
    reason       varchar(500)  not null,
    author       varchar(200)  not null,
    created_at   timestamptz   not null,
    withdrawn_at timestamptz,
    withdrawn_by varchar(200),
    check (to_day >= from_day),
    check ((type = 'SCALE') = (percent is not null)),
    check ((scope = 'NETWORK' and partner_id is null and shop_id is null) or (scope = 'PARTNER' and partner_id is not null and shop_id is null)
           or (scope = 'SHOP' and shop_id is not null))
);
create index period_rule_range on period_rule (from_day, to_day) where withdrawn_at is null;

-- The seasonal curve: a weight per week of the year (7-day blocks from 1 January); years without one use the default.
create table curve_week (
    curve_year integer       not null,
    week       integer       not null check (week between 1 and 53),
    weight     double precision not null check (weight >= 0),
    primary key (curve_year, week)
);

-- Promotion days raise the curve: a date range, optionally only one weekday (e.g. every Thursday), an uplift.
create table promotion (
    id            uuid primary key,
    name          varchar(200)  not null,
    from_day      date          not null,
    to_day        date          not null,
    day_of_week   varchar(16),
    uplift        double precision not null check (uplift > -1),
    product_lines varchar(200)  not null,
    created_at    timestamptz   not null,
    check (to_day >= from_day)
);

-- Shops as the shop events tell them (partner, latest version) and their closures, for PRORATE.
create table shop_state (
    shop_id      uuid primary key,
    partner_id   uuid        not null,
    status       varchar(32) not null,
    shop_version bigint      not null
);
create table shop_closure (
    id          uuid primary key,
    shop_id     uuid         not null,
    partner_id  uuid         not null,
    closed_from date         not null,
    reopened_on date,
    reason      varchar(500),
    check (reopened_on is null or reopened_on >= closed_from)
);
create index shop_closure_shop on shop_closure (shop_id, closed_from);

-- Sales: from won leads (lead_id) or recorded over REST (external_id), each once.
alter table sale add column external_id varchar(200) unique, add column units integer not null default 1 check (units >= 1);
create index sale_shop_sold_at on sale (shop_id, sold_at) where shop_id is not null;

-- Milestones reached (published once) and the last published pace status.
create table milestone (
    partner_id   uuid        not null,
    target_year  integer     not null,
    product_line varchar(32) not null,
    percent      integer     not null,
    reached_at   timestamptz not null,
    primary key (partner_id, target_year, product_line, percent)
);
create table pace_status (
    partner_id   uuid        not null,
    target_year  integer     not null,
    product_line varchar(32) not null,
    status       varchar(16) not null,
    changed_at   timestamptz not null,
    primary key (partner_id, target_year, product_line)
);
