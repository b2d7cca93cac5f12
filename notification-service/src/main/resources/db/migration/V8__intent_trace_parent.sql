-- The W3C trace context of the event (or request) that created the intent (docs/tracing.md). The sender runs later,
-- on its own loop; its "smtp send" span is a child of this context, so a minister's receipt is in the trace of
-- their reply. Null for intents created outside any trace (the reminder sweep) and for older rows.
alter table notification add column trace_parent varchar(128);
