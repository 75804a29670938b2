-- A shop's pipeline summary read its leads on every request, so it cost more the more leads the shop held. Now each
-- shop's leads are counted per status here, in the transaction that stores, moves or reassigns a lead (a trigger, so
-- that no path that changes a lead can miss it; leads are never deleted, an erasure keeps the row). The sum of their
-- assignment times gives the average age without reading them: now - assigned_seconds / leads.
create table shop_pipeline_stage (
    shop_id          uuid        not null,
    status           varchar(32) not null,
    leads            bigint      not null,
    -- Seconds since the epoch of the leads' assignment, summed (null assignment times count as 0: none in a shop).
    assigned_seconds numeric     not null,
    primary key (shop_id, status)
) with (fillfactor = 50); -- room on the page for a burst's updates of the same rows (HOT updates)

create function shop_pipeline_add(shop uuid, stage varchar, leads bigint, assigned timestamptz) returns void
language sql as $$
    insert into shop_pipeline_stage (shop_id, status, leads, assigned_seconds)
    values (shop, stage, leads, leads * coalesce(extract(epoch from assigned), 0))
    on conflict (shop_id, status) do update
        set leads = shop_pipeline_stage.leads + excluded.leads,
            assigned_seconds = shop_pipeline_stage.assigned_seconds + excluded.assigned_seconds
$$;

create function shop_pipeline_count() returns trigger language plpgsql as $$
declare
    leaving  boolean := tg_op = 'UPDATE' and old.shop_id is not null;
    arriving boolean := new.shop_id is not null;
begin
    if tg_op = 'UPDATE' and old.shop_id is not distinct from new.shop_id and old.status = new.status
            and old.assigned_at is not distinct from new.assigned_at then
        return null;
    end if;
    -- A move touches two rows: always in key order, so that two moves never wait for each other in a circle.
    if leaving and arriving and (old.shop_id, old.status) > (new.shop_id, new.status) then
        perform shop_pipeline_add(new.shop_id, new.status, 1, new.assigned_at);
        perform shop_pipeline_add(old.shop_id, old.status, -1, old.assigned_at);
    else
        if leaving then
            perform shop_pipeline_add(old.shop_id, old.status, -1, old.assigned_at);
        end if;
        if arriving then
            perform shop_pipeline_add(new.shop_id, new.status, 1, new.assigned_at);
        end if;
    end if;
    return null;
end
$$;

create trigger lead_shop_pipeline_count after insert or update on lead
    for each row execute function shop_pipeline_count();

insert into shop_pipeline_stage (shop_id, status, leads, assigned_seconds)
select shop_id, status, count(*), coalesce(sum(extract(epoch from assigned_at)), 0)
from lead where shop_id is not null group by shop_id, status;

-- The rest of the summary reads only what its answer needs: the oldest open lead per stage (one index probe each), the
-- open leads of the last seven days (the age buckets below seven days; over seven days is the count less these), and
-- the leads past their first-contact time.
create index lead_shop_open_age on lead (shop_id, status, assigned_at)
    where status in ('NEW', 'ACCEPTED', 'CONTACTED', 'APPOINTMENT');
create index lead_shop_first_contact_due on lead (shop_id, sla_due_at) where status in ('NEW', 'ACCEPTED');
