-- Partner events (e.g. the partner summit): seats, registrations per partner, waitlist in order of registration.
create table partner_event (
    id                        uuid primary key,
    name                      varchar(200) not null,
    event_date                date         not null,
    venue                     varchar(200) not null,
    city                      varchar(100) not null,
    capacity                  integer      not null check (capacity >= 0),
    max_attendees_per_partner integer      not null check (max_attendees_per_partner between 1 and 100),
    registration_closes_at    timestamptz  not null,
    created_at                timestamptz  not null,
    updated_at                timestamptz  not null,
    version                   bigint       not null
);
create index partner_event_date on partner_event (event_date);

create table event_registration (
    id            uuid primary key,
    event_id      uuid        not null references partner_event (id),
    partner_id    uuid        not null references partner (id),
    status        varchar(32) not null check (status in ('CONFIRMED', 'WAITLISTED', 'CANCELLED')),
    seats         integer     not null check (seats >= 1),
    registered_at timestamptz not null,
    confirmed_at  timestamptz,
    cancelled_at  timestamptz,
    version       bigint      not null
);
-- A partner registers once per event (again only after cancelling), even under concurrent requests.
create unique index event_registration_one_per_partner on event_registration (event_id, partner_id) where status <> 'CANCELLED';
create index event_registration_queue on event_registration (event_id, status, registered_at);

create table event_attendee (
    registration_id uuid         not null references event_registration (id) on delete cascade,
    position        integer      not null,
    name            varchar(200) not null,
    email           varchar(254),
    role            varchar(100),
    primary key (registration_id, position)
);
