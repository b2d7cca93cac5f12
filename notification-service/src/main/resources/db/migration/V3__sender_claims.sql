-- The sender's claim on an intent: who holds it and until when, in the database's own time. Until now the claim was
-- a lease written into next_attempt_at in business time, which a moved clock (or two instances' clocks that
-- disagree) could end early; and nothing said whose claim it was, so a slow instance could overwrite another's.
alter table notification add column claimed_by varchar(200);
alter table notification add column claimed_until timestamptz;
