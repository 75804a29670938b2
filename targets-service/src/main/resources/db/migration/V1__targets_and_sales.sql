create table target (
    id           uuid primary key,
    partner_id   uuid        not null,
    target_year  integer     not null,
    product_line varchar(32) not null,
    units        integer     not null check (units >= 0),
    updated_at   timestamptz not null,
    version      bigint      not null,
    constraint target_per_partner_year_line unique (partner_id, target_year, product_line)
);

create table sale (
    id           uuid primary key,
    partner_id   uuid        not null,
    shop_id      uuid,
    product_line varchar(32) not null,
    -- A won lead counts once, whatever Kafka redelivers.
    lead_id      uuid unique,
    source       varchar(16) not null,
    sold_at      timestamptz not null
);

create index sale_partner_sold_at on sale (partner_id, sold_at);
