-- A shop's pipeline (PipelineService) counts and ages its leads per stage: with these columns in the shop index, the
-- aggregate reads the index alone (once vacuum has marked the pages all-visible), and its page of newest leads too.
create index lead_shop_pipeline on lead (shop_id, received_at desc) include (status, assigned_at, sla_due_at);
drop index lead_shop;

-- A campaign burst into a young table outgrows its statistics within seconds, and the planner then joined a poll's
-- few hundred person keys against every open lead instead of looking each up on its index (measured: 0.3-1.3 s per
-- poll instead of ~1 ms). Analyse these tables after 2 % growth, not the default 10 %.
alter table lead set (autovacuum_analyze_scale_factor = 0.02, autovacuum_analyze_threshold = 200);
alter table lead_assignment set (autovacuum_analyze_scale_factor = 0.02, autovacuum_analyze_threshold = 200);
