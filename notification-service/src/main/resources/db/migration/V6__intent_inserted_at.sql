-- When an intent was written, on the database's wall clock (docs/capacity.md, "Per-hop timestamps"): created_at is
-- business time, which ops may move (and the local stack runs in 2022), so it cannot be set beside the other hops'
-- instants (the outbox's published_at, the inbox's processed_at, the SMTP acceptance). bench/ reads it; nothing in
-- the service does. clock_timestamp(), not now(): the instant of the insert, not of the consuming transaction's start
-- (which processed_at already is). Added nullable and the default set after, so that existing rows are not
-- rewritten: they keep null.
alter table notification add column inserted_at timestamptz;
alter table notification alter column inserted_at set default clock_timestamp();
