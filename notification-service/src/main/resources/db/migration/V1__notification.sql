-- notification-service's own read model (built from events) and its delivery log.

-- Forum editions: only what an email shows (name, zone, venue). The latest revision wins.
create table forum_edition (
    forum_id    uuid          primary key,
    revision    bigint        not null,
    code        varchar(50)   not null,
    names       text          not null,   -- JSON {language: name}
    venue       varchar(500),
    time_zone   varchar(60)   not null
);

-- Circular letters: the text once per language; invitations point to it by id. The latest revision wins.
create table circular_letter (
    letter_id         uuid          primary key,
    revision          integer       not null,
    forum_id          uuid          not null,
    reference         varchar(100)  not null,
    original_language varchar(2)    not null,
    texts             text          not null,   -- JSON {language: {subject, body}}
    signatory_name    varchar(300),
    signatory_title   varchar(300),
    contact_name      varchar(300),
    contact_email     varchar(320),
    contact_phone     varchar(100)
);

-- The contact directory: one row per invitation. A row may exist before InvitationIssued arrives (a reply on
-- another topic can overtake it); the personal columns are then null until the invitation arrives.
-- Personal data: full_name, form_of_address, title, email, cc. Nulled on revocation and at the end of retention.
create table contact (
    invitation_id          uuid          primary key,
    forum_id               uuid,
    letter_id              uuid,
    full_name              varchar(300),
    form_of_address        varchar(100),
    rank                   varchar(30),
    title                  varchar(300),
    email                  varchar(320),
    cc                     text,          -- JSON array of addresses
    language               varchar(2),
    time_zone              varchar(60),
    member_state           varchar(10),
    response_deadline_date date,
    response_deadline_zone varchar(60),
    response_deadline_at   timestamptz,
    speaking_deadline_date date,
    speaking_deadline_zone varchar(60),
    speaking_deadline_at   timestamptz,
    link_version           integer,
    link_expires_at        timestamptz,
    reply_status           varchar(20),   -- null until a reply: ACCEPTED, DECLINED, WITHDRAWN
    speaking_requested     boolean       not null default false,
    revoked_at             timestamptz,
    erased_at              timestamptz,
    issued_at              timestamptz
);

-- The reminder sweep pages through open invitations by primary key (keyset pagination); the partial index keeps
-- that scan to the invitations that can still need a reminder.
create index contact_open on contact (invitation_id) where revoked_at is null and erased_at is null;

-- The delivery log. One row per intent: the unique intent_key is what makes "exactly one email per intent".
create table notification (
    id                 uuid          primary key,
    intent_key         varchar(300)  not null unique,
    invitation_id      uuid          not null,
    kind               varchar(50)   not null,
    status             varchar(20)   not null,   -- PENDING, SENT, FAILED, SKIPPED, CANCELLED
    payload            text,                     -- JSON of the event details the message needs (erasable)
    recipient          varchar(320),             -- filled at send time from the directory (erasable)
    requested_language varchar(2),
    language           varchar(2),
    language_fallback  boolean       not null default false,
    message_id         varchar(200),
    attempts           integer       not null default 0,
    next_attempt_at    timestamptz   not null,
    last_error         varchar(1000),
    resend_of          uuid,
    created_at         timestamptz   not null,
    sent_at            timestamptz
);

-- The sender's claim query: due pending rows, oldest first.
create index notification_due on notification (next_attempt_at) where status = 'PENDING';
create index notification_by_invitation on notification (invitation_id, created_at);
create index notification_by_created on notification (created_at);
