-- Who asked for an erasure is the token's subject, which may be 255 characters long (StrictTokenParsing refuses longer
-- ones): the audit column holds all of it.
alter table lead_erasure alter column requested_by type varchar(255);
