-- Partners: status, contact, tier, dealer advisory board membership.
alter table partner
    add column status             varchar(32) not null default 'ACTIVE' check (status in ('ACTIVE', 'SUSPENDED', 'TERMINATED')),
    add column contact_name       varchar(200),
    add column contact_email      varchar(254),
    add column contact_phone      varchar(32),
    add column tier               varchar(32) check (tier in ('PLATINUM', 'GOLD', 'SILVER', 'BRONZE')),
    add column board_role         varchar(32) check (board_role in ('CHAIR', 'VICE_CHAIR', 'MEMBER')),
    add column board_member_since date,
    add column board_member_until date,
    add column updated_at         timestamptz;
update partner set updated_at = created_at;
alter table partner alter column updated_at set not null, alter column status drop default;
create index partner_name on partner (lower(name));

-- Shops: address, format, what they sell to whom, catchment, capacity, opening hours, status history.
alter table shop
    add column street               varchar(200) not null default '',
    add column state                varchar(5)   not null default 'DE-NW',
    add column format               varchar(32)  not null default 'CLASSIC' check (format in ('CLASSIC', 'NEW_FORMAT')),
    add column weekly_lead_capacity integer      not null default 0 check (weekly_lead_capacity >= 0),
    add column status_since         timestamptz,
    add column status_reason        varchar(500);
update shop set status_since = created_at;
alter table shop
    alter column status_since set not null,
    alter column street drop default,
    alter column state drop default,
    alter column format drop default,
    alter column weekly_lead_capacity drop default;
create index shop_city on shop (lower(city));
create index shop_postal_code on shop (postal_code varchar_pattern_ops);
create index shop_location on shop (latitude, longitude);

create table shop_segment (
    shop_id uuid        not null references shop (id) on delete cascade,
    segment varchar(32) not null check (segment in ('CONSUMER', 'BUSINESS')),
    primary key (shop_id, segment)
);

create table shop_product_line (
    shop_id      uuid        not null references shop (id) on delete cascade,
    product_line varchar(32) not null check (product_line in ('MOBILE', 'BROADBAND', 'TV', 'HOME_NETWORKING', 'BUSINESS_SOLUTIONS')),
    primary key (shop_id, product_line)
);
create index shop_product_line_by_line on shop_product_line (product_line);

create table shop_catchment (
    shop_id       uuid       not null references shop (id) on delete cascade,
    postal_prefix varchar(5) not null check (postal_prefix ~ '^[0-9]{1,5}$'),
    primary key (shop_id, postal_prefix)
);

create table shop_opening_hours (
    shop_id     uuid        not null references shop (id) on delete cascade,
    position    integer     not null,
    day_of_week varchar(16) not null,
    opens       time        not null,
    closes      time        not null,
    primary key (shop_id, position)
);
