create table remodel (
    id            uuid primary key,
    shop_id       uuid        not null references shop (id),
    partner_id    uuid        not null references partner (id),
    planned_start date        not null,
    planned_end   date        not null,
    actual_start  date,
    actual_end    date,
    closes_shop   boolean     not null,
    status        varchar(32) not null check (status in ('PLANNED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED')),
    cancel_reason varchar(500),
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    version       bigint      not null,
    check (planned_end >= planned_start)
);

-- At most one planned or running remodel per shop, even under concurrent requests.
create unique index remodel_one_open_per_shop on remodel (shop_id) where status in ('PLANNED', 'IN_PROGRESS');
create index remodel_partner on remodel (partner_id);
create index remodel_status_planned_start on remodel (status, planned_start);

create table remodel_goal (
    goal_year integer primary key,
    remodels  integer not null check (remodels >= 0)
);
