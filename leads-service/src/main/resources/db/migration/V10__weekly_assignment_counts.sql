-- Routing read each shop's (and field team's) assignments of the week with a count over lead_assignment in every
-- transaction that routes, so the more leads a shop got in a week, the more each poll cost. Now each one's assignments
-- are counted per week here, in the transaction that stores them (a trigger, so that no path that assigns can miss one;
-- assignments are never deleted). Once per insert statement: Hibernate writes a poll's assignments in a few.
create table routing_week_load (
    target_id  uuid        not null, -- the shop's or the field team's id
    week_start timestamptz not null, -- Monday 00:00 in Germany (Router.weekStart)
    assigned   bigint      not null,
    primary key (target_id, week_start)
) with (fillfactor = 50); -- room on the page for a burst's updates of the same rows (HOT updates)

create function business_week_start(at timestamptz) returns timestamptz language sql stable as $$
    select date_trunc('week', at at time zone 'Europe/Berlin') at time zone 'Europe/Berlin'
$$;

create function routing_week_count() returns trigger language plpgsql as $$
begin
    -- In key order, so that two transactions never wait for each other's rows in a circle.
    insert into routing_week_load (target_id, week_start, assigned)
    select coalesce(shop_id, team_id), business_week_start(assigned_at), count(*)
    from added where coalesce(shop_id, team_id) is not null
    group by 1, 2 order by 1, 2
    on conflict (target_id, week_start) do update set assigned = routing_week_load.assigned + excluded.assigned;
    return null;
end
$$;

create trigger lead_assignment_week_count after insert on lead_assignment
    referencing new table as added for each statement execute function routing_week_count();

insert into routing_week_load (target_id, week_start, assigned)
select coalesce(shop_id, team_id), business_week_start(assigned_at), count(*)
from lead_assignment where coalesce(shop_id, team_id) is not null
group by 1, 2;
