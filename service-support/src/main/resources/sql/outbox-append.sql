-- The outbox row of an event, written in the transaction of the change it announces (Outbox.append on a
-- SqlConnection: the row OutboxMessage maps). The relay publishes it after the commit. Loaded by SqlFile; replayed
-- by bench/run's pgbench accept.

-- name: append
insert into outbox_event (event_id, event_type, message_key, occurred_at, payload, topic, trace_parent)
values ($1, $2, $3, $4, $5, $6, $7);
