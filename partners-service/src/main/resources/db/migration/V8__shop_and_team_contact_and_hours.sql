-- Where leads-service sends a shop's (or field team's) lead notifications: a functional mailbox, not a person's.
alter table shop add column email varchar(254);
alter table field_team add column email varchar(254);

-- A field team's working hours, counted by the first-contact SLA like a shop's opening hours.
create table field_team_working_hours (
    team_id     uuid        not null references field_team (id) on delete cascade,
    position    integer     not null,
    day_of_week varchar(16) not null,
    opens       time        not null,
    closes      time        not null,
    primary key (team_id, position)
);
