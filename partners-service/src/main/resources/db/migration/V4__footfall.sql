-- Weekly visitor counts: one row per shop and ISO week (keyed by the week's Monday), so a re-upload replaces.
create table footfall_week (
    shop_id    uuid        not null references shop (id),
    week_start date        not null check (extract(isodow from week_start) = 1),
    visitors   integer     not null check (visitors >= 0),
    updated_at timestamptz not null,
    primary key (shop_id, week_start)
);
create index footfall_week_by_week on footfall_week (week_start);
