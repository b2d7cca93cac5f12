-- The audit trail (docs/audit.md): one row per action event of the invitation, registration and speaking-request
-- topics. Rebuilt from the topics at will, so nothing else refers to it. The event id makes the consumer
-- idempotent on its own: a redelivered event inserts nothing ("on conflict do nothing"), and there is no separate
-- inbox row (the other consumers of these topics in this service claim the same event ids in inbox_processed_event).
-- No personal data: ids, the action, the actor's kind and (for staff) JWT subject, the channel, the document
-- reference and a summary built from codes, counts and dates only.
create table audit_entry (
    event_id            uuid          primary key,
    event_type          varchar(60)   not null,
    occurred_at         timestamptz   not null,
    forum_id            uuid,
    letter_id           uuid,
    invitation_id       uuid,
    session_id          uuid,
    speaking_request_id uuid,
    action              varchar(40)   not null,
    actor_kind          varchar(10)   not null,
    actor_subject       varchar(200),
    channel             varchar(20),
    document_reference  varchar(200),
    summary             varchar(500)  not null,
    recorded_at         timestamptz   not null default now()
);

-- The two views, newest first: per invitation and per forum.
create index audit_entry_invitation on audit_entry (invitation_id, occurred_at desc, event_id desc);
create index audit_entry_forum on audit_entry (forum_id, occurred_at desc, event_id desc);
