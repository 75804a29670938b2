-- Authors of targets and period rules are the token's subject, which may be 255 characters long (TokenClaimsCheck
-- refuses longer ones): the audit columns hold all of it.
alter table target_change alter column changed_by type varchar(255);
alter table period_rule alter column author type varchar(255), alter column withdrawn_by type varchar(255);
