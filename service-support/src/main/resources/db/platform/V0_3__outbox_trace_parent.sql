-- The W3C trace context of the transaction that wrote the event (docs/tracing.md): the relay publishes the row as a
-- child of it, so the trace of a request goes on through Kafka into every consumer. Null for rows written outside
-- any trace, and for rows written before this column existed.
alter table outbox_event add column trace_parent varchar(128);
