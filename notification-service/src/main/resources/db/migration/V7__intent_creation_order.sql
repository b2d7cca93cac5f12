-- V7, not V5: V6 (inserted_at) was applied first in existing databases, and Flyway refuses a lower version
-- that arrives after a higher one.
-- The order in which intents were created, as the database saw it. created_at is business time, which a moved
-- clock (or a fixed one in a test) can make equal for several intents; the sender keeps one invitation's emails in
-- this order when it delivers a batch on several lanes (an acceptance receipt must not arrive after the decline's).
alter table notification add column creation_order bigserial;
