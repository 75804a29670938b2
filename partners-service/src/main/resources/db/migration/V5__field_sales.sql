-- The direct sales partner's field teams (one active team per partner and city), their headcount plan and reps.
create table field_team (
    id                   uuid primary key,
    partner_id           uuid         not null references partner (id),
    name                 varchar(200) not null,
    city                 varchar(100) not null,
    live_from            date         not null,
    campaign             varchar(200),
    weekly_lead_capacity integer      not null check (weekly_lead_capacity >= 0),
    status               varchar(32)  not null check (status in ('ACTIVE', 'DISBANDED')),
    created_at           timestamptz  not null,
    updated_at           timestamptz  not null,
    version              bigint       not null
);
create unique index field_team_one_active_per_city on field_team (partner_id, lower(city)) where status = 'ACTIVE';
create index field_team_city on field_team (lower(city));

create table field_team_postal_coverage (
    team_id       uuid       not null references field_team (id) on delete cascade,
    postal_prefix varchar(5) not null check (postal_prefix ~ '^[0-9]{1,5}$'),
    primary key (team_id, postal_prefix)
);

create table field_team_product_focus (
    team_id      uuid        not null references field_team (id) on delete cascade,
    product_line varchar(32) not null check (product_line in ('MOBILE', 'BROADBAND', 'TV', 'HOME_NETWORKING', 'BUSINESS_SOLUTIONS')),
    primary key (team_id, product_line)
);

create table field_team_headcount_plan (
    team_id   uuid    not null references field_team (id) on delete cascade,
    month     date    not null check (extract(day from month) = 1),
    headcount integer not null check (headcount >= 0),
    primary key (team_id, month)
);

create table field_rep (
    id              uuid primary key,
    team_id         uuid         not null references field_team (id),
    name            varchar(200) not null,
    employee_number varchar(50),
    source          varchar(32)  not null check (source in ('INTERNAL_POOL', 'EXTERNAL')),
    start_date      date         not null,
    end_date        date,
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null,
    version         bigint       not null,
    check (end_date is null or end_date >= start_date)
);
create index field_rep_team on field_rep (team_id, start_date);

create table field_rep_product_focus (
    rep_id       uuid        not null references field_rep (id) on delete cascade,
    product_line varchar(32) not null check (product_line in ('MOBILE', 'BROADBAND', 'TV', 'HOME_NETWORKING', 'BUSINESS_SOLUTIONS')),
    primary key (rep_id, product_line)
);
