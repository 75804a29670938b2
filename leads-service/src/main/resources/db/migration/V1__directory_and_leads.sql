-- The routing directory: this service's copy of the shops, built from partners.shop-events.
create table routing_shop (
    shop_id      uuid primary key,
    partner_id   uuid             not null,
    name         varchar(255)     not null,
    postal_code  varchar(10)      not null,
    city         varchar(255),
    latitude     double precision not null,
    longitude    double precision not null,
    status       varchar(32)      not null,
    shop_version bigint           not null,
    updated_at   timestamptz      not null
);

create index routing_shop_open_postal_code on routing_shop (postal_code) where status = 'OPEN';

create table lead (
    id             uuid primary key,
    source         varchar(100)  not null,
    external_id    varchar(200)  not null,
    campaign       varchar(200)  not null,
    product_line   varchar(32)   not null,
    postal_code    varchar(5)    not null,
    latitude       double precision,
    longitude      double precision,
    contact_name   varchar(200),
    contact_email  varchar(254),
    contact_phone  varchar(32),
    consent_granted boolean      not null,
    consent_at     timestamptz,
    status         varchar(32)   not null,
    shop_id        uuid,
    partner_id     uuid,
    routing_reason varchar(500)  not null,
    received_at    timestamptz   not null,
    updated_at     timestamptz   not null,
    version        bigint        not null,
    -- A marketing system's retry or Kafka's redelivery of the same lead is the same lead.
    constraint lead_source_external_id unique (source, external_id)
);

create index lead_shop on lead (shop_id, received_at desc);
