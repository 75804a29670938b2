-- Excellence programme: executives' days spent directly with customers, against a yearly quota.
create table executive (
    id         uuid primary key,
    name       varchar(200) not null,
    email      varchar(254) not null,
    title      varchar(200),
    created_at timestamptz  not null,
    updated_at timestamptz  not null,
    version    bigint       not null
);
create unique index executive_email on executive (lower(email));

create table customer_day_quota (
    quota_year integer primary key,
    days       integer not null check (days between 0 and 366)
);

create table customer_day (
    id            uuid primary key,
    executive_id  uuid        not null references executive (id),
    day           date        not null,
    shop_id       uuid references shop (id),
    field_team_id uuid references field_team (id),
    notes         varchar(2000),
    created_at    timestamptz not null,
    -- One place visited: a shop or a field team.
    check ((shop_id is null) <> (field_team_id is null)),
    -- A day counts once, however often it is logged.
    unique (executive_id, day)
);
create index customer_day_by_day on customer_day (day);
