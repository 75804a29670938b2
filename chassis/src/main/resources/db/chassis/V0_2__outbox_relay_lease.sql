-- Which instance of the service relays the outbox, and until when its lease runs (see OutboxRelay).
create table outbox_relay_lease (
    id         smallint     primary key check (id = 1),
    holder     varchar(100) not null,
    renewed_at timestamptz  not null
);
