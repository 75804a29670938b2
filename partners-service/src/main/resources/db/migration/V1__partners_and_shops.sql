create table partner (
    id         uuid primary key,
    name       varchar(255) not null,
    type       varchar(32)  not null check (type in ('RETAIL_PARTNER', 'DIRECT_SALES', 'BUSINESS_PARTNER')),
    created_at timestamptz  not null,
    version    bigint       not null
);

create table shop (
    id          uuid primary key,
    partner_id  uuid             not null references partner (id),
    name        varchar(255)     not null,
    postal_code varchar(5)       not null,
    city        varchar(255)     not null,
    latitude    double precision not null,
    longitude   double precision not null,
    status      varchar(32)      not null check (status in ('OPEN', 'TEMPORARILY_CLOSED', 'CLOSED')),
    created_at  timestamptz      not null,
    updated_at  timestamptz      not null,
    version     bigint           not null
);

create index shop_partner on shop (partner_id);
